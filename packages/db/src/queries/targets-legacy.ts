import {
  CHANNEL_KINDS,
  DX_MODEL_KINDS,
  EVENT_KINDS,
  EVENT_LEVELS,
  isoDate,
  MASS_MEDIA_CHANNEL_KINDS,
  ORG_UNIT_KINDS,
  type OrgUnitKind,
  PERSON_ROLES,
  targetGoal,
  UNIT_PLAN_KINDS,
} from '@dx/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, queryRows } from '../client';
import {
  feedingProvinces,
  inForceOn,
  placeOn,
  standingUnits,
  unitsStandingFor,
  versionInForce,
} from './as-of';

/*
 * TEST SUPPORT, temporary (issue 16): the special-purpose engine that evaluated plan 54's six condition types before
 * the general parts engine (queries/indicators.ts) replaced it, kept only so indicators-compare.test.ts can show the
 * parts give identical facts for every target, breakdown, subjects page, trend total and per-unit count. Removed
 * in the next commit.
 */

type Quarter = { from: string; to: string };
type ResolvedPeriod = { from: string; to: string };

/*
 * A target (chỉ tiêu) as data (docs/brief.md "The six targets of plan 54"): population × condition × period × goal.
 * A plan for 2024 or another province composes its own from these building blocks; no code path per target.
 */

const nonEmpty = <T extends z.ZodTypeAny>(item: T, message: string) => z.array(item).min(1, message).max(20);

/** Who or what is counted, as of a date (the period end unless given; never later than today). */
export const legacyTargetPopulation = z.discriminatedUnion(
  'record',
  [
    z.object({
      record: z.literal('unit'),
      /** A unit group (rule by kinds or explicit members); or kinds directly. */
      unitGroupCode: z.string().trim().min(1).max(60).optional(),
      unitKinds: z.array(z.enum(ORG_UNIT_KINDS)).max(10).optional(),
    }),
    z.object({
      record: z.literal('channel'),
      channelKinds: nonEmpty(z.enum(CHANNEL_KINDS), 'Chọn loại kênh'),
    }),
    z.object({ record: z.literal('person'), roles: nonEmpty(z.enum(PERSON_ROLES), 'Chọn vai trò') }),
    /** Recognised models only (recognised on or before the as-of date). */
    z.object({
      record: z.literal('dx_model'),
      modelKinds: nonEmpty(z.enum(DX_MODEL_KINDS), 'Chọn loại mô hình'),
    }),
    z.object({
      record: z.literal('event'),
      eventKinds: nonEmpty(z.enum(EVENT_KINDS), 'Chọn loại sự kiện'),
      levels: z.array(z.enum(EVENT_LEVELS)).max(3).optional(),
    }),
  ],
  'Chọn đối tượng tính (đơn vị, kênh, người, mô hình, sự kiện)',
);
export type legacyTargetPopulation = z.infer<typeof legacyTargetPopulation>;

/** What a member of the population must show in the period to count as achieved. */
export const legacyTargetCondition = z.discriminatedUnion(
  'type',
  [
    /** Plan 54 I.2.a: a plan of these kinds for the period's year, accepted by the DX office. */
    z.object({
      type: z.literal('accepted_unit_plan'),
      planKinds: nonEmpty(z.enum(UNIT_PLAN_KINDS), 'Chọn loại kế hoạch'),
      /** A unit merged during the period inherits its predecessors' accepted plans. */
      includePredecessors: z.boolean().default(true),
    }),
    /** Plan 54 I.2.b: a DX section, and at least one DX publication in each quarter elapsed. */
    z.object({ type: z.literal('dx_publication_each_quarter') }),
    /** Plan 54 I.2.c: attended a training with this tag held in the period. */
    z.object({ type: z.literal('attended_training'), tag: z.string().trim().min(1).max(40) }),
    /** Plan 54 I.2.d: featured by at least one publication in the period on a channel of these kinds. */
    z.object({
      type: z.literal('featured_in_publication'),
      channelKinds: nonEmpty(z.enum(CHANNEL_KINDS), 'Chọn loại kênh'),
    }),
    /** Plan 54 I.2.e: organised at least one DX event of these kinds in the period. */
    z.object({
      type: z.literal('held_event'),
      eventKinds: nonEmpty(z.enum(EVENT_KINDS), 'Chọn loại sự kiện'),
      levels: z.array(z.enum(EVENT_LEVELS)).max(3).optional(),
    }),
    /** Plan 54 I.2.đ: the number of population records (events) in the period. */
    z.object({ type: z.literal('count') }),
  ],
  'Chọn điều kiện',
);
export type legacyTargetCondition = z.infer<typeof legacyTargetCondition>;

export const legacyTargetPeriod = z.discriminatedUnion('type', [
  /** The calendar year the plan covers. */
  z.object({ type: z.literal('plan_year') }),
  z.object({ type: z.literal('range'), from: isoDate, to: isoDate }),
]);
export type legacyTargetPeriod = z.infer<typeof legacyTargetPeriod>;

