import { getUnitReport, insertReportEvent, moveUnitPeriodValues, updateUnitReportRow } from '@dx/db';
import {
  AppError,
  type DataValueEntry,
  decideReport,
  type ReportCommand,
  type ReportFigures,
  type ReportStatus,
} from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import {
  type CheckedEntry,
  checkUnitDataEntries,
  writeUnitDataEntries,
} from '../data-items/unit-data-entries';
import { itemsOfPeriod, loadUnitData, slotKey, type UnitData } from '../data-items/unit-data-values';
import { computeReportFigures } from './compute-report-figures';
import { reportView } from './get-unit-report';
import { loadReport, reportActorFor } from './load-report';
import { presentReport } from './reports.presenter';

/** How a report's step moves its unit's figures of the period (save moves none). */
const VALUE_MOVES: Partial<Record<string, { from: string[]; to: string }>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  accept: { from: ['submitted'], to: 'accepted' },
};

export type Narrative = {
  results?: string;
  obstacles?: string;
  proposals?: string;
  /** The reported figures typed in the report form (issue 16), saved with the report. */
  values?: DataValueEntry[];
};

/** The figures sent with a report, as they stand once the form's entries are written (the snapshot's dataValues). */
function sentDataValues(
  u: UnitData,
  entries: readonly CheckedEntry[],
): NonNullable<ReportFigures['dataValues']> {
  const typed = new Map(entries.map((e) => [slotKey(e.column.item.id, e.column.from), e]));
  return u.columns.map((c) => {
    const key = slotKey(c.item.id, c.from);
    const e = typed.get(key);
    const stored = u.values.get(key);
    const value = e ? e.value : stored ? Number(stored.value) : null;
    return {
      itemId: c.item.id,
      code: c.item.code,
      nameVi: c.item.nameVi,
      nameEn: c.item.nameEn,
      unitOfMeasure: c.item.unitOfMeasure,
      frequency: c.item.frequency,
      periodFrom: c.from,
      periodTo: c.to,
      value,
      note: value === null ? '' : e ? e.note : (stored?.note ?? ''),
    };
  });
}

/**
 * One step of a report (save, submit, return, accept), the way every step goes: load, decide with the pure rule
 * (domain reports/workflow), check the version, then write the report, its history and the audit entry in one
 * transaction. A refused step changes nothing. A locked (accepted) report answers REPORT.LOCKED with who/when/why.
 */
export async function applyReportStep({
  ctx,
  reportId,
  version,
  command,
  narrative,
  acceptComment,
}: {
  ctx: UseCaseContext;
  reportId: string;
  version: number;
  command: ReportCommand;
  narrative?: Narrative;
  /** An optional note when accepting. */
  acceptComment?: string;
}) {
  const { report, period } = await loadReport(ctx, reportId);
  const actor = await reportActorFor(ctx, report.unitId, report.provinceId);
  const decision = decideReport(
    { status: report.status as ReportStatus, periodOpen: period.status === 'open' },
    command,
    actor,
  );
  if (!decision.ok) {
    const details = report.status === 'accepted' ? { lock: presentReport(report).lock } : undefined;
    if (decision.code === 'VALIDATION.FAILED')
      throw new AppError('VALIDATION.FAILED', decision.message, {
        issues: [{ path: ['body', 'comment'], message: decision.message }],
      });
    throw new AppError(decision.code, decision.message, details);
  }
  if (report.version !== version) throw versionConflict(presentReport(report));

  // The figures typed in the report form are checked before anything is written (errors on body.values.<i>…),
  // then saved — and, on submission, sent — with the report in its one transaction (issue 16).
  const writing = decision.action === 'save' || decision.action === 'submit';
  let unitData: UnitData | null = null;
  let entries: CheckedEntry[] = [];
  if (writing && (narrative?.values?.length || decision.action === 'submit'))
    unitData = await loadUnitData(ctx, period.id, report.unitId);
  if (unitData && narrative?.values?.length)
    entries = await checkUnitDataEntries(ctx, unitData, narrative.values);

  // The snapshot is computed before the transaction (read-only) so what is stored is exactly what was shown; it
  // holds the reported figures as they stand once the form's entries are written.
  let figures: ReportFigures | null = null;
  if (decision.action === 'submit' && unitData)
    figures = {
      ...(await computeReportFigures({ ctx, period, unitId: report.unitId })),
      dataValues: sentDataValues(unitData, entries),
    };
  const askedItemIds = VALUE_MOVES[decision.action]
    ? (await itemsOfPeriod(ctx, period)).map((i) => i.id)
    : [];

  const text = (s: string | undefined, old: string) => (s === undefined ? old : s);
  const comment =
    command.type === 'return'
      ? command.comment.trim()
      : command.type === 'accept'
        ? acceptComment?.trim() || null
        : null;
  const updated = await inTransaction(ctx, async (tx) => {
    if (unitData) await writeUnitDataEntries(tx, ctx, unitData, entries);
    const patch: Parameters<typeof updateUnitReportRow>[3] = { status: decision.to };
    if (decision.action === 'save' || decision.action === 'submit') {
      patch.results = text(narrative?.results, report.results);
      patch.obstacles = text(narrative?.obstacles, report.obstacles);
      patch.proposals = text(narrative?.proposals, report.proposals);
    }
    if (decision.action === 'submit') {
      patch.figures = figures as unknown as Record<string, unknown>;
      patch.submittedAt = ctx.now;
      patch.firstSubmittedAt = report.firstSubmittedAt ?? ctx.now;
      patch.submittedBy = ctx.actor.userId;
      patch.submittedByName = ctx.actor.displayName;
    }
    if (decision.action === 'return' || decision.action === 'accept') {
      patch.reviewedAt = ctx.now;
      patch.reviewedBy = ctx.actor.userId;
      patch.reviewedByName = ctx.actor.displayName;
      patch.reviewComment = comment;
    }
    const row = await updateUnitReportRow(tx, report.id, version, patch);
    if (!row) throw versionConflict(presentReport((await getUnitReport(tx, report.id))!));
    await insertReportEvent(tx, {
      reportId: report.id,
      provinceId: report.provinceId,
      action: decision.action,
      statusFrom: report.status,
      statusTo: decision.to,
      comment,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: ctx.now,
    });
    // The unit's reported figures of the period ride with its report (issue 16): submitted, returned or accepted
    // with it; a value the DX office already accepted or returned alone keeps its own state.
    const move = VALUE_MOVES[decision.action];
    if (move)
      await moveUnitPeriodValues(tx, {
        provinceId: report.provinceId,
        unitId: report.unitId,
        periodFrom: period.periodFrom,
        periodTo: period.periodTo,
        itemIds: askedItemIds,
        from: move.from,
        to: move.to,
        actorUserId: ctx.actor.userId,
        at: ctx.now,
        comment,
      });
    await audit(tx, ctx, {
      action: `unit_report.${decision.action}`,
      entityType: 'unit_report',
      entityId: report.id,
      provinceId: report.provinceId,
      before: presentReport(report),
      after: presentReport(row),
    });
    return row;
  });
  return reportView(ctx, period, updated.unitId, updated);
}
