import {
  evaluationDatesAsOf,
  type IndicatorRecord,
  type TargetGoal,
  type TargetRule,
  targetDefinition,
} from '@dx/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { standingUnits } from './as-of';
import type { IndicatorInput } from './indicators';
import { type BreakdownRow, districtName, listedJson, placedSubjectsSql, type TargetFacts } from './targets';

/*
 * Rollups kept fresh on every write (issue 13; migration 0022_target_rollups.sql, docs/scaling.md § Rollups).
 *
 * Each defined target keeps its subjects' state as evaluated TODAY (target_subject_state) and their sums by
 * province × district × unit kind (target_rollup). Both are written only from the live subjects SQL
 * (queries/indicators.ts indicatorSubjectsSql, placed as in queries/targets.ts): one source of truth, re-run for all
 * of a target's subjects when it is (re)built, and for the subjects a write touched when records change.
 *
 * The choice: statement-level triggers with transition tables note which rows a statement changed (rollup_pending,
 * per transaction); the write path then calls refreshRollups before its transaction commits. Triggers alone cannot
 * re-run SQL that is compiled in TypeScript from each rule; the write path alone could forget a table (an import's
 * INSERT … SELECT, a cascade). Together nothing is missed, and the re-evaluation stays the live SQL.
 *
 * A target's states stand for one evaluation: the rule's version and today's dates (period, as-of, windows owed),
 * kept as target_rollup_built.key. A reader uses them only when the key equals the one it computes for today; else
 * (a new day before the nightly rebuild, a rule saved outside defineTarget) the live SQL answers, so a figure is
 * never stale, only slower. A write refreshes only targets whose key is today's.
 */

/** A defined target as the rollups need it. */
export type RollupTarget = {
  targetId: string;
  provinceId: string;
  planYear: number;
  goal: TargetGoal;
  rule: TargetRule;
  ruleVersion: number;
  /** The key its stored states were built for (null = never built). */
  builtKey: string | null;
};

type RawTarget = {
  target_id: string;
  province_id: string;
  plan_year: number;
  comparator: TargetGoal['comparator'];
  goal_value: string | number;
  goal_max: string | number | null;
  unit: TargetGoal['unit'];
  rule: TargetRule;
  rule_version: number;
  built_key: string | null;
};

/** Defined targets whose province is in `provinces` (SQL of ids; null = every province), by id. */
export async function listRollupTargets(
  db: Db,
  provinces: SQL | null,
  targetIds?: string[],
): Promise<RollupTarget[]> {
  const rows = await queryRows<RawTarget>(
    db,
    sql`SELECT t.id AS target_id, t.province_id, p.year AS plan_year, t.comparator, t.goal_value, t.goal_max, t.unit,
               d.rule, d.version AS rule_version, b.key AS built_key
          FROM plan_target t JOIN plan p ON p.id = t.plan_id JOIN target_definition d ON d.plan_target_id = t.id
          LEFT JOIN target_rollup_built b ON b.target_id = t.id
         WHERE ${provinces ? sql`t.province_id IN (${provinces})` : sql`TRUE`}
           ${
             targetIds
               ? sql`AND t.id = ANY(${sql`ARRAY[${sql.join(
                   targetIds.map((id) => sql`${id}`),
                   sql`, `,
                 )}]::uuid[]`})`
               : sql``
           }
         ORDER BY t.id`,
  );
  return rows.map((r) => ({
    targetId: r.target_id,
    provinceId: r.province_id,
    planYear: Number(r.plan_year),
    goal: {
      comparator: r.comparator,
      value: Number(r.goal_value),
      ...(r.goal_max === null ? {} : { max: Number(r.goal_max) }),
      unit: r.unit,
    },
    rule: r.rule,
    ruleVersion: Number(r.rule_version),
    builtKey: r.built_key,
  }));
}

/**
 * The key of a target's evaluation today: its rule's version and the dates the dashboard evaluates it with
 * (domain evaluationDatesAsOf without a date = today's live figure). Readers compute the same key.
 */
