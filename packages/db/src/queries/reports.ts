// SQL of the reports feature (the only place it lives).
import type { RecordFigures } from '@dx/domain';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { reportPeriod, reportPeriodUnit, reportReminder, unitReport, unitReportEvent } from '../schema';
import { inForceDuring, inForceOn, nearestVersionFirst } from './as-of';

export type ReportPeriodRow = typeof reportPeriod.$inferSelect;
export type NewReportPeriod = typeof reportPeriod.$inferInsert;
export type UnitReportRow = typeof unitReport.$inferSelect;
export type UnitReportEventRow = typeof unitReportEvent.$inferSelect;
export type ReportReminderRow = typeof reportReminder.$inferSelect;

const uuids = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The name/code/kind of a unit as of a date, else its latest version (history keeps the names of the time). */
const unitVersionOn = (unitCol: SQL, date: SQL) =>
  sql`(SELECT jsonb_build_object('name', v.name, 'code', v.code, 'kind', v.kind, 'adminType', v.admin_type) FROM org_unit_version v
        WHERE v.unit_id = ${unitCol} ORDER BY ${nearestVersionFirst('v', date)} LIMIT 1)`;

// ─── Periods ────────────────────────────────────────────────────────────────────────────────────────────────────

export async function insertReportPeriod(db: Db, row: NewReportPeriod): Promise<ReportPeriodRow> {
  const [r] = await db.insert(reportPeriod).values(row).returning();
  return r!;
}

export async function getReportPeriod(db: Db, id: string): Promise<ReportPeriodRow | null> {
  const [r] = await db.select().from(reportPeriod).where(eq(reportPeriod.id, id));
  return r ?? null;
}

/** Periods of a plan, latest first. */
export async function listReportPeriods(db: Db, f: { planId: string }): Promise<ReportPeriodRow[]> {
  return db
    .select()
    .from(reportPeriod)
    .where(eq(reportPeriod.planId, f.planId))
    .orderBy(desc(reportPeriod.periodFrom), asc(reportPeriod.label));
}

