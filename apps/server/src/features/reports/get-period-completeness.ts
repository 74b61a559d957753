import { groupMemberIdsOn, groupsInProvince, listPeriodReports, reminderSummary, unitNames } from '@dx/db';
import {
  AppError,
  classifyTimeliness,
  localDateOf,
  mayRemindReport,
  type ReportStatus,
  said,
  summariseTimeliness,
  type Timeliness,
} from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { loadPeriod } from './load-report';
import { iso, presentPeriod } from './reports.presenter';

/**
 * Completeness and timeliness of a period (plan 54 V.1.a), optionally for one unit group: each required unit on
 * time / late / missing / pending; members of the group not required to report are listed as not applicable and
 * never enter a rate. Every figure comes with the list of units behind it (the missing list is one click away).
 */
export async function getPeriodCompleteness({
  ctx,
  periodId,
  groupId,
}: {
  ctx: UseCaseContext;
  periodId: string;
  groupId?: string;
}) {
  const period = await loadPeriod(ctx, periodId);
  const today = localDateOf(ctx.now);
  let rows = await listPeriodReports(ctx.db, periodId, period.periodTo);
  let extra: { unitId: string; unitName: string; unitCode: string | null; unitKind: string }[] = [];
  if (groupId) {
    const known = await groupsInProvince(ctx.db, period.provinceId, [groupId]);
    if (!known.has(groupId))
      throw new AppError('RESOURCE.NOT_FOUND', said('group.notFoundInProvince'), { groupId });
    const members = await groupMemberIdsOn(ctx.db, groupId, period.periodTo);
    rows = rows.filter((r) => members.has(r.unitId));
    const listed = new Set(rows.map((r) => r.unitId));
    const others = [...members].filter((id) => !listed.has(id));
    const names = await unitNames(ctx.db, others, period.periodTo);
    extra = others.map((id) => ({ unitId: id, unitName: names.get(id) ?? '', unitCode: null, unitKind: '' }));
  }
  const reminders = await reminderSummary(ctx.db, periodId);
  const units = [
    ...rows.map((r) => {
      const cls: Timeliness = classifyTimeliness({
        isRequired: r.isRequired,
        firstSubmittedOn: r.report?.firstSubmittedAt ? localDateOf(r.report.firstSubmittedAt) : null,
        dueDate: period.dueDate,
        today,
      });
      const rem = reminders.get(r.unitId);
      const status = (r.report?.status ?? null) as ReportStatus | null;
      return {
        unitId: r.unitId,
        unitName: r.unitName,
        unitCode: r.unitCode,
        unitKind: r.unitKind,
        class: cls,
        reportId: r.report?.id ?? null,
        status,
        firstSubmittedAt: iso(r.report?.firstSubmittedAt ?? null),
        reminders: { count: rem?.count ?? 0, lastAt: iso(rem?.lastAt ?? null) },
        remindable: mayRemindReport({ isRequired: r.isRequired, status }),
      };
    }),
    ...extra.map((u) => ({
      ...u,
      class: 'not_required' as const,
      reportId: null,
      status: null,
      firstSubmittedAt: null,
      reminders: { count: 0, lastAt: null },
      remindable: false,
    })),
  ];
  const required = units.filter((u) => u.class !== 'not_required');
  const byStatus = { none: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 };
  for (const u of required) byStatus[u.status ?? 'none']++;
  return {
    period: presentPeriod(period),
    groupId: groupId ?? null,
    today,
    summary: summariseTimeliness(units.map((u) => u.class)),
    byStatus,
    units,
  };
}