export function rollupKey(
  ruleVersion: number,
  dates: { period: { from: string; to: string }; asOf: string; windows: { from: string; to: string }[] },
): string {
  return JSON.stringify([ruleVersion, dates.period.from, dates.period.to, dates.asOf, dates.windows]);
}

/**
 * The key each target of a plan has its rollups built for (target id → key; a target never built is absent). Kept by
 * the evaluation under the 'rollups' epoch (migration 0025), so a request asks the rollups only for a target built for
 * today's key; rollupFacts checks the key again in its statement, so a value kept too long is only slower, never wrong.
 */
export async function listRollupBuiltKeys(db: Db, planId: string): Promise<ReadonlyMap<string, string>> {
  const rows = await queryRows<{ target_id: string; key: string }>(
    db,
    sql`SELECT b.target_id, b.key FROM target_rollup_built b JOIN plan_target t ON t.id = b.target_id
         WHERE t.plan_id = ${planId}::uuid`,
  );
  return new Map(rows.map((r) => [r.target_id, r.key]));
}

/** The input and key a target is evaluated with today; null when its rule no longer parses with its goal. */
export function rollupEvaluation(
  t: Pick<RollupTarget, 'provinceId' | 'planYear' | 'goal' | 'rule' | 'ruleVersion'>,
  today: string,
): { input: IndicatorInput; key: string } | null {
  const parsed = targetDefinition.safeParse({ ...t.rule, goal: t.goal });
  if (!parsed.success) return null;
  const dates = evaluationDatesAsOf({ definition: parsed.data, planYear: t.planYear, today });
  return {
    input: { definition: parsed.data, ...dates, provinceIds: [t.provinceId] },
    key: rollupKey(t.ruleVersion, dates),
  };
}

const STATE_COLS = sql`target_id, subject_id, province_id, district_id, unit_kind, unit_id, unit_name, label, due, achieved, num, den`;

/**
 * Adds (sign 1) or takes away (-1) the states of `rows` (a relation with the state columns, target_id among them) to
 * their targets' cells: one statement for any number of targets.
 */
function addToRollup(rows: SQL, sign: 1 | -1): SQL {
  const k = sql.raw(String(sign));
  return sql`INSERT INTO target_rollup AS tr (target_id, province_id, district_id, unit_kind, population, due, achieved, num, num_n, den, den_n)
    SELECT r.target_id, r.province_id, r.district_id, r.unit_kind, ${k} * count(*),
           ${k} * count(*) FILTER (WHERE r.due), ${k} * count(*) FILTER (WHERE r.due AND r.achieved),
           ${k} * coalesce(sum(r.num), 0), ${k} * count(r.num), ${k} * coalesce(sum(r.den), 0), ${k} * count(r.den)
      FROM ${rows} r GROUP BY r.target_id, r.province_id, r.district_id, r.unit_kind
    ON CONFLICT ON CONSTRAINT target_rollup_cell DO UPDATE SET
      population = tr.population + excluded.population, due = tr.due + excluded.due,
      achieved = tr.achieved + excluded.achieved, num = tr.num + excluded.num, num_n = tr.num_n + excluded.num_n,
      den = tr.den + excluded.den, den_n = tr.den_n + excluded.den_n`;
}

/** The live states of a target's subjects (all, or those of `subjectIds`) as a subquery with the state columns. */
function liveStatesSql(targetId: string, input: IndicatorInput, subjectIds?: SQL): SQL {
  return sql`(${placedSubjectsSql(input, null, subjectIds)}
    SELECT ${targetId}::uuid AS target_id, s.subject_id, s.province_id, s.district_id, s.unit_kind, s.unit_id,
           s.unit_name, s.label, s.due, s.achieved, s.num, s.den FROM s)`;
}

/**
 * Inserts the live states of several targets' subjects (each target's whole population, or the subjects `subjectIds`
 * gives it) and adds them to their cells: ONE statement however many targets (issue 13: a write's refresh is set-based,
 * not a statement per target).
 */