/** Optimistic update: null when the version moved on. */
export async function updateReportPeriodRow(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<
    Pick<
      NewReportPeriod,
      | 'label'
      | 'periodFrom'
      | 'periodTo'
      | 'dueDate'
      | 'status'
      | 'requiredGroupIds'
      | 'requiredUnitIds'
      | 'note'
      | 'closedAt'
      | 'closedBy'
    >
  >,
): Promise<ReportPeriodRow | null> {
  const [r] = await db
    .update(reportPeriod)
    .set({ ...patch, version: sql`${reportPeriod.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(reportPeriod.id, id), eq(reportPeriod.version, expectedVersion)))
    .returning();
  return r ?? null;
}

/** Of the given ids, the units of the province in force on `asOf` (the others cannot be required to report). */
export async function unitsInForce(
  db: Db,
  provinceId: string,
  unitIds: readonly string[],
  asOf: string,
): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await queryRows<{ unit_id: string }>(
    db,
    sql`SELECT DISTINCT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
         WHERE v.unit_id IN (${uuids(unitIds)}) AND u.province_id = ${provinceId} AND ${inForceOn('v', asOf)}`,
  );
  return new Set(rows.map((r) => r.unit_id));
}

/** Of the given ids, the unit groups of the province. */
export async function groupsInProvince(
  db: Db,
  provinceId: string,
  groupIds: readonly string[],
): Promise<Set<string>> {
  if (groupIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM unit_group WHERE id IN (${uuids(groupIds)}) AND province_id = ${provinceId}`,
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The units required to report: members of the groups (their rule's kinds in the province, plus explicit members,
 * in force on `asOf` — the period end) and the explicit units. A unit both chosen and in a group counts once, as
 * chosen explicitly (via_group_id NULL); in several groups, the first group listed.
 */
export async function resolveRequiredUnits(
  db: Db,
  f: { provinceId: string; groupIds: readonly string[]; unitIds: readonly string[]; asOf: string },
): Promise<{ unitId: string; viaGroupId: string | null }[]> {
  const out = new Map<string, string | null>();
  for (const id of f.unitIds) out.set(id, null);
  for (const groupId of f.groupIds) {
    const rows = await queryRows<{ unit_id: string }>(
      db,
      sql`SELECT DISTINCT v.unit_id FROM unit_group g
            JOIN org_unit_version v ON ${inForceOn('v', f.asOf)}
            JOIN org_unit u ON u.id = v.unit_id
           WHERE g.id = ${groupId} AND g.province_id = ${f.provinceId}
             AND ((u.province_id = g.province_id AND v.kind IN (SELECT jsonb_array_elements_text(coalesce(g.rule -> 'kinds', '[]'::jsonb))))
                  OR v.unit_id IN (SELECT m.unit_id FROM unit_group_member m WHERE m.group_id = g.id))`,
    );
    for (const r of rows) if (!out.has(r.unit_id)) out.set(r.unit_id, groupId);
  }
  return [...out].map(([unitId, viaGroupId]) => ({ unitId, viaGroupId }));
}

/** Replaces a period's required-unit list. */
export async function replacePeriodUnits(
  db: Db,
  periodId: string,
  provinceId: string,
  rows: { unitId: string; viaGroupId: string | null }[],
): Promise<void> {
  await db.delete(reportPeriodUnit).where(eq(reportPeriodUnit.periodId, periodId));
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.insert(reportPeriodUnit).values(chunk.map((r) => ({ ...r, periodId, provinceId })));
  }
}

export async function isUnitRequired(db: Db, periodId: string, unitId: string): Promise<boolean> {
  const [r] = await db
    .select({ unitId: reportPeriodUnit.unitId })
    .from(reportPeriodUnit)
    .where(and(eq(reportPeriodUnit.periodId, periodId), eq(reportPeriodUnit.unitId, unitId)));
  return !!r;
}

/** Counts of required units and of reports by status, per period of a plan (for the list of periods). */
export async function periodCounts(
  db: Db,
  periodIds: readonly string[],
): Promise<Map<string, { required: number; submitted: number; accepted: number; returned: number }>> {
  const out = new Map<string, { required: number; submitted: number; accepted: number; returned: number }>();
  if (periodIds.length === 0) return out;
  const rows = await queryRows<{
    period_id: string;
    required: number;
    submitted: number;
    accepted: number;
    returned: number;
  }>(
    db,
    sql`SELECT pu.period_id, count(*)::int AS required,
               count(r.id) FILTER (WHERE r.status = 'submitted')::int AS submitted,
               count(r.id) FILTER (WHERE r.status = 'accepted')::int AS accepted,
               count(r.id) FILTER (WHERE r.status = 'returned')::int AS returned
          FROM report_period_unit pu
          LEFT JOIN unit_report r ON r.period_id = pu.period_id AND r.unit_id = pu.unit_id
         WHERE pu.period_id IN (${uuids(periodIds)}) GROUP BY pu.period_id`,
  );
  for (const r of rows)
    out.set(r.period_id, {
      required: r.required,
      submitted: r.submitted,
      accepted: r.accepted,
      returned: r.returned,
    });
  return out;
}

// ─── Reports of a period ────────────────────────────────────────────────────────────────────────────────────────

export type PeriodUnitRow = {
  unitId: string;
  unitName: string;
  unitCode: string | null;
  unitKind: string;
  /** The administrative type as recorded ("Phường", "Sở"), if any. */
  unitAdminType: string | null;
  isRequired: boolean;
  viaGroupId: string | null;
  report: UnitReportRow | null;
};

/**
 * Every required unit of a period with its report (or none), plus any report of a unit no longer required (it
 * stays visible, counted as not applicable). Names as of the period end. Ordered by unit kind and name.
 */
export async function listPeriodReports(db: Db, periodId: string, asOf: string): Promise<PeriodUnitRow[]> {
  const rows = await queryRows<{
    unit_id: string;
    via_group_id: string | null;
    is_required: boolean;
    report_id: string | null;
    unit: { name: string; code: string | null; kind: string; adminType: string | null } | null;
  }>(
    db,
    sql`SELECT x.unit_id, x.via_group_id, x.is_required, r.id AS report_id, ${unitVersionOn(sql`x.unit_id`, sql`${asOf}::date`)} AS unit
          FROM (SELECT pu.unit_id, pu.via_group_id, TRUE AS is_required FROM report_period_unit pu WHERE pu.period_id = ${periodId}
                UNION ALL
                SELECT r.unit_id, NULL, FALSE FROM unit_report r WHERE r.period_id = ${periodId}
                   AND NOT EXISTS (SELECT 1 FROM report_period_unit pu WHERE pu.period_id = r.period_id AND pu.unit_id = r.unit_id)) x
          LEFT JOIN unit_report r ON r.period_id = ${periodId} AND r.unit_id = x.unit_id`,
  );
  const reports = await db.select().from(unitReport).where(eq(unitReport.periodId, periodId));
  const byId = new Map(reports.map((r) => [r.id, r]));
  return rows
    .map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit?.name ?? '',
      unitCode: r.unit?.code ?? null,
      unitKind: r.unit?.kind ?? 'other',
      unitAdminType: r.unit?.adminType ?? null,
      isRequired: r.is_required,
      viaGroupId: r.via_group_id,
      report: r.report_id ? (byId.get(r.report_id) ?? null) : null,
    }))
    .sort((a, b) => a.unitKind.localeCompare(b.unitKind) || a.unitName.localeCompare(b.unitName, 'vi'));
}

