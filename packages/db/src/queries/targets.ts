import type { OrgUnitKind, SubjectState } from '@dx/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryBuilt, queryRows } from '../client';
import { placeOn, versionInForce } from './as-of';
import {
  type IndicatorInput,
  indicatorEvidenceSql,
  indicatorSubjectsSql,
  standingForAllOwnersSql,
  withRecordProvinces,
} from './indicators';
import { type ReadScope, readScopeSql } from './read-scope';
import { cachedQuery, statementKey } from './statement-cache';

/*
 * Live evaluation of a target definition (docs/design.md § Data model principles: "evaluated live by SQL over the records —
 * no batch rebuild, no stored percentages"). One statement per target returns the totals, the breakdowns by
 * district and by unit kind, and the first rows of who is behind: a single round trip. The target's subjects and
 * their evidence are the general parts compiled by queries/indicators.ts (issue 16: no code path per target).
 */

/** What a target is evaluated with: its parts and dates (the compiler's input, queries/indicators.ts). */
export type EvaluationInput = IndicatorInput;

export type BreakdownRow = {
  key: string | null;
  name: string | null;
  provinceId: string | null;
  population: number;
  due: number;
  achieved: number;
  /** Reported figures: total of the value (or numerator) and of the denominator over the row's units. */
  numerator: number | null;
  denominator: number | null;
};
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
  /** What counts, or what is missing (queries/indicators.ts indicatorEvidenceSql). */
  evidence: Record<string, unknown> | null;
};
export type TargetFacts = {
  population: number;
  due: number;
  achieved: number;
  /** Reported figures (a figure or ratio value): totals over the achieving units; null otherwise. */
  numerator: number | null;
  denominator: number | null;
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

/**
 * Where each subject's unit sits as of the date: the unit (standing on that date, see standingUnit), its kind,
 * province and district — the unit itself, its parent or its grandparent (school → commune → district);
 * departments and other province-level units have none ("cấp thành phố"). Parents are looked up once per distinct
 * parent, so the cost follows the owners, not the size of the country.
 */
function placedOwners(asOf: string): SQL {
  // MATERIALIZED: inlined, the planner may rescan the lookups for every subject (seconds on PGlite).
  return sql`
      ov AS MATERIALIZED (
        SELECT DISTINCT unit_id, u_name AS name, u_kind AS kind, u_parent AS parent_unit_id, u_province AS province_id
          FROM subj WHERE unit_id IS NOT NULL
      ),
      parents AS MATERIALIZED (
        SELECT pa.parent_unit_id, pl.*
          FROM (SELECT DISTINCT parent_unit_id FROM ov WHERE parent_unit_id IS NOT NULL) pa
          CROSS JOIN LATERAL (${placeOn(sql`NULL::uuid`, sql`pa.parent_unit_id`, sql`NULL::text`, asOf)}) pl
      ),
      -- MATERIALIZED too: with few owners estimated, the planner re-ran the parents' join once per subject
      -- (EXPLAIN on the bench's city data: 39,900 loops, 115 ms for the channels).
      placed AS MATERIALIZED (
        SELECT v.unit_id, v.name, v.kind, v.province_id,
               CASE WHEN v.kind = 'district' THEN v.unit_id WHEN pp.p_kind = 'district' THEN pp.p_id
                    WHEN pp.g_kind = 'district' THEN pp.g_id END AS district_id
          FROM ov v LEFT JOIN parents pp ON pp.parent_unit_id = v.parent_unit_id
      )`;
}

/** Name of a district as of the date (for the few breakdown rows and listed subjects). */
export const districtName = (id: SQL, asOf: string) =>
  sql`(SELECT d.name FROM (${versionInForce(id, asOf)}) d)`;

type RawFacts = {
  population: number;
  due: number;
  achieved: number;
  numerator: number | null;
  denominator: number | null;
  by_district: BreakdownRow[] | null;
  by_kind: BreakdownRow[] | null;
  subjects: SubjectRow[] | null;
  behind_count: number;
};

/** The population with each subject's place (owner unit, kind, district, province), filtered by `where`. */
export function placedSubjectsSql(
  input: EvaluationInput,
  where: SQL | null,
  subjectIds?: string[] | SQL,
): SQL {
  return sql`
    WITH subj AS (${indicatorSubjectsSql(input, { subjectIds })}),
    ${placedOwners(input.asOf)},
    s AS MATERIALIZED (
      SELECT subj.subject_id, subj.label, subj.unit_id, subj.due, subj.achieved, subj.num, subj.den,
             pl.name AS unit_name, pl.kind AS unit_kind, pl.district_id, pl.province_id
        FROM subj LEFT JOIN placed pl ON pl.unit_id = subj.unit_id
       ${where ? sql`WHERE ${where}` : sql``}
    )`;
}

/** JSON rows of the listed subjects with their evidence (`rows` is a subquery over `s`, already ordered and paged). */
export const listedJson = (input: EvaluationInput, rows: SQL) => sql`(SELECT json_agg(x) FROM (
         SELECT s.subject_id AS "subjectId", s.label, s.unit_id AS "unitId", s.unit_name AS "unitName",
                s.unit_kind AS "unitKind", s.district_id AS "districtId", ${districtName(sql`s.district_id`, input.asOf)} AS "districtName",
                s.due, s.achieved, ${indicatorEvidenceSql(input)} AS evidence
           FROM (${rows}) s) x)`;

const breakdownCols = sql`count(*)::int AS population, count(*) FILTER (WHERE s.due)::int AS due,
  count(*) FILTER (WHERE s.due AND s.achieved)::int AS achieved, sum(s.num)::float8 AS numerator,
  sum(s.den)::float8 AS denominator`;

/** Builds the one statement that evaluates a target (exported so the benchmark can time the bare SQL). */
export function targetEvaluationSql(input: EvaluationInput): SQL {
  const limit = input.behindLimit ?? 200;
  const own = input.ownerUnitIds;
  const listed = own ? sql`s.unit_id = ANY(${list(own, 'uuid')})` : sql`s.due AND NOT s.achieved`;
  // A count of records (Plan 54 I.2.đ) has nobody behind: list the records that count instead; the rule editor's
  // preview lists a sample of everyone (who counts and who does not).
  const d = input.definition;
  const isCount = d.condition.type === 'none' && d.value.type === 'count';
  const listedWhere = (isCount || input.listAll) && !own ? sql`TRUE` : listed;
  return sql`
    ${placedSubjectsSql(input, own ? sql`subj.unit_id = ANY(${list(own, 'uuid')})` : null)}
    SELECT
      (SELECT count(*)::int FROM s) AS population,
      (SELECT count(*) FILTER (WHERE due)::int FROM s) AS due,
      (SELECT count(*) FILTER (WHERE due AND achieved)::int FROM s) AS achieved,
      (SELECT sum(num)::float8 FROM s) AS numerator,
      (SELECT sum(den)::float8 FROM s) AS denominator,
      (SELECT json_agg(x ORDER BY x.name COLLATE vi_vn NULLS FIRST) FROM (
         SELECT g.*, ${districtName(sql`g.key`, input.asOf)} AS name FROM (
           SELECT s.district_id AS key, s.province_id AS "provinceId", ${breakdownCols}
             FROM s GROUP BY s.province_id, s.district_id) g) x) AS by_district,
      (SELECT json_agg(x ORDER BY x.key) FROM (
         SELECT s.unit_kind AS key, NULL AS name, NULL AS "provinceId", ${breakdownCols}
           FROM s GROUP BY s.unit_kind) x) AS by_kind,
      (SELECT count(*)::int FROM s WHERE ${listedWhere}) AS behind_count,
      ${listedJson(input, sql`SELECT * FROM s WHERE ${listedWhere} ORDER BY s.district_id NULLS FIRST, s.unit_name COLLATE vi_vn, s.label COLLATE vi_vn LIMIT ${limit}`)} AS subjects`;
}

/** Evaluates one target definition over the records, now. */
export async function evaluateTargetFacts(db: Db, input: EvaluationInput): Promise<TargetFacts> {
  const [resolved] = await withRecordProvinces(db, [input]);
  const [row] = await queryBuilt<RawFacts>(
    db,
    cachedQuery(statementKey('evaluation', resolved), () => targetEvaluationSql(resolved!)),
  );
  const r = row!;
  return {
    population: Number(r.population),
    due: Number(r.due),
    achieved: Number(r.achieved),
    numerator: r.numerator === null ? null : Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    byDistrict: r.by_district ?? [],
    byKind: r.by_kind ?? [],
    subjects: r.subjects ?? [],
    behindCount: Number(r.behind_count),
  };
}

export type SubjectFilter = {
  state: SubjectState;
  /** Subjects owned by this unit (the unit itself for a unit population). */
  unitId?: string;
  /** A district breakdown cell: its key; null = the city-level cell (no district). Undefined = every district. */
  districtId?: string | null;
  /** A unit-kind breakdown cell: its key; null = owner kind unknown. Undefined = every kind. */
  unitKind?: string | null;
  /** Only the subjects the caller may read one by one (people within a unit officer's subtree: docs/security.md). */
  readable?: ReadScope;
};

export type SubjectPage = { total: number; items: SubjectRow[] };

/**
 * The subjects behind one figure of a target (docs/design.md: every figure links to the records behind it): the whole
 * population, one breakdown cell or one unit, in one state, paged, each with the records that make it count or the
 * absence of them. Same population and condition SQL as the evaluation, so the totals agree with the figure.
 */
export function targetSubjectsSql(
  input: EvaluationInput,
  filter: SubjectFilter,
  page: { offset: number; limit: number },
): SQL {
  const where: SQL[] = [];
  if (filter.state === 'behind') where.push(sql`s.due AND NOT s.achieved`);
  if (filter.state === 'achieved') where.push(sql`s.due AND s.achieved`);
  if (filter.state === 'not_due') where.push(sql`NOT s.due`);
  if (filter.unitId) where.push(sql`s.unit_id = ${filter.unitId}::uuid`);
  if (filter.districtId !== undefined)
    where.push(
      filter.districtId === null
        ? sql`s.district_id IS NULL`
        : sql`s.district_id = ${filter.districtId}::uuid`,
    );
  if (filter.unitKind !== undefined)
    where.push(filter.unitKind === null ? sql`s.unit_kind IS NULL` : sql`s.unit_kind = ${filter.unitKind}`);
  if (filter.readable) where.push(readScopeSql(filter.readable, sql`s.province_id`, [sql`s.unit_id`]));
  const cond = where.length ? sql.join(where, sql` AND `) : sql`TRUE`;
  return sql`
    ${placedSubjectsSql(input, filter.unitId ? sql`subj.unit_id = ${filter.unitId}::uuid` : null)}
    SELECT (SELECT count(*)::int FROM s WHERE ${cond}) AS total,
           ${listedJson(
             input,
             sql`SELECT * FROM s WHERE ${cond}
                  ORDER BY (s.due AND NOT s.achieved) DESC, s.district_id NULLS FIRST, s.unit_name COLLATE vi_vn, s.label COLLATE vi_vn, s.subject_id
                 OFFSET ${page.offset} LIMIT ${page.limit}`,
           )} AS items`;
}

export async function listTargetSubjects(
  db: Db,
  input: EvaluationInput,
  filter: SubjectFilter,
  page: { offset: number; limit: number },
): Promise<SubjectPage> {
  const [resolved] = await withRecordProvinces(db, [input]);
  const [row] = await queryRows<{ total: number; items: SubjectRow[] | null }>(
    db,
    targetSubjectsSql(resolved!, filter, page),
  );
  return { total: Number(row!.total), items: row!.items ?? [] };
}

/** How many of the population were due and achieved at one point of a target's trend, and the reported figures. */
export type TrendCount = {
  due: number;
  achieved: number;
  numerator: number | null;
  denominator: number | null;
};

/**
 * Totals of several evaluations in ONE statement (the trend of every target of a plan over its period): each input
 * is a target evaluated as at one checkpoint (`until` = the checkpoint). Only totals: no breakdowns, no placement.
 * Returns the counts in the order of the inputs.
 */
export function targetTotalsSql(inputs: EvaluationInput[]): SQL {
  // The units standing on each date, computed once at the top for every point of that date (and provinces):
  // the points of one date share them (a 60-point trend has 10 dates).
  const shared = new Map<string, { name: SQL; body: SQL }>();
  const points = inputs.map((input) => {
    const key = JSON.stringify([input.asOf, input.provinceIds, input.recordProvinceIds]);
    const known = shared.get(key);
    if (known) return { ...input, standingFrom: known.name };
    const body = standingForAllOwnersSql(input);
    if (!body) return input;
    const name = sql`${sql.identifier(`so_${shared.size}`)}`;
    shared.set(key, { name, body });
    return { ...input, standingFrom: name };
  });
  const union = sql.join(
    points.map(
      (input, i) => sql`(SELECT ${i}::int AS i, count(*) FILTER (WHERE t.due)::int AS due,
                                count(*) FILTER (WHERE t.due AND t.achieved)::int AS achieved,
                                sum(t.num)::float8 AS numerator, sum(t.den)::float8 AS denominator
                           FROM (${indicatorSubjectsSql(input)}) t)`,
    ),
    sql` UNION ALL `,
  );
  if (shared.size === 0) return union;
  const ctes = [...shared.values()].map((c) => sql`${c.name} AS MATERIALIZED (${c.body})`);
  return sql`WITH ${sql.join(ctes, sql`, `)} ${union}`;
}

export async function evaluateTargetTotals(db: Db, inputs: EvaluationInput[]): Promise<TrendCount[]> {
  if (inputs.length === 0) return [];
  const rows = await queryBuilt<{
    i: number;
    due: number;
    achieved: number;
    numerator: number | null;
    denominator: number | null;
  }>(
    db,
    await withRecordProvinces(db, inputs).then((resolved) =>
      cachedQuery(statementKey('totals', resolved), () => targetTotalsSql(resolved)),
    ),
  );
  const out: TrendCount[] = inputs.map(() => ({ due: 0, achieved: 0, numerator: null, denominator: null }));
  const num = (n: number | null) => (n === null ? null : Number(n));
  for (const r of rows)
    out[Number(r.i)] = {
      due: Number(r.due),
      achieved: Number(r.achieved),
      numerator: num(r.numerator),
      denominator: num(r.denominator),
    };
  return out;
}

/** A unit's own count of a target's subjects due and achieved. */
export type UnitCount = { due: number; achieved: number };

/**
 * Per owner unit, how many of each target's subjects are due and achieved: several targets in ONE statement, only
 * the subjects of `unitIds` (the consolidated report's table of units). Same population and condition SQL as the
 * evaluation, so a unit's counts agree with its own standing; no placement, no evidence. Returns one map per input.
 */
export async function evaluateTargetCountsByUnit(
  db: Db,
  inputs: EvaluationInput[],
  unitIds: string[],
): Promise<Map<string, UnitCount>[]> {
  const out = inputs.map(() => new Map<string, UnitCount>());
  if (inputs.length === 0 || unitIds.length === 0) return out;
  const units = list(unitIds, 'uuid');
  const resolved = await withRecordProvinces(db, inputs);
  const rows = await queryRows<{ i: number; unit_id: string; due: number; achieved: number }>(
    db,
    sql.join(
      resolved.map(
        (input, i) => sql`(SELECT ${i}::int AS i, t.unit_id, count(*) FILTER (WHERE t.due)::int AS due,
                                  count(*) FILTER (WHERE t.due AND t.achieved)::int AS achieved
                             FROM (${indicatorSubjectsSql(input)}) t WHERE t.unit_id = ANY(${units}) GROUP BY t.unit_id)`,
      ),
      sql` UNION ALL `,
    ),
  );
  for (const r of rows)
    out[Number(r.i)]!.set(r.unit_id, { due: Number(r.due), achieved: Number(r.achieved) });
  return out;
}

/** Of `unitIds`, those that exist in `provinceId` (one statement for a reminder to up to a thousand units). */
export async function unitIdsInProvince(db: Db, unitIds: string[], provinceId: string): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM org_unit WHERE province_id = ${provinceId}::uuid AND id IN (${sql.join(
      unitIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.id));
}