function insertStatesSql(parts: { targetId: string; input: IndicatorInput; subjectIds?: SQL }[]): SQL {
  return sql`WITH ins AS (
      INSERT INTO target_subject_state (${STATE_COLS})
      SELECT x.target_id, x.subject_id, x.province_id, x.district_id, x.unit_kind, x.unit_id, x.unit_name, x.label,
             x.due, x.achieved, x.num, x.den
        FROM (${sql.join(
          parts.map((p) => sql`SELECT * FROM ${liveStatesSql(p.targetId, p.input, p.subjectIds)} l`),
          sql` UNION ALL `,
        )}) x
      RETURNING *)
    ${addToRollup(sql`ins`, 1)}`;
}

/**
 * Builds a target's states and cells from scratch for `today` (a rule defined or changed, the nightly rebuild):
 * one statement over all its subjects. A target whose rule no longer parses keeps none (the live SQL says "not
 * defined"). The built row is written first: it locks the target against a concurrent write's refresh.
 */
export async function rebuildTargetRollup(
  db: Db,
  t: Pick<RollupTarget, 'targetId' | 'provinceId' | 'planYear' | 'goal' | 'rule' | 'ruleVersion'>,
  today: string,
): Promise<void> {
  const ev = rollupEvaluation(t, today);
  if (!ev) {
    await db.execute(sql`DELETE FROM target_rollup_built WHERE target_id = ${t.targetId}::uuid`);
    await db.execute(sql`DELETE FROM target_subject_state WHERE target_id = ${t.targetId}::uuid`);
    await db.execute(sql`DELETE FROM target_rollup WHERE target_id = ${t.targetId}::uuid`);
    return;
  }
  await db.execute(
    sql`INSERT INTO target_rollup_built (target_id, key) VALUES (${t.targetId}::uuid, ${ev.key})
        ON CONFLICT (target_id) DO UPDATE SET key = excluded.key, built_at = now()`,
  );
  await db.execute(sql`DELETE FROM target_subject_state WHERE target_id = ${t.targetId}::uuid`);
  await db.execute(sql`DELETE FROM target_rollup WHERE target_id = ${t.targetId}::uuid`);
  await db.execute(insertStatesSql([{ targetId: t.targetId, input: ev.input }]));
}

/** Rebuilds the rollups of these targets (ids) for today: what saving a rule calls in its transaction. */
export async function rebuildRollupsOf(db: Db, targetIds: string[], today: string): Promise<void> {
  if (targetIds.length === 0) return;
  for (const t of await listRollupTargets(db, null, targetIds)) await rebuildTargetRollup(db, t, today);
}

/** The changes noted by this transaction (rollup_pending rows), as a FROM item aliased pd. */
const MY_NOTES = sql`pd.xact = pg_current_xact_id_if_assigned()`;
const MINE = sql`rollup_pending pd WHERE ${MY_NOTES}`;
const noted = (tbl: string | string[], column = 'id'): SQL =>
  sql`SELECT pd.${sql.raw(column)} FROM ${MINE} AND pd.tbl ${
    Array.isArray(tbl)
      ? sql`IN (${sql.join(
          tbl.map((t) => sql`${t}`),
          sql`, `,
        )})`
      : sql`= ${tbl}`
  }`;

/** The column of each record table naming the unit that owns it (queries/indicators.ts source). */
const OWNER: Record<Exclude<IndicatorRecord, 'unit'>, string> = {
  channel: 'owner_unit_id',
  person: 'unit_id',
  dx_model: 'unit_id',
  event: 'organiser_unit_id',
  training: 'organiser_unit_id',
  publication: 'unit_id',
  unit_plan: 'unit_id',
};

/** Changes to the organisation: a unit's versions (name, kind, parent, dates) or successions. */
const REORGANISATION = ['org_unit', 'succession'];
/** What a target of each population reads, beside the organisation (tables as noted by the triggers). */
const READS: Record<IndicatorRecord, string[]> = {
  unit: [
    'channel',
    'person',
    'dx_model',
    'event',
    'training',
    'training_attendance',
    'publication',
    'publication_model',
    'unit_plan',
    'data_value',
  ],
  channel: ['channel', 'publication'],
  person: ['person', 'training', 'training_attendance'],
  training: ['training', 'person', 'training_attendance'],
  dx_model: ['dx_model', 'publication', 'publication_model', 'channel'],
  publication: ['publication', 'publication_model', 'dx_model', 'channel'],
  event: ['event'],
  unit_plan: ['unit_plan'],
};