/** Members of a unit group on a date (ids only), for filtering a period's completeness by group. */
export async function groupMemberIdsOn(db: Db, groupId: string, asOf: string): Promise<Set<string>> {
  const [g] = await queryRows<{ province_id: string }>(
    db,
    sql`SELECT province_id FROM unit_group WHERE id = ${groupId}`,
  );
  if (!g) return new Set();
  const rows = await resolveRequiredUnits(db, {
    provinceId: g.province_id,
    groupIds: [groupId],
    unitIds: [],
    asOf,
  });
  return new Set(rows.map((r) => r.unitId));
}

// ─── One report ─────────────────────────────────────────────────────────────────────────────────────────────────

export async function getUnitReport(db: Db, id: string): Promise<UnitReportRow | null> {
  const [r] = await db.select().from(unitReport).where(eq(unitReport.id, id));
  return r ?? null;
}

export async function findUnitReport(
  db: Db,
  periodId: string,
  unitId: string,
): Promise<UnitReportRow | null> {
  const [r] = await db
    .select()
    .from(unitReport)
    .where(and(eq(unitReport.periodId, periodId), eq(unitReport.unitId, unitId)));
  return r ?? null;
}

/** Gets or creates the draft of a unit for a period (two officers opening it at once get the same row). */
export async function ensureUnitReport(
  db: Db,
  row: { periodId: string; provinceId: string; unitId: string },
): Promise<{ report: UnitReportRow; created: boolean }> {
  const [inserted] = await db.insert(unitReport).values(row).onConflictDoNothing().returning();
  if (inserted) return { report: inserted, created: true };
  const existing = await findUnitReport(db, row.periodId, row.unitId);
  return { report: existing!, created: false };
}

