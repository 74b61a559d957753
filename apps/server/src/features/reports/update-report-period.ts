import { getReportPeriod, replacePeriodUnits, updateReportPeriodRow } from '@dx/db';
import { said, type UpdateReportPeriodInput, validationError, worded } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { loadPeriod } from './load-report';
import { presentPeriod } from './reports.presenter';
import { resolveRequired } from './resolve-required';

/**
 * The DX office edits a period (label, dates, due date, who must report) or closes/reopens it. A change to the
 * groups, the units or the period end re-resolves the required list as of the (new) period end; reports already
 * started stay, and a unit no longer required counts as not applicable.
 */
export async function updateReportPeriod({
  ctx,
  periodId,
  input,
}: {
  ctx: UseCaseContext;
  periodId: string;
  input: UpdateReportPeriodInput;
}) {
  const before = await loadPeriod(ctx, periodId, 'report.manage');
  if (before.version !== input.version) throw versionConflict(presentPeriod(before));
  const next = {
    periodFrom: input.periodFrom ?? before.periodFrom,
    periodTo: input.periodTo ?? before.periodTo,
    dueDate: input.dueDate ?? before.dueDate,
    groupIds: input.groupIds ?? before.requiredGroupIds,
    unitIds: input.unitIds ?? before.requiredUnitIds,
  };
  const issues = [];
  if (next.periodFrom > next.periodTo)
    issues.push({ path: ['body', 'periodTo'], ...worded('dates.endBeforeStart') });
  if (next.dueDate < next.periodFrom)
    issues.push({ path: ['body', 'dueDate'], ...worded('period.dueBeforeStart') });
  if (next.groupIds.length === 0 && next.unitIds.length === 0)
    issues.push({
      path: ['body', 'unitIds'],
      ...worded('period.chooseRequired'),
    });
  if (issues.length) throw validationError(said('period.invalid'), issues);
  const reresolve =
    input.groupIds !== undefined || input.unitIds !== undefined || next.periodTo !== before.periodTo;
  const required = reresolve
    ? await resolveRequired(ctx.db, {
        provinceId: before.provinceId,
        groupIds: next.groupIds,
        unitIds: next.unitIds,
        asOf: next.periodTo,
      })
    : null;
  const closing = input.status === 'closed' && before.status !== 'closed';
  const reopening = input.status === 'open' && before.status === 'closed';
  const updated = await inTransaction(ctx, async (tx) => {
    const row = await updateReportPeriodRow(tx, periodId, input.version, {
      ...(input.label !== undefined ? { label: input.label.trim() } : {}),
      periodFrom: next.periodFrom,
      periodTo: next.periodTo,
      dueDate: next.dueDate,
      requiredGroupIds: [...new Set(next.groupIds)],
      requiredUnitIds: [...new Set(next.unitIds)],
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(closing ? { closedAt: ctx.now, closedBy: ctx.actor.userId } : {}),
      ...(reopening ? { closedAt: null, closedBy: null } : {}),
    });
    if (!row) throw versionConflict(presentPeriod((await getReportPeriod(tx, periodId))!));
    if (required) await replacePeriodUnits(tx, periodId, before.provinceId, required);
    await audit(tx, ctx, {
      action: closing ? 'report_period.close' : reopening ? 'report_period.reopen' : 'report_period.update',
      entityType: 'report_period',
      entityId: periodId,
      provinceId: before.provinceId,
      before: presentPeriod(before),
      after: { ...presentPeriod(row), ...(required ? { requiredUnits: required.length } : {}) },
    });
    return row;
  });
  return presentPeriod(updated);
}