/**
 * The units a reorganisation touched and everything that hangs on them: the units noted, every unit ever below them,
 * and the units they succeeded or that succeeded them (transitively) — the affected subtree, a superset: a subject
 * re-evaluated without need keeps its state.
 */
const reorganisedUnits = sql`WITH RECURSIVE ru(id) AS (
    SELECT x.id FROM (${noted(REORGANISATION)} UNION ${noted('succession', 'other_id')}) x(id) WHERE x.id IS NOT NULL
    UNION
    SELECT n.id FROM ru JOIN (
      SELECT v.parent_unit_id AS from_id, v.unit_id AS id FROM org_unit_version v
      UNION ALL SELECT s.successor_unit_id, s.predecessor_unit_id FROM org_unit_succession s
      UNION ALL SELECT s.predecessor_unit_id, s.successor_unit_id FROM org_unit_succession s) n ON n.from_id = ru.id
  ) SELECT id FROM ru`;

/** The subjects of a target (population `record`) that this transaction's changes may have changed: SQL of ids. */
function affectedSubjectsSql(targetId: string, input: IndicatorInput, tables: Set<string>): SQL {
  const record = input.definition.population.record;
  const parts: SQL[] = [];
  const reorganised = REORGANISATION.some((t) => tables.has(t));
  if (record === 'unit') {
    // A record counts for the unit that owns it and for the unit standing for its owner (succession roll-up); a
    // publication's themes or models, or a channel's kind, change what its owner's publications count.
    // A note of a record row carries its owner already (the trigger's owner column): only a theme's or a model
    // link's note (no owner) is looked up, so a 20,000-row import does not probe 20,000 publications (issue 13).
    const unowned = (tbl: string[]) =>
      sql`SELECT pd.id FROM ${MINE} AND pd.owner_id IS NULL AND pd.tbl IN (${sql.join(
        tbl.map((t) => sql`${t}`),
        sql`, `,
      )})`;
    const owners = sql`SELECT pd.owner_id FROM ${MINE} AND pd.owner_id IS NOT NULL
      UNION SELECT x.unit_id FROM publication x WHERE x.id IN (${unowned(['publication', 'publication_model'])})
      UNION SELECT x.unit_id FROM publication x WHERE x.channel_id IN (${noted('channel')})
      UNION SELECT x.organiser_unit_id FROM event x WHERE x.id IN (${unowned(['event'])})`;
    // The owners once (materialised), for themselves and for the units standing for them.
    parts.push(
      sql`WITH o AS MATERIALIZED (${owners})
          SELECT o.owner_id FROM o UNION SELECT st.unit_id FROM ${standingUnits(sql`SELECT owner_id FROM o`, input.asOf)} st`,
    );
    if (reorganised) parts.push(reorganisedUnits);
  } else {
    parts.push(noted(record));
    if (record === 'channel') parts.push(noted('publication', 'other_id'));
    if (record === 'person')
      parts.push(
        noted('training_attendance', 'other_id'),
        sql`SELECT a.person_id FROM training_attendance a WHERE a.training_id IN (${noted('training')})`,
      );
    if (record === 'training')
      parts.push(
        noted('training_attendance'),
        sql`SELECT a.training_id FROM training_attendance a WHERE a.person_id IN (${noted('person')})`,
      );
    if (record === 'dx_model')
      parts.push(
        noted('publication_model', 'other_id'),
        sql`SELECT m.model_id FROM publication_model m WHERE m.publication_id IN (${noted('publication')})`,
        // Featured on a channel whose kind changed (Plan 54 I.2.d counts mass media only).
        sql`SELECT m.model_id FROM publication_model m JOIN publication x ON x.id = m.publication_id
             WHERE x.channel_id IN (${noted('channel')})`,
      );
    if (record === 'publication')
      parts.push(
        noted('publication_model'),
        sql`SELECT m.publication_id FROM publication_model m WHERE m.model_id IN (${noted('dx_model')})`,
        sql`SELECT x.id FROM publication x WHERE x.channel_id IN (${noted('channel')})`,
      );
    if (reorganised) {
      // Records owned in the subtree (their owner's standing unit, kind or district may have changed), and those
      // placed there before.
      parts.push(
        sql`SELECT x.id FROM ${sql.raw(record)} x WHERE x.${sql.raw(OWNER[record])} IN (${reorganisedUnits})`,
        sql`SELECT st.subject_id FROM target_subject_state st
             WHERE st.target_id = ${targetId}::uuid AND st.unit_id IN (${reorganisedUnits})`,
      );
    }
  }
  return sql.join(
    parts.map((p) => sql`SELECT z.id FROM (${p}) z(id)`),
    sql` UNION `,
  );
}

