import { isoDate, planDocument, planNumber, targetGoal, targetSubject } from '@dx/domain';
import { z } from 'zod';
import { list, recordVersion } from './common';

// Requests

export const planParams = z.object({ planId: z.uuid('Mã kế hoạch không hợp lệ') });
export const planRevisionParams = planParams.extend({ revisionId: z.coerce.number().int().min(1) });
export const plansQuery = z.object({ provinceId: z.uuid().optional() });

export const createPlanBody = z.object({
  provinceId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  copyFromPlanId: z.uuid().optional(),
  title: z.string().trim().min(1).max(1000).optional(),
  number: planNumber.nullable().optional(),
  date: isoDate.nullable().optional(),
  /**
   * Copying into another province: the source plan's unit → the target province's unit, or null to drop that
   * reference (what POST /plans/copy-mapping could not match). Unit groups by code likewise.
   */
  unitMap: z.record(z.uuid(), z.uuid().nullable()).optional(),
  groupMap: z
    .record(z.string().trim().min(1).max(60), z.string().trim().min(1).max(60).nullable())
    .optional(),
});
export type CreatePlanBody = z.input<typeof createPlanBody>;

type DocumentShape = typeof planDocument.shape;
type Patchable = {
  [K in keyof DocumentShape]: z.ZodOptional<
    DocumentShape[K] extends z.ZodDefault<infer T> ? T : DocumentShape[K]
  >;
};
/**
 * Every part optional and none defaulted: a part not sent stays as stored. (`planDocument.partial()` would fill
 * the defaulted parts — kind, parent issuer, period, parts, purposes — and so reset them on every save.)
 */
const patchable = Object.fromEntries(
  Object.entries(planDocument.shape).map(([k, s]) => [
    k,
    (s instanceof z.ZodDefault ? s.unwrap() : s).optional(),
  ]),
) as Patchable;

/** Each part sent replaces the stored part; `version` is the one the client read. */
export const updatePlanBody = z.object(patchable).extend({ version: recordVersion });
export type UpdatePlanBody = z.input<typeof updatePlanBody>;

/** Which units and groups of a plan map onto another province, before copying it there. */
export const copyMappingBody = z.object({
  copyFromPlanId: z.uuid(),
  provinceId: z.uuid(),
  /** The year of the copy: the target's units as they stand then (default today). */
  year: z.number().int().min(2000).max(2100).optional(),
});
export type CopyMappingBody = z.input<typeof copyMappingBody>;

// Responses

const unitInfoOut = z.object({ unitId: z.string(), name: z.string(), kind: z.string() });
export const copyMappingOut = z.object({
  /** The source plan's units: the target's unit suggested by kind and name (null: the user chooses) and the choices. */
  units: z.array(
    unitInfoOut.extend({ suggestion: unitInfoOut.nullable(), candidates: z.array(unitInfoOut) }),
  ),
  /** The source plan's unit groups and whether the target province has the same code. */
  groups: z.array(z.object({ code: z.string(), exists: z.boolean() })),
  /** The target province's unit groups to choose from. */
  targetGroups: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type CopyMappingOut = z.infer<typeof copyMappingOut>;

export const planSummaryOut = z.object({
  id: z.string(),
  provinceId: z.string(),
  number: z.string().nullable(),
  issuerName: z.string(),
  date: z.string().nullable(),
  year: z.number(),
  title: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  targetCount: z.number(),
  themeCount: z.number(),
});
export type PlanSummaryOut = z.infer<typeof planSummaryOut>;
export const planListOut = list(planSummaryOut);
export type PlanListOut = z.infer<typeof planListOut>;

export const planOut = z.object({
  id: z.string(),
  provinceId: z.string(),
  version: z.number(),
  copiedFromPlanId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  document: planDocument,
  /** Per legal basis: the id of the stored plan it cites (e.g. the 2022–2025 parent plan 29/KH-UBND), if any. */
  legalBasisLinks: z.array(z.string().nullable()),
  /** Flat list of targets and themes with their codes (I.2.a, II.4.a), for tagging and for the next features. */
  targetIndex: z.array(
    z.object({ id: z.string(), code: z.string(), goal: targetGoal, subject: targetSubject }),
  ),
  themeIndex: z.array(
    z.object({ id: z.string(), code: z.string(), parentId: z.string().nullable(), title: z.string() }),
  ),
});
export type PlanOut = z.infer<typeof planOut>;

export const planRevisionOut = z.object({
  id: z.number(),
  version: z.number(),
  action: z.string(),
  parts: z.array(z.string()),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type PlanRevisionOut = z.infer<typeof planRevisionOut>;
export const planRevisionListOut = list(planRevisionOut);
export type PlanRevisionListOut = z.infer<typeof planRevisionListOut>;
export const planRevisionDetailOut = planRevisionOut.extend({ before: z.unknown(), after: z.unknown() });
