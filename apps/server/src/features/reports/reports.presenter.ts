import type { PeriodOut, ReportEventOut, ReportOut } from '@dx/contracts';
import type { ReportPeriodRow, UnitReportEventRow, UnitReportRow } from '@dx/db';

const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

export function presentPeriod(
  p: ReportPeriodRow,
  counts?: { required: number; submitted: number; accepted: number; returned: number },
) {
  return {
    id: p.id,
    planId: p.planId,
    provinceId: p.provinceId,
    kind: p.kind as PeriodOut['kind'],
    label: p.label,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    dueDate: p.dueDate,
    status: p.status as PeriodOut['status'],
    groupIds: p.requiredGroupIds,
    unitIds: p.requiredUnitIds,
    note: p.note,
    closedAt: iso(p.closedAt),
    version: p.version,
    createdAt: iso(p.createdAt)!,
    updatedAt: iso(p.updatedAt)!,
    ...(counts ? { counts } : {}),
  } satisfies PeriodOut;
}

export function presentReport(r: UnitReportRow) {
  const isLocked = r.status === 'accepted';
  return {
    id: r.id,
    periodId: r.periodId,
    provinceId: r.provinceId,
    unitId: r.unitId,
    status: r.status as ReportOut['status'],
    results: r.results,
    obstacles: r.obstacles,
    proposals: r.proposals,
    firstSubmittedAt: iso(r.firstSubmittedAt),
    submittedAt: iso(r.submittedAt),
    submittedByName: r.submittedByName,
    reviewedAt: iso(r.reviewedAt),
    reviewedByName: r.reviewedByName,
    reviewComment: r.reviewComment,
    isLocked,
    lock: isLocked
      ? {
          reason: 'accepted',
          byName: r.reviewedByName ?? '',
          at: iso(r.reviewedAt) ?? '',
        }
      : null,
    version: r.version,
    updatedAt: iso(r.updatedAt)!,
  } satisfies ReportOut;
}

export function presentEvent(e: UnitReportEventRow) {
  // Text columns written only by the workflow (start-unit-report.ts, report-step.ts) with these words.
  return {
    id: e.id,
    action: e.action as ReportEventOut['action'],
    statusFrom: e.statusFrom as ReportEventOut['statusFrom'],
    statusTo: e.statusTo as ReportEventOut['statusTo'],
    // The step that started a report carried no words of its own; rows written before issue 18 hold the fixed
    // Vietnamese "Bắt đầu soạn báo cáo" there, which the web now words itself (statusFrom null = started).
    comment: e.statusFrom === null ? null : e.comment,
    actorName: e.actorName,
    at: iso(e.at)!,
  } satisfies ReportEventOut;
}

export { iso };