/** The provinces whose targets this transaction's changes may touch (their own, and those they were merged into). */
const touchedProvinces = sql`WITH RECURSIVE tp(id) AS (
    SELECT z.pv FROM (
      SELECT pd.province_id AS pv FROM ${MINE}
      UNION SELECT u.province_id FROM rollup_pending pd JOIN org_unit u ON u.id IN (pd.id, pd.other_id)
       WHERE ${MY_NOTES} AND pd.province_id IS NULL AND pd.tbl IN ('org_unit', 'succession')
      UNION SELECT x.province_id FROM rollup_pending pd JOIN publication x ON x.id = pd.id
       WHERE ${MY_NOTES} AND pd.province_id IS NULL AND pd.tbl IN ('publication', 'publication_model')
      UNION SELECT x.province_id FROM rollup_pending pd JOIN event x ON x.id = pd.id
       WHERE ${MY_NOTES} AND pd.province_id IS NULL AND pd.tbl = 'event'
      UNION SELECT x.province_id FROM rollup_pending pd JOIN unit_group x ON x.id = pd.id
       WHERE ${MY_NOTES} AND pd.province_id IS NULL AND pd.tbl = 'unit_group'
    ) z WHERE z.pv IS NOT NULL
    UNION
    SELECT s.successor_unit_id FROM tp JOIN org_unit_succession s ON s.predecessor_unit_id = tp.id
      JOIN org_unit pu ON pu.id = s.predecessor_unit_id AND pu.province_id = pu.id
  ) SELECT id FROM tp`;

/**
 * Re-evaluates, inside the writing transaction, the subjects its changes touched (noted by the triggers of
 * migration 0022) for every target built for `today`, and moves their sums between the cells. Call it last in the
 * transaction of a use case that writes records, units or groups. Returns how many targets it refreshed.
 */
