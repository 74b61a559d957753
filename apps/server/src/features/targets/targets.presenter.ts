import type { BreakdownRow, NotificationRow, SubjectRow } from '@dx/db';
import { type OrgUnitKind, rate, recordsOfRule, targetCode, UNIT_KIND_LABELS } from '@dx/domain';
import { z } from 'zod';
import type { TargetEvaluation } from './evaluate-plan-targets';
import type { TargetDefinitionView } from './get-target-definition';

const breakdownOut = z.object({
  key: z.string().nullable(),
  name: z.string(),
  population: z.number(),
  due: z.number(),
  achieved: z.number(),
  value: z.number().nullable(),
});
export const subjectOut = z.object({
  subjectType: z.string(),
  subjectId: z.string(),
  label: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  unitKind: z.string().nullable(),
  districtId: z.string().nullable(),
  districtName: z.string(),
  due: z.boolean(),
  achieved: z.boolean(),
  evidence: z.record(z.string(), z.unknown()).nullable(),
});

export const targetEvaluationOut = z.object({
  planTargetId: z.string(),
  code: z.string(),
  letter: z.string(),
  text: z.string(),
  goal: z.object({ comparator: z.string(), value: z.number(), max: z.number().optional(), unit: z.string() }),
  goalText: z.string(),
  status: z.string(),
  /** Percent (rates) or number (counts); null = not applicable or not defined. */
  value: z.number().nullable(),
  /** The formula in words, in Vietnamese and in English (from the province's vocabulary labels). */
  formula: z.string().nullable(),
  formulaEn: z.string().nullable(),
  /** The rule's condition type ('linked' | 'none'; null = not defined). */
  conditionType: z.string().nullable(),
  /** The rule's value type (share, count, figure, ratio; null = not defined): counts have nobody behind. */
  valueType: z.string().nullable(),
  /** The record a unit enters to move the target forward, and the records listed behind its figure (null = none). */
  actionRecord: z.string().nullable(),
  evidenceRecord: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  asOf: z.string().nullable(),
  elapsedPercent: z.number().nullable(),
  population: z.number(),
  due: z.number(),
  achieved: z.number(),
  notApplicable: z.number(),
  byDistrict: z.array(breakdownOut),
  byKind: z.array(breakdownOut),
  /** Who is behind (or, for a count, the records that count; for a unit's standing, all its subjects). */
  subjects: z.array(subjectOut),
  subjectCount: z.number(),
});
export type TargetEvaluationOut = z.infer<typeof targetEvaluationOut>;

// Districts were abolished on 01/07/2025; departments, press agencies etc. never had one.
/** Subjects owned by the province's own bodies, above every district ("cấp tỉnh" is the legal level of a city too). */
const CITY_LEVEL = 'Cấp tỉnh';

const breakdown = (rows: BreakdownRow[], label: (r: BreakdownRow) => string) =>
  rows.map((r) => ({
    key: r.key,
    name: label(r),
    population: r.population,
    due: r.due,
    achieved: r.achieved,
    value: rate(r.achieved, r.due),
  }));

/** One subject behind a figure: who or what, its unit and district, and the records that count (or none). */
export const presentSubject = (s: SubjectRow, subjectType: string): z.infer<typeof subjectOut> => ({
  subjectType,
  subjectId: s.subjectId,
  label: s.label,
  unitId: s.unitId,
  unitName: s.unitName,
  unitKind: s.unitKind,
  districtId: s.districtId,
  districtName: s.districtName ?? CITY_LEVEL,
  due: s.due,
  achieved: s.achieved,
  evidence: s.evidence,
});

/** What leaves the server for one evaluated target (never a database row). */
export function presentEvaluation(e: TargetEvaluation): TargetEvaluationOut {
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
    byDistrict: breakdown(f?.byDistrict ?? [], (r) => r.name ?? CITY_LEVEL),
    byKind: breakdown(f?.byKind ?? [], (r) =>
      r.key ? (UNIT_KIND_LABELS[r.key as OrgUnitKind] ?? r.key) : 'Không xác định',
    ),
    subjects: (f?.subjects ?? []).map((s) => presentSubject(s, subjectType)),
    subjectCount: f?.behindCount ?? 0,
  };
}

export const notificationOut = z.object({
  id: z.string(),
  unitId: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  planTargetId: z.string().nullable(),
  emailStatus: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** Who sent it (a reminder names its sender, issue 19); null for the system's own reminders. */
  sentByName: z.string().nullable(),
  /** The công văn đôn đốc it carries, downloadable as DOCX. */
  urgingDocumentUrl: z.string().nullable(),
});
export const presentNotification = (
  n: NotificationRow & { sentByName?: string | null },
): z.infer<typeof notificationOut> => ({
  id: n.id,
  unitId: n.unitId,
  kind: n.kind,
  title: n.title,
  body: n.body,
  planTargetId: n.planTargetId,
  emailStatus: n.emailStatus,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
  sentByName: n.sentByName ?? null,
  urgingDocumentUrl: n.urgingId ? `/api/urgings/${n.urgingId}/document.docx` : null,
});

const goalOut = z.object({
  comparator: z.string(),
  value: z.number(),
  max: z.number().optional(),
  unit: z.string(),
});

/** How a target is computed: the rule as stored (null = not defined yet), its version, and the formula in words. */
export const targetDefinitionOut = z.object({
  planTargetId: z.string(),
  planId: z.string(),
  code: z.string(),
  letter: z.string(),
  text: z.string(),
  /** Edited with the plan (PATCH /plans/:planId), not here. */
  goal: goalOut,
  goalText: z.string(),
  rule: z.record(z.string(), z.unknown()).nullable(),
  /** For optimistic concurrency on PUT; null = not defined yet (PUT with version null). */
  version: z.number().nullable(),
  formula: z.string().nullable(),
  formulaEn: z.string().nullable(),
});
export type TargetDefinitionOut = z.infer<typeof targetDefinitionOut>;

export const presentDefinition = (v: TargetDefinitionView): TargetDefinitionOut => ({
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
});