/** Which population each condition applies to. */
const CONDITION_RECORD: Record<legacyTargetCondition['type'], legacyTargetPopulation['record']> = {
  accepted_unit_plan: 'unit',
  held_event: 'unit',
  dx_publication_each_quarter: 'channel',
  attended_training: 'person',
  featured_in_publication: 'dx_model',
  count: 'event',
};

const ruleShape = z.object({
  population: legacyTargetPopulation,
  condition: legacyTargetCondition,
  period: legacyTargetPeriod.default({ type: 'plan_year' }),
  /** As-of date for the population; null = the period end (capped at today). */
  asOf: isoDate.nullable().default(null),
});

function checkRule(d: z.infer<typeof ruleShape>, ctx: z.RefinementCtx): void {
  if (CONDITION_RECORD[d.condition.type] !== d.population.record) {
    ctx.addIssue({
      code: 'custom',
      path: ['condition', 'type'],
      message: 'Điều kiện không áp dụng cho đối tượng đã chọn',
    });
  }
  if (d.population.record === 'unit' && !d.population.unitGroupCode && !d.population.unitKinds?.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['population', 'unitKinds'],
      message: 'Chọn nhóm đơn vị hoặc loại đơn vị',
    });
  }
  if (d.period.type === 'range' && d.period.from > d.period.to) {
    ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: 'Ngày kết thúc phải sau ngày bắt đầu' });
  }
}

/**
 * How a plan target is computed, stored beside the plan's target row (which keeps the goal, edited with the
 * plan): population, condition, period, as-of date.
 */
export const legacyTargetRule = ruleShape.superRefine(checkRule);
export type legacyTargetRule = z.infer<typeof legacyTargetRule>;

/** A complete target definition: the rule and the goal. */
export const legacyTargetDefinition = ruleShape.extend({ goal: targetGoal }).superRefine((d, ctx) => {
  checkRule(d, ctx);
  const isCount = d.condition.type === 'count';
  if (isCount !== (d.goal.unit === 'count')) {
    ctx.addIssue({
      code: 'custom',
      path: ['goal', 'unit'],
      message: isCount
        ? 'Chỉ tiêu đếm số lượng cần mục tiêu là số lượng'
        : 'Chỉ tiêu tỷ lệ cần mục tiêu là phần trăm',
    });
  }
});
export type LegacyTargetDefinition = z.infer<typeof legacyTargetDefinition>;
type LegacyInput = z.input<typeof legacyTargetDefinition>;

/**
 * The six targets of 54/KH-UBND (Hải Phòng, 2023), part I.2, as data (docs/brief.md "The six targets of plan 54").
 * Keyed by the target's letter; the seed stores them in target_definition against the plan's target rows.
 */