export async function refreshRollups(db: Db, today: string): Promise<number> {
  const [head] = await queryRows<{ tables: string[] | null }>(
    db,
    sql`SELECT array_agg(DISTINCT pd.tbl) AS tables FROM ${MINE}`,
  );
  const tables = new Set(head?.tables ?? []);
  if (tables.size === 0) return 0;
  let refreshed = 0;
  const candidates = (await listRollupTargets(db, touchedProvinces)).flatMap((t) => {
    const ev = rollupEvaluation(t, today);
    if (!ev || ev.key !== t.builtKey) return [];
    const reads = [...READS[ev.input.definition.population.record], ...REORGANISATION, 'unit_group'];
    return reads.some((r) => tables.has(r)) ? [{ t, ev }] : [];
  });
  if (candidates.length > 0) {
    // Locked in id order (no deadlock between writers); a rebuild holding one is waited for, and its key re-read.
    const locked = await queryRows<{ target_id: string; key: string }>(
      db,
      sql`SELECT target_id, key FROM target_rollup_built
           WHERE target_id IN (${sql.join(
             candidates.map((c) => sql`${c.t.targetId}::uuid`),
             sql`, `,
           )}) ORDER BY target_id FOR UPDATE`,
    );
    const keys = new Map(locked.map((r) => [r.target_id, r.key]));
    const current = candidates.filter(({ t, ev }) => keys.get(t.targetId) === ev.key);
    refreshed = current.length;
    if (tables.has('unit_group')) {
      // A group's rule or members decide who belongs anywhere in the province: the whole targets.
      for (const { t } of current) await rebuildTargetRollup(db, t, today);
    } else if (current.length > 0) {
      // Set-based over every target of the provinces touched (issue 13): their affected subjects noted in one
      // statement, their old states taken out of the cells in one, the live states put back in one, empty cells
      // dropped in one — four statements whatever the number of targets or rows written.
      await db.execute(
        sql`INSERT INTO rollup_pending (tbl, id, other_id)
            SELECT DISTINCT '@subject', a.id, a.target_id FROM (${sql.join(
              current.map(
                ({ t, ev }) =>
                  sql`SELECT z.id, ${t.targetId}::uuid AS target_id FROM (${affectedSubjectsSql(t.targetId, ev.input, tables)}) z(id)`,
              ),
              sql` UNION ALL `,
            )}) a WHERE a.id IS NOT NULL`,
      );
      const subjectsOf = (targetId: string) =>
        sql`SELECT pd.id FROM ${MINE} AND pd.tbl = '@subject' AND pd.other_id = ${targetId}::uuid`;
      await db.execute(
        sql`WITH old AS (
              DELETE FROM target_subject_state st USING rollup_pending pd
               WHERE ${MY_NOTES} AND pd.tbl = '@subject' AND st.target_id = pd.other_id AND st.subject_id = pd.id
              RETURNING st.*)
            ${addToRollup(sql`old`, -1)}`,
      );
      await db.execute(
        insertStatesSql(
          current.map(({ t, ev }) => ({
            targetId: t.targetId,
            input: ev.input,
            subjectIds: subjectsOf(t.targetId),
          })),
        ),
      );
      await db.execute(
        sql`DELETE FROM target_rollup WHERE population = 0 AND target_id IN (${sql.join(
          current.map(({ t }) => sql`${t.targetId}::uuid`),
          sql`, `,
        )})`,
      );
    }
  }
  await db.execute(sql`DELETE FROM ${MINE}`);
  return refreshed;
}

/** One breakdown cell as stored. */
export type RollupCell = {
  provinceId: string | null;
  districtId: string | null;
  unitKind: string | null;
  population: number;
  due: number;
  achieved: number;
  numerator: number | null;
  denominator: number | null;
};

/** A target's stored cells (population > 0), in a stable order: what the checks compare. */
export async function listRollupCells(db: Db, targetId: string): Promise<RollupCell[]> {
  return (
    await queryRows<RollupCell>(
      db,
      sql`SELECT province_id AS "provinceId", district_id AS "districtId", unit_kind AS "unitKind", population, due,
                 achieved, CASE WHEN num_n > 0 THEN num::float8 END AS numerator,
                 CASE WHEN den_n > 0 THEN den::float8 END AS denominator
            FROM target_rollup WHERE target_id = ${targetId}::uuid AND population > 0
           ORDER BY province_id NULLS FIRST, district_id NULLS FIRST, unit_kind NULLS FIRST`,
    )
  ).map((c) => ({
    ...c,
    population: Number(c.population),
    due: Number(c.due),
    achieved: Number(c.achieved),
    numerator: c.numerator === null ? null : Number(c.numerator),
    denominator: c.denominator === null ? null : Number(c.denominator),
  }));
}

/** The same cells computed live now (no stored state): the reference the nightly check and the tests compare with. */
export async function liveRollupCells(db: Db, input: IndicatorInput): Promise<RollupCell[]> {
  return (
    await queryRows<RollupCell>(
      db,
      sql`${placedSubjectsSql(input, null)}
          SELECT s.province_id AS "provinceId", s.district_id AS "districtId", s.unit_kind AS "unitKind",
                 count(*)::int AS population, count(*) FILTER (WHERE s.due)::int AS due,
                 count(*) FILTER (WHERE s.due AND s.achieved)::int AS achieved,
                 sum(s.num)::float8 AS numerator, sum(s.den)::float8 AS denominator
            FROM s GROUP BY 1, 2, 3 ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, 3 NULLS FIRST`,
    )
  ).map((c) => ({
    ...c,
    population: Number(c.population),
    due: Number(c.due),
    achieved: Number(c.achieved),
    numerator: c.numerator === null ? null : Number(c.numerator),
    denominator: c.denominator === null ? null : Number(c.denominator),
  }));
}

