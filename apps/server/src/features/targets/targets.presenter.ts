import type {
  BreakdownOut,
  NotificationOut,
  SubjectEvidenceOut,
  SubjectOut,
  TargetDefinitionOut,
  TargetEvaluationOut,
} from '@dx/contracts';
import type { BreakdownRow, NotificationRow, SubjectRow } from '@dx/db';
import { type IndicatorRecord, rate, recordsOfRule, targetCode } from '@dx/domain';
import type { TargetEvaluation } from './evaluate-plan-targets';
import type { TargetDefinitionView } from './get-target-definition';

// Districts were abolished on 01/07/2025; departments, press agencies etc. never had one. Subjects above every
// district leave with a null district name, and unit kinds by their key: the web words both (issue 18).
const breakdown = (rows: BreakdownRow[], label: (r: BreakdownRow) => string | null): BreakdownOut[] =>
  rows.map((r) => ({
    key: r.key,
    name: label(r),
    population: r.population,
    due: r.due,
    achieved: r.achieved,
    value: rate(r.achieved, r.due),
  }));

/** One subject behind a figure: who or what, its unit and district, and the records that count (or none). */
export const presentSubject = (s: SubjectRow, subjectType: IndicatorRecord) =>
  ({
    subjectType,
    subjectId: s.subjectId,
    label: s.label,
    unitId: s.unitId,
    unitName: s.unitName,
    unitKind: s.unitKind,
    districtId: s.districtId,
    districtName: s.districtName ?? null,
    due: s.due,
    achieved: s.achieved,
    // Built by SQL (packages/db/src/queries/indicators.ts indicatorEvidenceSql); the contract checks it as it leaves.
    evidence: s.evidence as SubjectEvidenceOut | null,
  }) satisfies SubjectOut;

/** What leaves the server for one evaluated target (never a database row). */
export function presentEvaluation(e: TargetEvaluation) {
  const f = e.facts;
  const subjectType = e.definition?.population.record ?? 'unit';
  const records = e.definition ? recordsOfRule(e.definition) : null;
  return {
    planTargetId: e.target.planTargetId,
    code: targetCode(e.target.letter),
    letter: e.target.letter,
    text: e.target.text,
    goal: e.target.goal,
    goalText: e.goalText,
    status: e.status,
    value: e.value,
    formula: e.formula?.vi ?? null,
    formulaEn: e.formula?.en ?? null,
    conditionType: e.definition?.condition.type ?? null,
    valueType: e.definition?.value.type ?? null,
    actionRecord: records?.action ?? null,
    evidenceRecord: records?.evidence ?? null,
    period: e.period,
    asOf: e.asOf,
    elapsedPercent: e.elapsed === null ? null : Math.round(e.elapsed * 1000) / 10,
    population: f?.population ?? 0,
    due: f?.due ?? 0,
    achieved: f?.achieved ?? 0,
    notApplicable: f ? f.population - f.due : 0,
    byDistrict: breakdown(f?.byDistrict ?? [], (r) => r.name ?? null),
    byKind: breakdown(f?.byKind ?? [], () => null),
    subjects: (f?.subjects ?? []).map((s) => presentSubject(s, subjectType)),
    subjectCount: f?.behindCount ?? 0,
  } satisfies TargetEvaluationOut;
}

export const presentNotification = (n: NotificationRow & { sentByName?: string | null }) =>
  ({
    id: n.id,
    unitId: n.unitId,
    // Text columns written only with these words (send-target-reminders, issue-urging, act-on-obstacle,
    // send-report-reminders, jobs/task-reminders and jobs/notification-mail).
    kind: n.kind as NotificationOut['kind'],
    title: n.title,
    body: n.body,
    words: n.words ?? null,
    planTargetId: n.planTargetId,
    emailStatus: n.emailStatus as NotificationOut['emailStatus'],
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
    sentByName: n.sentByName ?? null,
    urgingDocumentUrl: n.urgingId ? `/api/urgings/${n.urgingId}/document.docx` : null,
  }) satisfies NotificationOut;

export const presentDefinition = (v: TargetDefinitionView) =>
  ({
    planTargetId: v.target.planTargetId,
    planId: v.target.planId,
    code: targetCode(v.target.letter),
    letter: v.target.letter,
    text: v.target.text,
    goal: v.target.goal,
    goalText: v.goalText,
    rule: v.target.rule,
    version: v.target.ruleVersion,
    formula: v.formula?.vi ?? null,
    formulaEn: v.formula?.en ?? null,
  }) satisfies TargetDefinitionOut;
