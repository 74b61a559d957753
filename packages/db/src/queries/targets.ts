import { type OrgUnitKind, type Quarter, type ResolvedPeriod, type TargetDefinition } from '@dx/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';

/*
 * Live evaluation of a target definition (ARCHITECTURE § Data model: "evaluated live by SQL over the records —
 * no batch rebuild, no stored percentages"). One statement per target returns the totals, the breakdowns by
 * district and by unit kind, and the first rows of who is behind: a single round trip.
 */

export type EvaluationInput = {
  definition: TargetDefinition;
  period: ResolvedPeriod;
  /** Population date (see effectiveAsOf). */
  asOf: string;
  /** Quarters due (Plan 54 I.2.b); only read by the quarter condition. */
  quarters: Quarter[];
  /** Provinces in scope; null = every province (country scope). */
  provinceIds: string[] | null;
  /** Only subjects belonging to these units (a unit officer's own standing); every row is returned then. */
  ownerUnitIds?: string[];
  behindLimit?: number;
};

export type BreakdownRow = { key: string | null; name: string | null; provinceId: string | null; population: number; due: number; achieved: number };
export type SubjectRow = {
  subjectId: string;
  label: string;
  unitId: string | null;
  unitName: string | null;
  unitKind: OrgUnitKind | null;
  districtId: string | null;
  districtName: string | null;
  due: boolean;
  achieved: boolean;
  /** What counts, or what is missing: depends on the condition (see evidenceSql). */
  evidence: Record<string, unknown> | null;
};
export type TargetFacts = {
  population: number;
  due: number;
  achieved: number;
  byDistrict: BreakdownRow[];
  byKind: BreakdownRow[];
  /** Behind subjects (or, with ownerUnitIds, every subject of those units). */
  subjects: SubjectRow[];
  behindCount: number;
};