/** How many of a target's stored subject states differ from the live ones (missing, extra or changed). */
export async function countStateDifferences(
  db: Db,
  targetId: string,
  input: IndicatorInput,
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`${placedSubjectsSql(input, null)}
        SELECT count(*)::int AS n FROM s
          FULL JOIN (SELECT * FROM target_subject_state WHERE target_id = ${targetId}::uuid) o ON o.subject_id = s.subject_id
         WHERE (s.subject_id, s.province_id, s.district_id, s.unit_kind, s.unit_id, s.unit_name, s.label, s.due, s.achieved, s.num, s.den)
               IS DISTINCT FROM
               (o.subject_id, o.province_id, o.district_id, o.unit_kind, o.unit_id, o.unit_name, o.label, o.due, o.achieved, o.num, o.den)`,
  );
  return Number(row!.n);
}

/** How many of a target's stored cells differ from the sums of its stored states (a cell altered or missed). */
export async function countCellDifferences(db: Db, targetId: string): Promise<number> {
  const id = sql`${targetId}::uuid`;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`WITH a AS (
          SELECT province_id, district_id, unit_kind, count(*)::int AS population, count(*) FILTER (WHERE due)::int AS due,
                 count(*) FILTER (WHERE due AND achieved)::int AS achieved, coalesce(sum(num), 0) AS num,
                 count(num)::int AS num_n, coalesce(sum(den), 0) AS den, count(den)::int AS den_n
            FROM target_subject_state WHERE target_id = ${id} GROUP BY 1, 2, 3),
        b AS (
          SELECT province_id, district_id, unit_kind, population, due, achieved, num, num_n, den, den_n
            FROM target_rollup WHERE target_id = ${id} AND population <> 0)
        SELECT ((SELECT count(*) FROM (SELECT * FROM a EXCEPT SELECT * FROM b) x)
              + (SELECT count(*) FROM (SELECT * FROM b EXCEPT SELECT * FROM a) y))::int AS n`,
  );
  return Number(row!.n);
}

export type RebuildReport = {
  targets: number;
  /** Targets built for an earlier day or rule (renewed, not a fault). */
  renewed: number;
  /**
   * Targets whose maintained states differed from a full recomputation, or whose cells from the sums of their states
   * (each repaired), with how many subjects and cells differed.
   */
  differences: { targetId: string; subjects: number; cells: number }[];
};

/**
 * The nightly rebuild (jobs: rollup-rebuild): every defined target recomputed in full for `today`. A target already
 * built for today is compared first, and any difference reported (it means a write path missed a refresh); the
 * notes left by writes that never refreshed are cleared. Each target in its own transaction when `transaction` is
 * given, so a long night does not hold every lock at once.
 */
export async function rebuildAllRollups(
  db: Db,
  today: string,
  transaction: <T>(work: (tx: Db) => Promise<T>) => Promise<T> = (work) => work(db),
): Promise<RebuildReport> {
  const report: RebuildReport = { targets: 0, renewed: 0, differences: [] };
  for (const t of await listRollupTargets(db, null)) {
    await transaction(async (tx) => {
      // Lock first (as a write's refresh does), then read: a write that committed meanwhile is seen.
      await tx.execute(
        sql`SELECT 1 FROM target_rollup_built WHERE target_id = ${t.targetId}::uuid FOR UPDATE`,
      );
      const [current] = await listRollupTargets(tx, null, [t.targetId]);
      if (!current) return;
      const ev = rollupEvaluation(current, today);
      report.targets++;
      if (ev && current.builtKey === ev.key) {
        const subjects = await countStateDifferences(tx, t.targetId, ev.input);
        const cells = await countCellDifferences(tx, t.targetId);
        if (subjects > 0 || cells > 0) report.differences.push({ targetId: t.targetId, subjects, cells });
        else return;
      } else report.renewed++;
      await rebuildTargetRollup(tx, current, today);
    });
  }
  // Notes of transactions that committed without refreshing (a seed, a bench's bulk load): the rebuild covered them.
  await db.execute(
    sql`DELETE FROM rollup_pending WHERE xact IS DISTINCT FROM pg_current_xact_id_if_assigned()`,
  );
  return report;
}