/** Optimistic update: null when the version moved on. */
export async function updateUnitReportRow(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<
    Omit<typeof unitReport.$inferInsert, 'id' | 'periodId' | 'unitId' | 'provinceId' | 'version'>
  >,
): Promise<UnitReportRow | null> {
  const [r] = await db
    .update(unitReport)
    .set({ ...patch, version: sql`${unitReport.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(unitReport.id, id), eq(unitReport.version, expectedVersion)))
    .returning();
  return r ?? null;
}

export async function insertReportEvent(
  db: Db,
  row: typeof unitReportEvent.$inferInsert,
): Promise<UnitReportEventRow> {
  const [r] = await db.insert(unitReportEvent).values(row).returning();
  return r!;
}

/** History of a report, oldest first. */
export async function listReportEvents(db: Db, reportId: string): Promise<UnitReportEventRow[]> {
  return db
    .select()
    .from(unitReportEvent)
    .where(eq(unitReportEvent.reportId, reportId))
    .orderBy(asc(unitReportEvent.at), asc(unitReportEvent.id));
}

export type ObligationRow = {
  period: ReportPeriodRow;
  unitId: string;
  unitName: string;
  report: Pick<
    UnitReportRow,
    'id' | 'status' | 'submittedAt' | 'reviewedAt' | 'reviewComment' | 'version'
  > | null;
};

/** The periods in which some units must report ("Báo cáo của tôi"), latest first, with their report if any. */
export async function listReportObligations(
  db: Db,
  unitIds: readonly string[],
  f: { planId?: string } = {},
): Promise<ObligationRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await queryRows<{
    period_id: string;
    unit_id: string;
    unit: { name: string } | null;
    report_id: string | null;
  }>(
    db,
    sql`SELECT pu.period_id, pu.unit_id, ${unitVersionOn(sql`pu.unit_id`, sql`p.period_to`)} AS unit, r.id AS report_id
          FROM report_period_unit pu JOIN report_period p ON p.id = pu.period_id
          LEFT JOIN unit_report r ON r.period_id = pu.period_id AND r.unit_id = pu.unit_id
         WHERE pu.unit_id IN (${uuids(unitIds)}) ${f.planId ? sql`AND p.plan_id = ${f.planId}` : sql``}
         ORDER BY p.due_date DESC, p.label LIMIT 500`,
  );
  if (rows.length === 0) return [];
  const periodIds = [...new Set(rows.map((r) => r.period_id))];
  const periods = await db
    .select()
    .from(reportPeriod)
    .where(sql`${reportPeriod.id} IN (${uuids(periodIds)})`);
  const reportIds = rows.map((r) => r.report_id).filter((x): x is string => x !== null);
  const reports =
    reportIds.length > 0
      ? await db
          .select()
          .from(unitReport)
          .where(sql`${unitReport.id} IN (${uuids(reportIds)})`)
      : [];
  const pById = new Map(periods.map((p) => [p.id, p]));
  const rById = new Map(reports.map((r) => [r.id, r]));
  return rows.map((r) => {
    const rep = r.report_id ? rById.get(r.report_id) : undefined;
    return {
      period: pById.get(r.period_id)!,
      unitId: r.unit_id,
      unitName: r.unit?.name ?? '',
      report: rep
        ? {
            id: rep.id,
            status: rep.status,
            submittedAt: rep.submittedAt,
            reviewedAt: rep.reviewedAt,
            reviewComment: rep.reviewComment,
            version: rep.version,
          }
        : null,
    };
  });
}

// ─── Reminders ──────────────────────────────────────────────────────────────────────────────────────────────────

export async function insertReportReminders(
  db: Db,
  rows: (typeof reportReminder.$inferInsert)[],
): Promise<ReportReminderRow[]> {
  if (rows.length === 0) return [];
  return db.insert(reportReminder).values(rows).returning();
}

/** Reminders sent for a period: per unit, how many and the last one. */
export async function reminderSummary(
  db: Db,
  periodId: string,
): Promise<Map<string, { count: number; lastAt: Date }>> {
  const rows = await queryRows<{ unit_id: string; n: number; last_at: string | Date }>(
    db,
    sql`SELECT unit_id, count(*)::int AS n, max(created_at) AS last_at FROM report_reminder
         WHERE period_id = ${periodId} GROUP BY unit_id`,
  );
  return new Map(rows.map((r) => [r.unit_id, { count: Number(r.n), lastAt: new Date(r.last_at) }]));
}

// ─── Figures pre-filled from the records ────────────────────────────────────────────────────────────────────────

/**
 * What a unit did within a period, from the records of the unit and the units below it at any time during the
 * period (a commune merged mid-year still counts for its district's year report, up to the merger): publications by theme (of the plan) and by channel, trainings and people trained, events, DX
 * models, and the progress of the unit's own parts of the plan's tasks. One round trip; computed live, never
 * stored until the report is submitted.
 */
export async function unitRecordFigures(
  db: Db,
  f: { planId: string; unitId: string; from: string; to: string; today: string },
): Promise<RecordFigures> {
  const { planId, unitId, from, to, today } = f;
  const [row] = await queryRows<{ figures: Omit<RecordFigures, 'period'> }>(
    db,
    sql`WITH RECURSIVE sub AS (
          SELECT ${unitId}::uuid AS unit_id, 0 AS depth
          UNION
          SELECT v.unit_id, s.depth + 1 FROM sub s
            JOIN org_unit_version v ON v.parent_unit_id = s.unit_id
             AND ${inForceDuring('v', from, to)}
           WHERE s.depth < 10
        ),
        units AS (SELECT DISTINCT unit_id FROM sub),
        pubs AS (
          SELECT p.id, p.channel_id, p.is_dx FROM publication p
           WHERE p.unit_id IN (SELECT unit_id FROM units) AND p.published_on BETWEEN ${from}::date AND ${to}::date
        ),
        trained AS (
          SELECT a.training_id, a.person_id FROM training_attendance a
            JOIN training t ON t.id = a.training_id AND t.held_on BETWEEN ${from}::date AND ${to}::date
            JOIN person pe ON pe.id = a.person_id AND pe.unit_id IN (SELECT unit_id FROM units)
        ),
        evs AS (
          SELECT e.kind, e.participants, e.is_dx FROM event e
           WHERE e.organiser_unit_id IN (SELECT unit_id FROM units) AND e.held_on BETWEEN ${from}::date AND ${to}::date
        ),
        parts AS (
          SELECT t.id AS task_id, t.stt, t.title, t.position, a.status, t.due_date,
                 CASE WHEN a.status <> 'done' AND t.due_date IS NOT NULL AND t.due_date < ${today}::date THEN 'overdue' ELSE a.status END AS effective
            FROM task_assignment a JOIN task t ON t.id = a.task_id
           WHERE a.unit_id = ${unitId} AND t.plan_id = ${planId}
             AND (t.period_from IS NULL OR t.period_from <= ${to}::date)
        )
        SELECT jsonb_build_object(
          'unitCount', (SELECT count(*) FROM units)::int,
          'publications', jsonb_build_object(
            'total', (SELECT count(*) FROM pubs)::int,
            'dx', (SELECT count(*) FROM pubs WHERE is_dx)::int,
            'byTheme', coalesce((SELECT jsonb_agg(jsonb_build_object('themeId', x.id, 'code', x.code, 'name', x.title, 'count', x.n) ORDER BY x.position, x.code)
                        FROM (SELECT th.id, th.code, th.title, th.position, count(DISTINCT pt.publication_id)::int AS n
                                FROM publication_theme pt JOIN pubs ON pubs.id = pt.publication_id
                                JOIN plan_theme th ON th.id = pt.theme_id AND th.plan_id = ${planId}
                               GROUP BY th.id, th.code, th.title, th.position) x), '[]'::jsonb),
            'byChannel', coalesce((SELECT jsonb_agg(jsonb_build_object('channelId', x.id, 'name', x.name, 'kind', x.kind, 'count', x.n) ORDER BY x.n DESC, x.name)
                        FROM (SELECT c.id, c.name, c.kind, count(*)::int AS n FROM pubs JOIN channel c ON c.id = pubs.channel_id
                               GROUP BY c.id, c.name, c.kind) x), '[]'::jsonb)
          ),
          'trainings', jsonb_build_object(
            'count', (SELECT count(*) FROM training t WHERE t.organiser_unit_id IN (SELECT unit_id FROM units)
                        AND t.held_on BETWEEN ${from}::date AND ${to}::date)::int,
            'peopleTrained', (SELECT count(DISTINCT person_id) FROM trained)::int,
            'attendances', (SELECT count(*) FROM trained)::int
          ),
          'events', jsonb_build_object(
            'total', (SELECT count(*) FROM evs)::int,
            'participants', (SELECT coalesce(sum(participants), 0) FROM evs)::int,
            'dx', (SELECT count(*) FROM evs WHERE is_dx)::int,
            'dxParticipants', (SELECT coalesce(sum(participants), 0) FROM evs WHERE is_dx)::int,
            'byKind', coalesce((SELECT jsonb_agg(jsonb_build_object('kind', x.kind, 'count', x.n) ORDER BY x.kind)
                        FROM (SELECT kind, count(*)::int AS n FROM evs GROUP BY kind) x), '[]'::jsonb)
          ),
          'models', jsonb_build_object(
            -- Recognised models only (plan 54 I.2.d counts recognised models; a model not yet recognised is not one).
            'total', (SELECT count(*) FROM dx_model m WHERE m.unit_id IN (SELECT unit_id FROM units)
                        AND m.recognised_on <= ${to}::date)::int,
            'recognisedInPeriod', (SELECT count(*) FROM dx_model m WHERE m.unit_id IN (SELECT unit_id FROM units)
                        AND m.recognised_on BETWEEN ${from}::date AND ${to}::date)::int,
            'featuredInPeriod', (SELECT count(DISTINCT pm.model_id) FROM publication_model pm
                        JOIN dx_model m ON m.id = pm.model_id AND m.unit_id IN (SELECT unit_id FROM units) AND m.recognised_on <= ${to}::date
                        JOIN publication p ON p.id = pm.publication_id AND p.published_on BETWEEN ${from}::date AND ${to}::date)::int
          ),
          'tasks', jsonb_build_object(
            'total', (SELECT count(*) FROM parts)::int,
            'done', (SELECT count(*) FROM parts WHERE status = 'done')::int,
            'inProgress', (SELECT count(*) FROM parts WHERE status = 'in_progress')::int,
            'notStarted', (SELECT count(*) FROM parts WHERE status = 'not_started')::int,
            'blocked', (SELECT count(*) FROM parts WHERE status = 'blocked')::int,
            'overdue', (SELECT count(*) FROM parts WHERE effective = 'overdue')::int,
            'items', coalesce((SELECT jsonb_agg(jsonb_build_object('taskId', task_id, 'stt', stt, 'title', title, 'status', status,
                        'effectiveStatus', effective, 'dueDate', due_date) ORDER BY position) FROM parts), '[]'::jsonb)
          )
        ) AS figures`,
  );
  return { period: { from, to }, ...row!.figures };
}