const list = (values: readonly string[], type: 'text' | 'uuid' | 'date'): SQL =>
  values.length === 0
    ? sql.raw(`ARRAY[]::${type}[]`)
    : sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::${sql.raw(type)}[]`;

const inProvinces = (column: SQL, provinceIds: string[] | null): SQL =>
  provinceIds === null ? sql`TRUE` : sql`${column} = ANY(${list(provinceIds, 'uuid')})`;

/**
 * Units placed as of a date: for each unit the latest version starting on or before it (the version in force,
 * or the last one of a unit that has ended), with its district — the unit itself, its parent or its
 * grandparent (school → commune → district); departments and other city-level units have none ("cấp thành phố").
 */
function placedUnits(provinceIds: string[] | null, asOf: string): SQL {
  return sql`
    u AS (
      SELECT DISTINCT ON (v.unit_id) v.unit_id, v.name, v.kind, v.parent_unit_id, o.province_id,
             (v.valid_to IS NULL OR v.valid_to > ${asOf}::date) AS in_force
        FROM org_unit_version v JOIN org_unit o ON o.id = v.unit_id
       WHERE ${inProvinces(sql`o.province_id`, provinceIds)} AND (v.valid_from IS NULL OR v.valid_from <= ${asOf}::date)
       ORDER BY v.unit_id, v.valid_from DESC NULLS LAST
    ),
    placed AS (
      SELECT u.unit_id, u.name, u.kind, u.province_id, u.in_force,
             CASE WHEN u.kind = 'district' THEN u.unit_id WHEN p.kind = 'district' THEN p.unit_id
                  WHEN g.kind = 'district' THEN g.unit_id END AS district_id
        FROM u LEFT JOIN u p ON p.unit_id = u.parent_unit_id LEFT JOIN u g ON g.unit_id = p.parent_unit_id
    )`;
}

/** Subjects of the population with `due` and `achieved`: columns subject_id, label, unit_id, due, achieved. */
function subjectsSql(input: EvaluationInput): SQL {
  const { definition: d, period, asOf, provinceIds } = input;
  const pop = d.population;
  const cond = d.condition;
  const from = period.from;
  const to = period.to;
  switch (cond.type) {
    case 'accepted_unit_plan':
    case 'held_event': {
      if (pop.record !== 'unit') throw new Error('condition needs a unit population');
      const byGroup = pop.unitGroupCode
        ? sql`EXISTS (SELECT 1 FROM unit_group grp WHERE grp.province_id = pl.province_id AND grp.code = ${pop.unitGroupCode}
                 AND (pl.kind IN (SELECT jsonb_array_elements_text(grp.rule->'kinds'))
                      OR EXISTS (SELECT 1 FROM unit_group_member m WHERE m.group_id = grp.id AND m.unit_id = pl.unit_id)))`
        : sql`FALSE`;
      const byKind = pop.unitKinds?.length ? sql`pl.kind = ANY(${list(pop.unitKinds, 'text')})` : sql`FALSE`;
      const achieved =
        cond.type === 'accepted_unit_plan'
          ? sql`EXISTS (SELECT 1 FROM unit_plan up
                 WHERE up.status = 'accepted' AND up.kind = ANY(${list(cond.planKinds, 'text')})
                   AND up.year BETWEEN ${Number(from.slice(0, 4))} AND ${Number(to.slice(0, 4))}
                   AND (up.unit_id = pl.unit_id OR (${cond.includePredecessors} AND up.unit_id IN (
                        -- A unit merged into this one during the period brings its accepted plan along.
                        SELECT s.predecessor_unit_id FROM org_unit_succession s
                         WHERE s.successor_unit_id = pl.unit_id AND s.effective_date > ${from}::date
                           AND s.effective_date <= ${to}::date))))`
          : sql`EXISTS (SELECT 1 FROM event e
                 WHERE e.organiser_unit_id = pl.unit_id AND e.is_dx AND e.held_on BETWEEN ${from}::date AND ${to}::date
                   AND e.kind = ANY(${list(cond.eventKinds, 'text')})
                   ${cond.levels?.length ? sql`AND e.level = ANY(${list(cond.levels, 'text')})` : sql``})`;
      return sql`
        SELECT pl.unit_id AS subject_id, pl.name AS label, pl.unit_id, TRUE AS due, ${achieved} AS achieved
          FROM placed pl WHERE pl.in_force AND (${byKind} OR ${byGroup})`;
    }
    case 'dx_publication_each_quarter': {
      if (pop.record !== 'channel') throw new Error('condition needs a channel population');
      const qFrom = list(
        input.quarters.map((q) => q.from),
        'date',
      );
      const qTo = list(
        input.quarters.map((q) => q.to),
        'date',
      );
      // Plan 54 I.2.b: a quarter is due once it has ended, and only from the quarter the DX section opened;
      // a channel without a DX section owes every quarter elapsed and keeps none.
      return sql`
        SELECT c.id AS subject_id, c.name AS label, c.owner_unit_id AS unit_id, qs.due_q > 0 AS due,
               c.has_dx_section AND qs.due_q > 0 AND qs.done_q = qs.due_q AS achieved
          FROM channel c
          CROSS JOIN LATERAL (
            SELECT count(*) AS due_q,
                   count(*) FILTER (WHERE c.has_dx_section AND EXISTS (
                     SELECT 1 FROM publication p WHERE p.channel_id = c.id AND p.is_dx
                        AND p.published_on BETWEEN q.qf AND q.qt)) AS done_q
              FROM unnest(${qFrom}, ${qTo}) AS q(qf, qt)
             WHERE NOT c.has_dx_section OR c.dx_section_since IS NULL OR q.qt >= c.dx_section_since
          ) qs
         WHERE ${inProvinces(sql`c.province_id`, provinceIds)} AND c.kind = ANY(${list(pop.channelKinds, 'text')})
           AND (c.closed_on IS NULL OR c.closed_on > ${asOf}::date)`;
    }
    case 'attended_training': {
      if (pop.record !== 'person') throw new Error('condition needs a person population');
      return sql`
        SELECT pe.id AS subject_id, pe.full_name AS label, pe.unit_id, TRUE AS due,
               EXISTS (SELECT 1 FROM training_attendance a JOIN training t ON t.id = a.training_id
                        WHERE a.person_id = pe.id AND ${cond.tag} = ANY(t.tags)
                          AND t.held_on BETWEEN ${from}::date AND ${to}::date) AS achieved
          FROM person pe
         WHERE ${inProvinces(sql`pe.province_id`, provinceIds)} AND pe.role = ANY(${list(pop.roles, 'text')})
           AND (pe.left_on IS NULL OR pe.left_on > ${asOf}::date)`;
    }
    case 'featured_in_publication': {
      if (pop.record !== 'dx_model') throw new Error('condition needs a dx_model population');
      return sql`
        SELECT m.id AS subject_id, m.name AS label, m.unit_id, TRUE AS due,
               EXISTS (SELECT 1 FROM publication_model pm JOIN publication p ON p.id = pm.publication_id
                         JOIN channel c ON c.id = p.channel_id
                        WHERE pm.model_id = m.id AND c.kind = ANY(${list(cond.channelKinds, 'text')})
                          AND p.published_on BETWEEN ${from}::date AND ${to}::date) AS achieved
          FROM dx_model m
         WHERE ${inProvinces(sql`m.province_id`, provinceIds)} AND m.kind = ANY(${list(pop.modelKinds, 'text')})
           AND m.recognised_on IS NOT NULL AND m.recognised_on <= ${asOf}::date`;
    }
    case 'count': {
      if (pop.record !== 'event') throw new Error('condition needs an event population');
      return sql`
        SELECT e.id AS subject_id, e.title AS label, e.organiser_unit_id AS unit_id, TRUE AS due, TRUE AS achieved
          FROM event e
         WHERE ${inProvinces(sql`e.province_id`, provinceIds)} AND e.is_dx AND e.kind = ANY(${list(pop.eventKinds, 'text')})
           ${pop.levels?.length ? sql`AND e.level = ANY(${list(pop.levels, 'text')})` : sql``}
           AND e.held_on BETWEEN ${from}::date AND ${to}::date`;
    }
  }
}

/** What counts or what is missing, for the few rows listed (never computed for the whole population). */
function evidenceSql(input: EvaluationInput): SQL {
  const { definition: d, period } = input;
  const span = sql`BETWEEN ${period.from}::date AND ${period.to}::date`;
  switch (d.condition.type) {
    case 'accepted_unit_plan':
      return sql`(SELECT jsonb_build_object('unitPlanId', up.id, 'status', up.status, 'documentNumber', up.document_number)
                    FROM unit_plan up WHERE up.unit_id = s.unit_id
                     AND up.year BETWEEN ${Number(period.from.slice(0, 4))} AND ${Number(period.to.slice(0, 4))}
                   ORDER BY (up.status = 'accepted') DESC, up.created_at DESC LIMIT 1)`;
    case 'held_event':
      return sql`jsonb_build_object('eventIds', (SELECT coalesce(jsonb_agg(e.id), '[]'::jsonb) FROM event e
                   WHERE e.organiser_unit_id = s.unit_id AND e.held_on ${span}))`;
    case 'dx_publication_each_quarter':
      return sql`(SELECT jsonb_build_object('hasDxSection', c.has_dx_section,
                    'quartersWithPublication', (SELECT coalesce(jsonb_agg(DISTINCT date_trunc('quarter', p.published_on)::date), '[]'::jsonb)
                       FROM publication p WHERE p.channel_id = c.id AND p.is_dx AND p.published_on ${span}))
                    FROM channel c WHERE c.id = s.subject_id)`;
    case 'attended_training':
      return sql`jsonb_build_object('trainingIds', (SELECT coalesce(jsonb_agg(a.training_id), '[]'::jsonb)
                   FROM training_attendance a JOIN training t ON t.id = a.training_id
                  WHERE a.person_id = s.subject_id AND t.held_on ${span}))`;
    case 'featured_in_publication':
      return sql`jsonb_build_object('publicationIds', (SELECT coalesce(jsonb_agg(pm.publication_id), '[]'::jsonb)
                   FROM publication_model pm JOIN publication p ON p.id = pm.publication_id
                  WHERE pm.model_id = s.subject_id AND p.published_on ${span}))`;
    case 'count':
      return sql`jsonb_build_object('eventId', s.subject_id)`;
  }
}

type RawFacts = {
  population: number;
  due: number;
  achieved: number;
  by_district: BreakdownRow[] | null;
  by_kind: BreakdownRow[] | null;
  subjects: SubjectRow[] | null;
  behind_count: number;
};

/** Builds the one statement that evaluates a target (exported so the benchmark can time the bare SQL). */
export function targetEvaluationSql(input: EvaluationInput): SQL {
  const limit = input.behindLimit ?? 200;
  const own = input.ownerUnitIds;
  const listed = own ? sql`s.unit_id = ANY(${list(own, 'uuid')})` : sql`s.due AND NOT s.achieved`;
  // Count targets (Plan 54 I.2.đ) have nobody behind: list the records that count instead.
  const isCount = input.definition.condition.type === 'count';
  const listedWhere = isCount && !own ? sql`TRUE` : listed;
  return sql`
    WITH ${placedUnits(input.provinceIds, input.asOf)},
    subj AS (${subjectsSql(input)}),
    s AS MATERIALIZED (
      SELECT subj.subject_id, subj.label, subj.unit_id, subj.due, subj.achieved,
             pl.name AS unit_name, pl.kind AS unit_kind, pl.district_id, pl.province_id
        FROM subj LEFT JOIN placed pl ON pl.unit_id = subj.unit_id
       ${own ? sql`WHERE subj.unit_id = ANY(${list(own, 'uuid')})` : sql``}
    )
    SELECT
      (SELECT count(*)::int FROM s) AS population,
      (SELECT count(*) FILTER (WHERE due)::int FROM s) AS due,
      (SELECT count(*) FILTER (WHERE due AND achieved)::int FROM s) AS achieved,
      (SELECT json_agg(x ORDER BY x.name NULLS FIRST) FROM (
         SELECT s.district_id AS key, max(dn.name) AS name, s.province_id AS "provinceId", count(*)::int AS population,
                count(*) FILTER (WHERE s.due)::int AS due, count(*) FILTER (WHERE s.due AND s.achieved)::int AS achieved
           FROM s LEFT JOIN placed dn ON dn.unit_id = s.district_id
          GROUP BY s.province_id, s.district_id) x) AS by_district,
      (SELECT json_agg(x ORDER BY x.key) FROM (
         SELECT s.unit_kind AS key, NULL AS name, NULL AS "provinceId", count(*)::int AS population,
                count(*) FILTER (WHERE s.due)::int AS due, count(*) FILTER (WHERE s.due AND s.achieved)::int AS achieved
           FROM s GROUP BY s.unit_kind) x) AS by_kind,
      (SELECT count(*)::int FROM s WHERE ${listedWhere}) AS behind_count,
      (SELECT json_agg(x) FROM (
         SELECT s.subject_id AS "subjectId", s.label, s.unit_id AS "unitId", s.unit_name AS "unitName",
                s.unit_kind AS "unitKind", s.district_id AS "districtId", dn.name AS "districtName",
                s.due, s.achieved, ${evidenceSql(input)} AS evidence
           FROM s LEFT JOIN placed dn ON dn.unit_id = s.district_id
          WHERE ${listedWhere}
          ORDER BY dn.name NULLS FIRST, s.unit_name, s.label
          LIMIT ${limit}) x) AS subjects`;
}

/** Evaluates one target definition over the records, now. */
export async function evaluateTargetFacts(db: Db, input: EvaluationInput): Promise<TargetFacts> {
  const [row] = await queryRows<RawFacts>(db, targetEvaluationSql(input));
  const r = row!;
  return {
    population: Number(r.population),
    due: Number(r.due),
    achieved: Number(r.achieved),
    byDistrict: r.by_district ?? [],
    byKind: r.by_kind ?? [],
    subjects: r.subjects ?? [],
    behindCount: Number(r.behind_count),
  };
}