type RawFacts = {
  key: string | null;
  population: number;
  due: number;
  achieved: number;
  numerator: number | null;
  denominator: number | null;
  by_district: BreakdownRow[] | null;
  by_kind: BreakdownRow[] | null;
  subjects: TargetFacts['subjects'] | null;
};

const cellSums = sql`sum(r.population)::int AS population, sum(r.due)::int AS due, sum(r.achieved)::int AS achieved,
  CASE WHEN sum(r.num_n) > 0 THEN sum(r.num)::float8 END AS numerator,
  CASE WHEN sum(r.den_n) > 0 THEN sum(r.den)::float8 END AS denominator`;

/**
 * A target's facts from its rollups — the same shape and order as the live evaluation (queries/targets.ts
 * targetEvaluationSql) — when they were built for `key` (today's evaluation); null otherwise (the caller evaluates
 * live). One statement: the cells, and the first `behindLimit` of who is behind with their evidence.
 */
export async function rollupFacts(
  db: Db,
  o: { targetId: string; key: string; input: IndicatorInput; behindLimit: number },
): Promise<TargetFacts | null> {
  const id = sql`${o.targetId}::uuid`;
  const d = o.input.definition;
  // As the live statement: a count of records lists the records that count, others those behind.
  const everyone = d.condition.type === 'none' && d.value.type === 'count';
  const listed = everyone ? sql`TRUE` : sql`s.due AND NOT s.achieved`;
  const [row] = await queryRows<RawFacts>(
    db,
    sql`WITH r AS (SELECT * FROM target_rollup WHERE target_id = ${id} AND population > 0)
        SELECT (SELECT key FROM target_rollup_built WHERE target_id = ${id}) AS key,
               coalesce((SELECT sum(population) FROM r), 0)::int AS population,
               coalesce((SELECT sum(due) FROM r), 0)::int AS due,
               coalesce((SELECT sum(achieved) FROM r), 0)::int AS achieved,
               (SELECT CASE WHEN sum(num_n) > 0 THEN sum(num)::float8 END FROM r) AS numerator,
               (SELECT CASE WHEN sum(den_n) > 0 THEN sum(den)::float8 END FROM r) AS denominator,
               (SELECT json_agg(x ORDER BY x.name COLLATE vi_vn NULLS FIRST) FROM (
                  SELECT g.*, ${districtName(sql`g.key`, o.input.asOf)} AS name FROM (
                    SELECT r.district_id AS key, r.province_id AS "provinceId", ${cellSums}
                      FROM r GROUP BY r.province_id, r.district_id) g) x) AS by_district,
               (SELECT json_agg(x ORDER BY x.key) FROM (
                  SELECT r.unit_kind AS key, NULL AS name, NULL AS "provinceId", ${cellSums}
                    FROM r GROUP BY r.unit_kind) x) AS by_kind,
               ${
                 o.behindLimit > 0
                   ? listedJson(
                       o.input,
                       sql`SELECT * FROM target_subject_state s WHERE s.target_id = ${id} AND ${listed}
                            ORDER BY s.district_id NULLS FIRST, s.unit_name COLLATE vi_vn, s.label COLLATE vi_vn
                            LIMIT ${o.behindLimit}`,
                     )
                   : sql`NULL::json`
               } AS subjects`,
  );
  if (!row || row.key !== o.key) return null;
  const population = Number(row.population);
  const due = Number(row.due);
  const achieved = Number(row.achieved);
  return {
    population,
    due,
    achieved,
    numerator: row.numerator === null ? null : Number(row.numerator),
    denominator: row.denominator === null ? null : Number(row.denominator),
    byDistrict: row.by_district ?? [],
    byKind: row.by_kind ?? [],
    subjects: row.subjects ?? [],
    behindCount: everyone ? population : due - achieved,
  };
}