export const LEGACY_PLAN_54: Record<'a' | 'b' | 'c' | 'd' | 'đ' | 'e', LegacyInput> = {
  // Plan 54 I.2.a: 100% of units have a communication plan (or DX communication in their DX plan / programme).
  a: {
    population: { record: 'unit', unitKinds: ['department', 'district', 'commune', 'mass_organisation'] },
    condition: { type: 'accepted_unit_plan', planKinds: ['communication_plan', 'dx_plan', 'work_programme'] },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.b: 100% of city press agencies, the city portal, unit portals and district radio systems keep
  // up a "Chuyển đổi số" section.
  b: {
    population: {
      record: 'channel',
      channelKinds: ['newspaper', 'tv', 'radio', 'press_portal', 'portal', 'district_radio'],
    },
    condition: { type: 'dx_publication_each_quarter' },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.c: 100% of reporters, editors and grassroots information officers trained in DX news writing.
  c: {
    population: { record: 'person', roles: ['reporter', 'editor', 'grassroots_officer'] },
    condition: { type: 'attended_training', tag: 'dx_writing' },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.d: 100% of recognised DX models and role models featured in the mass media.
  d: {
    population: { record: 'dx_model', modelKinds: ['model', 'role_model'] },
    condition: { type: 'featured_in_publication', channelKinds: [...MASS_MEDIA_CHANNEL_KINDS] },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.đ: 01–02 city-level contests or workshops on DX.
  đ: {
    population: { record: 'event', eventKinds: ['contest', 'workshop'], levels: ['city'] },
    condition: { type: 'count' },
    goal: { comparator: 'between', value: 1, max: 2, unit: 'count' },
  },
  // Plan 54 I.2.e: at least 50% of schools hold a DX communication activity (extracurricular or other).
  e: {
    population: { record: 'unit', unitKinds: ['school'] },
    condition: { type: 'held_event', eventKinds: ['extracurricular', 'contest', 'workshop', 'other'] },
    goal: { comparator: 'gte', value: 50, unit: 'percent' },
  },
};

/*
 * Live evaluation of a target definition (docs/design.md § Data model principles: "evaluated live by SQL over the records —
 * no batch rebuild, no stored percentages"). One statement per target returns the totals, the breakdowns by
 * district and by unit kind, and the first rows of who is behind: a single round trip.
 */

export type LegacyEvaluationInput = {
  definition: LegacyTargetDefinition;
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
  /**
   * Records dated after this day are ignored, and plans accepted after it are not yet accepted: the value as it
   * stood at the close of that day (the trend over the period). Undefined = every record, as now.
   */
  until?: string;
  /**
   * The provinces whose records count (provinceIds and those merged into them by asOf: feedingProvinces), when
   * resolved before the statement by legacyWithRecordProvinces; absent = resolved inside the statement. Resolved once, the
   * statement carries a plain list: nothing to plan per target and trend point, and the planner can estimate it.
   */
  recordProvinceIds?: string[];
};

export type LegacyBreakdownRow = {
  key: string | null;
  name: string | null;
  provinceId: string | null;
  population: number;
  due: number;
  achieved: number;
};
export type LegacySubjectRow = {
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
export type LegacyTargetFacts = {
  population: number;
  due: number;
  achieved: number;
  byDistrict: LegacyBreakdownRow[];
  byKind: LegacyBreakdownRow[];
  /** Behind subjects (or, with ownerUnitIds, every subject of those units). */
  subjects: LegacySubjectRow[];
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
const districtName = (id: SQL, asOf: string) => sql`(SELECT d.name FROM (${versionInForce(id, asOf)}) d)`;

/**
 * The owners of candidate records (`owners`: one column of unit ids), each with the unit standing for it on the
 * as-of date (succession roll-up) when that unit lies in the provinces: owner_id, unit_id, name, kind,
 * parent_unit_id, province_id. Owners that stand for no unit in force there drop out of the population.
 */
function standingOwners(owners: SQL, input: LegacyEvaluationInput): SQL {
  return sql`(SELECT st.owner_id, st.unit_id, st.name, st.kind, st.parent_unit_id, st.province_id
       FROM ${standingUnits(owners, input.asOf, (p) => inProvinces(p, input.provinceIds))} st)`;
}

/** Records of these provinces and of the provinces merged into them by the as-of date (null = every province). */
const recordProvinces = (column: SQL, input: LegacyEvaluationInput): SQL =>
  input.provinceIds === null
    ? sql`TRUE`
    : input.recordProvinceIds
      ? sql`${column} = ANY(${list(input.recordProvinceIds, 'uuid')})`
      : sql`${column} = ANY(ARRAY(${feedingProvinces(list(input.provinceIds, 'uuid'), input.asOf)}))`;

/**
 * The inputs with recordProvinceIds resolved (one statement for every distinct provinces and date): what the
 * evaluations below run first, so their statements carry the list rather than compute it once per target and point.
 */
export async function legacyWithRecordProvinces(
  db: Db,
  inputs: LegacyEvaluationInput[],
): Promise<LegacyEvaluationInput[]> {
  const keys = new Map<string, { provinceIds: string[]; asOf: string }>();
  for (const i of inputs)
    if (i.provinceIds !== null && !i.recordProvinceIds)
      keys.set(`${i.provinceIds.join(',')}@${i.asOf}`, { provinceIds: i.provinceIds, asOf: i.asOf });
  if (keys.size === 0) return inputs;
  const entries = [...keys.entries()];
  const rows = await queryRows<{ k: number; ids: string[] }>(
    db,
    sql.join(
      entries.map(
        ([, k], n) =>
          sql`(SELECT ${n}::int AS k, ARRAY(${feedingProvinces(list(k.provinceIds, 'uuid'), k.asOf)})::text[] AS ids)`,
      ),
      sql` UNION ALL `,
    ),
  );
  const resolved = new Map<string, string[]>();
  for (const r of rows) resolved.set(entries[Number(r.k)]![0], r.ids);
  return inputs.map((i) =>
    i.provinceIds === null || i.recordProvinceIds
      ? i
      : { ...i, recordProvinceIds: resolved.get(`${i.provinceIds.join(',')}@${i.asOf}`)! },
  );
}

/**
 * Subjects of the population with `due` and `achieved`: columns subject_id, label, unit_id, due, achieved and the
 * unit's u_name, u_kind, u_parent, u_province as of the date. For records (channels, people, models, events) the
 * unit is the one standing for the owner on the as-of date (the owner itself, or the unit that succeeded it): a
 * record counts where its unit stood that day, and only when that unit is in force and lies in the provinces.
 */
function subjectsSql(input: LegacyEvaluationInput): SQL {
  const { definition: d, period, asOf, provinceIds } = input;
  const pop = d.population;
  const cond = d.condition;
  const from = period.from;
  const to = input.until && input.until < period.to ? input.until : period.to;
  const unitCols = sql`so.unit_id, so.name AS u_name, so.kind AS u_kind, so.parent_unit_id AS u_parent, so.province_id AS u_province`;
  switch (cond.type) {
    case 'accepted_unit_plan':
    case 'held_event': {
      if (pop.record !== 'unit') throw new Error('condition needs a unit population');
      const byGroup = pop.unitGroupCode
        ? sql`EXISTS (SELECT 1 FROM unit_group grp WHERE grp.province_id = o.province_id AND grp.code = ${pop.unitGroupCode}
                 -- The rule may be stored as a JSON text (a driver's encoding): read it either way.
                 AND (v.kind IN (SELECT jsonb_array_elements_text(coalesce(CASE WHEN jsonb_typeof(grp.rule) = 'string'
                        THEN (grp.rule #>> '{}')::jsonb ELSE grp.rule END -> 'kinds', '[]'::jsonb)))
                      OR EXISTS (SELECT 1 FROM unit_group_member m WHERE m.group_id = grp.id AND m.unit_id = v.unit_id)))`
        : sql`FALSE`;
      const byKind = pop.unitKinds?.length ? sql`v.kind = ANY(${list(pop.unitKinds, 'text')})` : sql`FALSE`;
      const years = sql`up.year BETWEEN ${Number(from.slice(0, 4))} AND ${Number(to.slice(0, 4))}`;
      const accepted =
        cond.type === 'accepted_unit_plan'
          ? sql`up.status = 'accepted' AND up.kind = ANY(${list(cond.planKinds, 'text')})
                ${
                  input.until
                    ? // Accepted by the close of that day (local date of the review; the document date when none).
                      sql`AND coalesce((up.reviewed_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, up.document_date) <= ${input.until}::date`
                    : sql``
                }`
          : sql``;
      // The units whose records achieved the condition, each counted for the unit standing for it on the date
      // (a unit merged into this one brings its accepted plan or its event along).
      const achievers =
        cond.type === 'accepted_unit_plan'
          ? sql`SELECT up.unit_id FROM unit_plan up WHERE ${recordProvinces(sql`up.province_id`, input)} AND ${years} AND ${accepted}`
          : sql`SELECT e.organiser_unit_id FROM event e
                 WHERE ${recordProvinces(sql`e.province_id`, input)} AND e.is_dx AND e.held_on BETWEEN ${from}::date AND ${to}::date
                   AND e.kind = ANY(${list(cond.eventKinds, 'text')})
                   ${cond.levels?.length ? sql`AND e.level = ANY(${list(cond.levels, 'text')})` : sql``}`;
      const rollsUp = cond.type === 'held_event' || cond.includePredecessors;
      const achieved = rollsUp
        ? sql`v.unit_id IN (SELECT so.unit_id FROM ${standingOwners(achievers, input)} so)`
        : sql`v.unit_id IN (${achievers})`;
      return sql`
        SELECT v.unit_id AS subject_id, v.name AS label, v.unit_id, TRUE AS due, ${achieved} AS achieved,
               v.name AS u_name, v.kind AS u_kind, v.parent_unit_id AS u_parent, o.province_id AS u_province
          FROM org_unit_version v JOIN org_unit o ON o.id = v.unit_id
         WHERE ${inProvinces(sql`o.province_id`, provinceIds)} AND ${inForceOn('v', asOf)}
           AND (${byKind} OR ${byGroup})`;
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
      const candidates = sql`${recordProvinces(sql`c.province_id`, input)} AND c.kind = ANY(${list(pop.channelKinds, 'text')})
           AND (c.closed_on IS NULL OR c.closed_on > ${asOf}::date)`;
      // Plan 54 I.2.b: a quarter is due once it has ended, and only from the quarter the DX section opened;
      // a channel without a DX section owes every quarter elapsed and keeps none.
      return sql`
        SELECT c.id AS subject_id, c.name AS label, ${unitCols}, qs.due_q > 0 AS due,
               c.has_dx_section AND qs.due_q > 0 AND qs.done_q = qs.due_q AS achieved
          FROM channel c
          JOIN ${standingOwners(sql`SELECT c.owner_unit_id FROM channel c WHERE ${candidates}`, input)} so ON so.owner_id = c.owner_unit_id
          CROSS JOIN LATERAL (
            SELECT count(*) AS due_q,
                   count(*) FILTER (WHERE c.has_dx_section AND EXISTS (
                     SELECT 1 FROM publication p WHERE p.channel_id = c.id AND p.is_dx
                        AND p.published_on BETWEEN q.qf AND q.qt
                        ${input.until ? sql`AND p.published_on <= ${input.until}::date` : sql``})) AS done_q
              FROM unnest(${qFrom}, ${qTo}) AS q(qf, qt)
             WHERE NOT c.has_dx_section OR c.dx_section_since IS NULL OR q.qt >= c.dx_section_since
          ) qs
         WHERE ${candidates}`;
    }
    case 'attended_training': {
      if (pop.record !== 'person') throw new Error('condition needs a person population');
      const candidates = sql`${recordProvinces(sql`pe.province_id`, input)} AND pe.role = ANY(${list(pop.roles, 'text')})
           AND (pe.left_on IS NULL OR pe.left_on > ${asOf}::date)`;
      return sql`
        SELECT pe.id AS subject_id, pe.full_name AS label, ${unitCols}, TRUE AS due,
               pe.id IN (SELECT a.person_id FROM training_attendance a JOIN training t ON t.id = a.training_id
                          WHERE ${recordProvinces(sql`t.province_id`, input)} AND ${cond.tag} = ANY(t.tags)
                            AND t.held_on BETWEEN ${from}::date AND ${to}::date) AS achieved
          FROM person pe
          JOIN ${standingOwners(sql`SELECT pe.unit_id FROM person pe WHERE ${candidates}`, input)} so ON so.owner_id = pe.unit_id
         WHERE ${candidates}`;
    }
    case 'featured_in_publication': {
      if (pop.record !== 'dx_model') throw new Error('condition needs a dx_model population');
      const candidates = sql`${recordProvinces(sql`m.province_id`, input)} AND m.kind = ANY(${list(pop.modelKinds, 'text')})
           AND m.recognised_on IS NOT NULL AND m.recognised_on <= ${asOf}::date`;
      return sql`
        SELECT m.id AS subject_id, m.name AS label, ${unitCols}, TRUE AS due,
               EXISTS (SELECT 1 FROM publication_model pm JOIN publication p ON p.id = pm.publication_id
                         JOIN channel c ON c.id = p.channel_id
                        WHERE pm.model_id = m.id AND c.kind = ANY(${list(cond.channelKinds, 'text')})
                          AND p.published_on BETWEEN ${from}::date AND ${to}::date) AS achieved
          FROM dx_model m
          JOIN ${standingOwners(sql`SELECT m.unit_id FROM dx_model m WHERE ${candidates}`, input)} so ON so.owner_id = m.unit_id
         WHERE ${candidates}`;
    }
    case 'count': {
      if (pop.record !== 'event') throw new Error('condition needs an event population');
      const candidates = sql`${recordProvinces(sql`e.province_id`, input)} AND e.is_dx AND e.kind = ANY(${list(pop.eventKinds, 'text')})
           ${pop.levels?.length ? sql`AND e.level = ANY(${list(pop.levels, 'text')})` : sql``}
           AND e.held_on BETWEEN ${from}::date AND ${to}::date`;
      return sql`
        SELECT e.id AS subject_id, e.title AS label, ${unitCols}, TRUE AS due, TRUE AS achieved
          FROM event e
          JOIN ${standingOwners(sql`SELECT e.organiser_unit_id FROM event e WHERE ${candidates}`, input)} so ON so.owner_id = e.organiser_unit_id
         WHERE ${candidates}`;
    }
  }
}

/** One record behind a figure, readable without another request: what it is, its id, its title and date. */
const recordJson = (type: string, id: SQL, label: SQL, date: SQL, extra: SQL = sql``) =>
  sql`jsonb_build_object('type', ${type}::text, 'id', ${id}, 'label', ${label}, 'date', ${date}${extra})`;

/** At most this many records are attached to one listed subject (the full lists are on the records screens). */
const RECORDS_PER_SUBJECT = 10;

/**
 * What counts or what is missing, for the rows listed (never computed for the whole population): the keys the
 * clients read (`status`, `hasDxSection`, `quartersWithPublication`, `…Ids`), plus `records`, the records that make
 * the subject count under the target's own condition (empty = the absence is the evidence).
 */
function evidenceSql(input: LegacyEvaluationInput): SQL {
  const { definition: d, period } = input;
  // As of a past day, the records dated after it are not evidence yet (the same cut-off as the figure).
  const to = input.until && input.until < period.to ? input.until : period.to;
  const span = sql`BETWEEN ${period.from}::date AND ${to}::date`;
  const cond = d.condition;
  const agg = (inner: SQL) =>
    sql`(SELECT coalesce(jsonb_agg(r.j ORDER BY r.d), '[]'::jsonb) FROM (${inner}) r)`;
  switch (cond.type) {
    case 'accepted_unit_plan':
      // The unit's own plan, or the one a unit merged into it during the period brought along (as the condition).
      return sql`(SELECT jsonb_build_object('unitPlanId', up.id, 'status', up.status, 'documentNumber', up.document_number,
                    'records', jsonb_build_array(${recordJson('unit_plan', sql`up.id`, sql`up.document_number`, sql`up.document_date`, sql`, 'status', up.status, 'unitId', up.unit_id`)}))
                    FROM unit_plan up
                   WHERE (up.unit_id = s.unit_id OR (${cond.includePredecessors} AND up.unit_id = ANY(ARRAY(
                           ${unitsStandingFor(sql`s.unit_id`, input.asOf)}))))
                     AND up.year BETWEEN ${Number(period.from.slice(0, 4))} AND ${Number(period.to.slice(0, 4))}
                   ORDER BY (up.status = 'accepted' AND up.kind = ANY(${list(cond.planKinds, 'text')})) DESC,
                            (up.unit_id = s.unit_id) DESC, up.created_at DESC LIMIT 1)`;
    case 'held_event': {
      // The unit's own events and those of the units that rolled up into it by the as-of date. `= ANY(ARRAY(…))`, not
      // IN (…): the few ids are computed first and the (organiser_unit_id, held_on) index is used; as a semi join
      // the planner scanned every event once per listed unit (EXPLAIN on the bench's city data: 40 of 55 ms).
      const organisers = sql`ARRAY(${unitsStandingFor(sql`s.unit_id`, input.asOf)})`;
      const counted = sql`e.organiser_unit_id = ANY(${organisers}) AND e.is_dx AND e.held_on ${span}
                   AND e.kind = ANY(${list(cond.eventKinds, 'text')})
                   ${cond.levels?.length ? sql`AND e.level = ANY(${list(cond.levels, 'text')})` : sql``}`;
      return sql`jsonb_build_object('eventIds', (SELECT coalesce(jsonb_agg(e.id), '[]'::jsonb) FROM event e
                   WHERE e.organiser_unit_id = ANY(${organisers}) AND e.held_on ${span}),
                 'records', ${agg(sql`SELECT ${recordJson('event', sql`e.id`, sql`e.title`, sql`e.held_on`)} AS j, e.held_on AS d
                   FROM event e WHERE ${counted} ORDER BY e.held_on LIMIT ${RECORDS_PER_SUBJECT}`)})`;
    }
    case 'dx_publication_each_quarter':
      return sql`(SELECT jsonb_build_object('hasDxSection', c.has_dx_section,
                    'quartersWithPublication', (SELECT coalesce(jsonb_agg(DISTINCT date_trunc('quarter', p.published_on)::date), '[]'::jsonb)
                       FROM publication p WHERE p.channel_id = c.id AND p.is_dx AND p.published_on ${span}),
                    -- The first DX publication of each quarter: the one that keeps the quarter.
                    'records', ${agg(sql`SELECT DISTINCT ON (date_trunc('quarter', p.published_on))
                         ${recordJson('publication', sql`p.id`, sql`p.title`, sql`p.published_on`)} AS j, p.published_on AS d
                       FROM publication p WHERE p.channel_id = c.id AND p.is_dx AND p.published_on ${span}
                      ORDER BY date_trunc('quarter', p.published_on), p.published_on`)})
                    FROM channel c WHERE c.id = s.subject_id)`;
    case 'attended_training':
      return sql`jsonb_build_object('trainingIds', (SELECT coalesce(jsonb_agg(a.training_id), '[]'::jsonb)
                   FROM training_attendance a JOIN training t ON t.id = a.training_id
                  WHERE a.person_id = s.subject_id AND t.held_on ${span}),
                 'records', ${agg(sql`SELECT ${recordJson('training', sql`t.id`, sql`t.title`, sql`t.held_on`)} AS j, t.held_on AS d
                   FROM training_attendance a JOIN training t ON t.id = a.training_id
                  WHERE a.person_id = s.subject_id AND t.held_on ${span} AND ${cond.tag} = ANY(t.tags)
                  ORDER BY t.held_on LIMIT ${RECORDS_PER_SUBJECT}`)})`;
    case 'featured_in_publication':
      return sql`jsonb_build_object('publicationIds', (SELECT coalesce(jsonb_agg(pm.publication_id), '[]'::jsonb)
                   FROM publication_model pm JOIN publication p ON p.id = pm.publication_id
                  WHERE pm.model_id = s.subject_id AND p.published_on ${span}),
                 'records', ${agg(sql`SELECT ${recordJson('publication', sql`p.id`, sql`p.title`, sql`p.published_on`, sql`, 'channelKind', c.kind`)} AS j, p.published_on AS d
                   FROM publication_model pm JOIN publication p ON p.id = pm.publication_id JOIN channel c ON c.id = p.channel_id
                  WHERE pm.model_id = s.subject_id AND p.published_on ${span} AND c.kind = ANY(${list(cond.channelKinds, 'text')})
                  ORDER BY p.published_on LIMIT ${RECORDS_PER_SUBJECT}`)})`;
    case 'count':
      return sql`(SELECT jsonb_build_object('eventId', e.id,
                    'records', jsonb_build_array(${recordJson('event', sql`e.id`, sql`e.title`, sql`e.held_on`)}))
                    FROM event e WHERE e.id = s.subject_id)`;
  }
}

type RawFacts = {
  population: number;
  due: number;
  achieved: number;
  by_district: LegacyBreakdownRow[] | null;
  by_kind: LegacyBreakdownRow[] | null;
  subjects: LegacySubjectRow[] | null;
  behind_count: number;
};

/** The population with each subject's place (owner unit, kind, district, province), filtered by `where`. */
function placedSubjectsSql(input: LegacyEvaluationInput, where: SQL | null): SQL {
  return sql`
    WITH subj AS (${subjectsSql(input)}),
    ${placedOwners(input.asOf)},
    s AS MATERIALIZED (
      SELECT subj.subject_id, subj.label, subj.unit_id, subj.due, subj.achieved,
             pl.name AS unit_name, pl.kind AS unit_kind, pl.district_id, pl.province_id
        FROM subj LEFT JOIN placed pl ON pl.unit_id = subj.unit_id
       ${where ? sql`WHERE ${where}` : sql``}
    )`;
}

/** JSON rows of the listed subjects with their evidence (`rows` is a subquery over `s`, already ordered and paged). */
const listedJson = (input: LegacyEvaluationInput, rows: SQL) => sql`(SELECT json_agg(x) FROM (
         SELECT s.subject_id AS "subjectId", s.label, s.unit_id AS "unitId", s.unit_name AS "unitName",
                s.unit_kind AS "unitKind", s.district_id AS "districtId", ${districtName(sql`s.district_id`, input.asOf)} AS "districtName",
                s.due, s.achieved, ${evidenceSql(input)} AS evidence
           FROM (${rows}) s) x)`;

/** Builds the one statement that evaluates a target (exported so the benchmark can time the bare SQL). */
export function legacyTargetEvaluationSql(input: LegacyEvaluationInput): SQL {
  const limit = input.behindLimit ?? 200;
  const own = input.ownerUnitIds;
  const listed = own ? sql`s.unit_id = ANY(${list(own, 'uuid')})` : sql`s.due AND NOT s.achieved`;
  // Count targets (Plan 54 I.2.đ) have nobody behind: list the records that count instead.
  const isCount = input.definition.condition.type === 'count';
  const listedWhere = isCount && !own ? sql`TRUE` : listed;
  return sql`
    ${placedSubjectsSql(input, own ? sql`subj.unit_id = ANY(${list(own, 'uuid')})` : null)}
    SELECT
      (SELECT count(*)::int FROM s) AS population,
      (SELECT count(*) FILTER (WHERE due)::int FROM s) AS due,
      (SELECT count(*) FILTER (WHERE due AND achieved)::int FROM s) AS achieved,
      (SELECT json_agg(x ORDER BY x.name NULLS FIRST) FROM (
         SELECT g.*, ${districtName(sql`g.key`, input.asOf)} AS name FROM (
           SELECT s.district_id AS key, s.province_id AS "provinceId", count(*)::int AS population,
                  count(*) FILTER (WHERE s.due)::int AS due, count(*) FILTER (WHERE s.due AND s.achieved)::int AS achieved
             FROM s GROUP BY s.province_id, s.district_id) g) x) AS by_district,
      (SELECT json_agg(x ORDER BY x.key) FROM (
         SELECT s.unit_kind AS key, NULL AS name, NULL AS "provinceId", count(*)::int AS population,
                count(*) FILTER (WHERE s.due)::int AS due, count(*) FILTER (WHERE s.due AND s.achieved)::int AS achieved
           FROM s GROUP BY s.unit_kind) x) AS by_kind,
      (SELECT count(*)::int FROM s WHERE ${listedWhere}) AS behind_count,
      ${listedJson(input, sql`SELECT * FROM s WHERE ${listedWhere} ORDER BY s.district_id NULLS FIRST, s.unit_name, s.label LIMIT ${limit}`)} AS subjects`;
}

/** Evaluates one target definition over the records, now. */
export async function legacyEvaluateTargetFacts(
  db: Db,
  input: LegacyEvaluationInput,
): Promise<LegacyTargetFacts> {
  const [resolved] = await legacyWithRecordProvinces(db, [input]);
  const [row] = await queryRows<RawFacts>(db, legacyTargetEvaluationSql(resolved!));
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

/** Which subjects of a target to list: behind (due, not achieved), achieved, not due (not applicable), or all. */
export const LEGACY_SUBJECT_STATES = ['behind', 'achieved', 'not_due', 'all'] as const;
export type LegacySubjectState = (typeof LEGACY_SUBJECT_STATES)[number];

export type LegacySubjectFilter = {
  state: LegacySubjectState;
  /** Subjects owned by this unit (the unit itself for a unit population). */
  unitId?: string;
  /** A district breakdown cell: its key; null = the city-level cell (no district). Undefined = every district. */
  districtId?: string | null;
  /** A unit-kind breakdown cell: its key; null = owner kind unknown. Undefined = every kind. */
  unitKind?: string | null;
};

export type LegacySubjectPage = { total: number; items: LegacySubjectRow[] };

/**
 * The subjects behind one figure of a target (docs/design.md: every figure links to the records behind it): the whole
 * population, one breakdown cell or one unit, in one state, paged, each with the records that make it count or the
 * absence of them. Same population and condition SQL as the evaluation, so the totals agree with the figure.
 */
export function legacyTargetSubjectsSql(
  input: LegacyEvaluationInput,
  filter: LegacySubjectFilter,
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
  const cond = where.length ? sql.join(where, sql` AND `) : sql`TRUE`;
  return sql`
    ${placedSubjectsSql(input, filter.unitId ? sql`subj.unit_id = ${filter.unitId}::uuid` : null)}
    SELECT (SELECT count(*)::int FROM s WHERE ${cond}) AS total,
           ${listedJson(
             input,
             sql`SELECT * FROM s WHERE ${cond}
                  ORDER BY (s.due AND NOT s.achieved) DESC, s.district_id NULLS FIRST, s.unit_name, s.label, s.subject_id
                 OFFSET ${page.offset} LIMIT ${page.limit}`,
           )} AS items`;
}

export async function legacyListTargetSubjects(
  db: Db,
  input: LegacyEvaluationInput,
  filter: LegacySubjectFilter,
  page: { offset: number; limit: number },
): Promise<LegacySubjectPage> {
  const [resolved] = await legacyWithRecordProvinces(db, [input]);
  const [row] = await queryRows<{ total: number; items: LegacySubjectRow[] | null }>(
    db,
    legacyTargetSubjectsSql(resolved!, filter, page),
  );
  return { total: Number(row!.total), items: row!.items ?? [] };
}

/** How many of the population were due and achieved at one point of a target's trend. */
export type LegacyTrendCount = { due: number; achieved: number };

/**
 * Totals of several evaluations in ONE statement (the trend of every target of a plan over its period): each input
 * is a target evaluated as at one checkpoint (`until` = the checkpoint). Only totals: no breakdowns, no placement.
 * Returns the counts in the order of the inputs.
 */
export function legacyTargetTotalsSql(inputs: LegacyEvaluationInput[]): SQL {
  return sql.join(
    inputs.map(
      (input, i) => sql`(SELECT ${i}::int AS i, count(*) FILTER (WHERE t.due)::int AS due,
                                count(*) FILTER (WHERE t.due AND t.achieved)::int AS achieved
                           FROM (${subjectsSql(input)}) t)`,
    ),
    sql` UNION ALL `,
  );
}

export async function legacyEvaluateTargetTotals(
  db: Db,
  inputs: LegacyEvaluationInput[],
): Promise<LegacyTrendCount[]> {
  if (inputs.length === 0) return [];
  const rows = await queryRows<{ i: number; due: number; achieved: number }>(
    db,
    legacyTargetTotalsSql(await legacyWithRecordProvinces(db, inputs)),
  );
  const out: LegacyTrendCount[] = inputs.map(() => ({ due: 0, achieved: 0 }));
  for (const r of rows) out[Number(r.i)] = { due: Number(r.due), achieved: Number(r.achieved) };
  return out;
}

/**
 * Per owner unit, how many of each target's subjects are due and achieved: several targets in ONE statement, only
 * the subjects of `unitIds` (the consolidated report's table of units). Same population and condition SQL as the
 * evaluation, so a unit's counts agree with its own standing; no placement, no evidence. Returns one map per input.
 */
export async function legacyEvaluateTargetCountsByUnit(
  db: Db,
  inputs: LegacyEvaluationInput[],
  unitIds: string[],
): Promise<Map<string, LegacyTrendCount>[]> {
  const out = inputs.map(() => new Map<string, LegacyTrendCount>());
  if (inputs.length === 0 || unitIds.length === 0) return out;
  const units = list(unitIds, 'uuid');
  const resolved = await legacyWithRecordProvinces(db, inputs);
  const rows = await queryRows<{ i: number; unit_id: string; due: number; achieved: number }>(
    db,
    sql.join(
      resolved.map(
        (input, i) => sql`(SELECT ${i}::int AS i, t.unit_id, count(*) FILTER (WHERE t.due)::int AS due,
                                  count(*) FILTER (WHERE t.due AND t.achieved)::int AS achieved
                             FROM (${subjectsSql(input)}) t WHERE t.unit_id = ANY(${units}) GROUP BY t.unit_id)`,
      ),
      sql` UNION ALL `,
    ),
  );
  for (const r of rows)
    out[Number(r.i)]!.set(r.unit_id, { due: Number(r.due), achieved: Number(r.achieved) });
  return out;
}
