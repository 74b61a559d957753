import { copyTargetRules, insertPlan, insertPlanRevision, listProvinces, loadPlan } from '@dx/db';
import {
  AppError,
  blankPlanDocument,
  copyPlanDocument,
  copyTargetRule,
  issuerForProvince,
  localDateOf,
  said,
} from '@dx/domain';
import { isUniqueViolation } from '../../http/errors';
import { audit, authorizeProvince, inTransaction, type UseCaseContext } from '../../use-case/context';
import { checkPlan, duplicateNumber } from './check-plan';
import { loadAuthorizedPlan } from './load-plan';
import { draftForProvince } from './province-copy';

export type CreatePlanInput = {
  provinceId: string;
  year: number;
  /** Start from a copy of this plan (e.g. 2023 for the 2024 plan) instead of a blank one. */
  copyFromPlanId?: string | undefined;
  title?: string | undefined;
  number?: string | null | undefined;
  date?: string | null | undefined;
  /** Copying into another province: source unit → target unit (null drops the reference); groups by code. */
  unitMap?: Record<string, string | null> | undefined;
  groupMap?: Record<string, string | null> | undefined;
};

/** The DX office starts a new plan: blank, or a copy of another plan; a draft unless number and date are given. */
export async function createPlan({ ctx, input }: { ctx: UseCaseContext; input: CreatePlanInput }) {
  authorizeProvince(ctx, 'plan.write', input.provinceId);
  let draft: Record<string, unknown>;
  let sourceYear: number | null = null;
  if (input.copyFromPlanId) {
    const source = await loadAuthorizedPlan(ctx, input.copyFromPlanId, 'plan.read');
    sourceYear = source.document.year;
    // Into another province: its issuer and place, its units by kind and name (issue 17, province-copy.ts).
    draft =
      source.row.provinceId === input.provinceId
        ? copyPlanDocument(source.document, input.year, input.title)
        : await draftForProvince(ctx, source.document, source.row.provinceId, input);
  } else {
    const province = (await listProvinces(ctx.db, localDateOf(ctx.now))).find(
      (p) => p.unitId === input.provinceId,
    );
    if (!province)
      throw new AppError('ORG_UNIT.NOT_FOUND', said('province.notFound'), {
        provinceId: input.provinceId,
      });
    draft = blankPlanDocument({ ...issuerForProvince(province.name), year: input.year, title: input.title });
  }
  if (input.number !== undefined) draft.number = input.number;
  if (input.date !== undefined) draft.date = input.date;
  const document = await checkPlan(ctx, input.provinceId, draft);
  try {
    return await inTransaction(ctx, async (tx) => {
      const planId = await insertPlan(tx, {
        provinceId: input.provinceId,
        document,
        createdBy: ctx.actor.userId,
        copiedFromPlanId: input.copyFromPlanId ?? null,
      });
      // A copy computes its targets the way the source did (dates moved to the new year).
      let targetRulesCopied = 0;
      if (input.copyFromPlanId && sourceYear !== null) {
        const from = sourceYear;
        targetRulesCopied = await copyTargetRules(tx, {
          fromPlanId: input.copyFromPlanId,
          toPlanId: planId,
          updatedBy: ctx.actor.userId,
          transform: (rule) => copyTargetRule(rule, from, input.year),
        });
      }
      const stored = (await loadPlan(tx, planId))!;
      const action = input.copyFromPlanId ? 'copy' : 'create';
      await insertPlanRevision(tx, {
        planId,
        version: 1,
        action,
        parts: [],
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        before: null,
        after: stored.document,
      });
      await audit(tx, ctx, {
        action: `plan.${action}`,
        entityType: 'plan',
        entityId: planId,
        provinceId: input.provinceId,
        after: {
          number: document.number,
          year: document.year,
          title: document.title,
          copyFromPlanId: input.copyFromPlanId ?? null,
          ...(input.copyFromPlanId ? { targetRulesCopied } : {}),
        },
      });
      return stored;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber(document.number);
    throw error;
  }
}
