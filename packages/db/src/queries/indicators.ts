import {
  type CodeLabels,
  type CodeSource,
  codesOfRule,
  fieldSpec,
  type IndicatorFilter,
  type IndicatorParts,
  type IndicatorRecord,
  type IndicatorWindowSpan,
  type ItemLabels,
  linkTarget,
  type RuleFacts,
  type Vocabulary,
} from '@dx/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { feedingProvinces, inForceOn, standingUnits, unitsStandingFor, versionInForce } from './as-of';

/*
 * The general indicator engine's compiler (issue 16): ONE readable SQL statement per target built from the parts
 * of packages/domain/src/indicators (population × filters × condition × windows × value), never a code path per
 * target. `indicatorSubjectsSql` yields a target's subjects (due, achieved, reported figures) and
 * `indicatorEvidenceSql` the records behind a listed one; queries/targets.ts builds the evaluation, the subjects
 * pages, the trend totals and the per-unit counts on them.
 *
 * "As of" comes from queries/as-of.ts: the population is what was in force on the date, a record counts for the
 * unit standing for its owner on that date (succession roll-up), placed in that date's hierarchy, and records of
 * provinces merged into the scope by then count too.
 */

/** What a target is evaluated with: its parts and the dates (domain evaluationDates / evaluationDatesAsOf). */
export type IndicatorInput = {
  /** The parts (the goal is not read). */
  definition: Pick<IndicatorParts, 'population' | 'condition' | 'value'>;
  period: IndicatorWindowSpan;
  /** Population date. */
  asOf: string;
  /** Windows due; read only by a condition required in every window. */
  windows: IndicatorWindowSpan[];
  /** Provinces in scope; null = every province (country scope). */
  provinceIds: string[] | null;
  /** Only subjects belonging to these units (a unit officer's own standing); every row is returned then. */
  ownerUnitIds?: string[];
  behindLimit?: number;
  /** List a sample of every subject (who counts and who does not), not only who is behind (the rule editor). */
  listAll?: boolean;
  /**
   * Records dated after this day are ignored, and plans accepted after it are not yet accepted: the value as it
   * stood at the close of that day (the trend over the period). Undefined = every record, as now.
   */
  until?: string;
  /**
   * The provinces whose records count (provinceIds and those merged into them by asOf: feedingProvinces), when
   * resolved before the statement by withRecordProvinces; absent = resolved inside the statement. Resolved once, the
   * statement carries a plain list: nothing to plan per target and trend point, and the planner can estimate it.
   */
  recordProvinceIds?: string[];
  /**
   * A relation (owner_id, unit_id, name, kind, parent_unit_id, province_id) of the unit standing on `asOf` for every
   * unit of the record provinces, in scope: what a statement of many evaluations computes once per date
   * (targetTotalsSql, standingForAllOwnersSql); absent = computed for this evaluation's own owners.
   */
  standingFrom?: SQL;
};

type Ctx = {
  asOf: string;
  from: string;
  /** Period end, capped at `until`. */
  to: string;
  until: string | undefined;
  provinceIds: string[] | null;
  recordProvinceIds: string[] | undefined;
  standingFrom: SQL | undefined;
};

const list = (values: readonly string[], type: 'text' | 'uuid' | 'date'): SQL =>
  values.length === 0
    ? sql.raw(`ARRAY[]::${type}[]`)
    : sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::${sql.raw(type)}[]`;

const col = (alias: string, column: string) => sql.raw(`${alias}.${column}`);

/** Records of these provinces and of those merged into them by the as-of date (null = every province). */
const recordProvinces = (column: SQL, ctx: Ctx): SQL =>
  ctx.provinceIds === null
    ? sql`TRUE`
    : ctx.recordProvinceIds
      ? sql`${column} = ANY(${list(ctx.recordProvinceIds, 'uuid')})`
      : sql`${column} = ANY(ARRAY(${feedingProvinces(list(ctx.provinceIds, 'uuid'), ctx.asOf)}))`;

/**
 * The inputs with recordProvinceIds resolved (one statement for every distinct provinces and date): what the
 * evaluations run first, so their statements carry the list rather than compute it once per target and point.
 */
export async function withRecordProvinces<T extends IndicatorInput>(db: Db, inputs: T[]): Promise<T[]> {
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
 * The provinces whose records count for `provinceIds` on `asOf` (they and those merged into them by then): for a
 * caller evaluating many inputs of the same provinces and date, resolved once and passed as recordProvinceIds.
 */
export async function recordProvinceIdsOn(db: Db, provinceIds: string[], asOf: string): Promise<string[]> {
  const [row] = await queryRows<{ ids: string[] }>(
    db,
    sql`SELECT ARRAY(${feedingProvinces(list(provinceIds, 'uuid'), asOf)})::text[] AS ids`,
  );
  return row!.ids;
}

const inProvinces = (column: SQL, provinceIds: string[] | null): SQL =>
  provinceIds === null ? sql`TRUE` : sql`${column} = ANY(${list(provinceIds, 'uuid')})`;

/** True when the unit (id, kind as of the date, province) belongs to one of the unit groups `codes`. */
const inGroups = (unitId: SQL, kind: SQL, province: SQL, codes: string[]) => sql`EXISTS (
  SELECT 1 FROM unit_group grp WHERE grp.province_id = ${province} AND grp.code = ANY(${list(codes, 'text')})
     AND (${kind} IN (SELECT jsonb_array_elements_text(grp.rule->'kinds'))
          OR EXISTS (SELECT 1 FROM unit_group_member gm WHERE gm.group_id = grp.id AND gm.unit_id = ${unitId})))`;

/** A record as a table: its columns under an alias, the rows that exist (standing as of, or dated in the period). */
type Source = {
  from: SQL;
  id: SQL;
  label: SQL;
  /** The unit that owns the record (organiser, owner, employer; the unit itself). */
  owner: SQL;
  province: SQL;
  /** The date that places a dated record in a window. */
  date: SQL | null;
  /** Rows of the record that count at all: standing on the population date, or dated in the period. */
  where: SQL[];
};

function source(record: IndicatorRecord, a: string, ctx: Ctx): Source {
  const c = (column: string) => col(a, column);
  const dated = (column: string): SQL[] => [sql`${c(column)} BETWEEN ${ctx.from}::date AND ${ctx.to}::date`];
  switch (record) {
    case 'unit':
      return {
        from: sql`org_unit_version ${sql.raw(a)} JOIN org_unit ${sql.raw(`${a}_o`)} ON ${col(`${a}_o`, 'id')} = ${c('unit_id')}`,
        id: c('unit_id'),
        label: c('name'),
        owner: c('unit_id'),
        province: col(`${a}_o`, 'province_id'),
        date: null,
        where: [inForceOn(a, ctx.asOf)],
      };
    case 'channel':
      return {
        from: sql`channel ${sql.raw(a)}`,
        id: c('id'),
        label: c('name'),
        owner: c('owner_unit_id'),
        province: c('province_id'),
        date: null,
        where: [sql`(${c('closed_on')} IS NULL OR ${c('closed_on')} > ${ctx.asOf}::date)`],
      };
    case 'person':
      return {
        from: sql`person ${sql.raw(a)}`,
        id: c('id'),
        label: c('full_name'),
        owner: c('unit_id'),
        province: c('province_id'),
        date: null,
        where: [sql`(${c('left_on')} IS NULL OR ${c('left_on')} > ${ctx.asOf}::date)`],
      };
    case 'dx_model':
      return {
        from: sql`dx_model ${sql.raw(a)}`,
        id: c('id'),
        label: c('name'),
        owner: c('unit_id'),
        province: c('province_id'),
        date: null,
        where: [],
      };
    case 'event':
      return {
        from: sql`event ${sql.raw(a)}`,
        id: c('id'),
        label: c('title'),
        owner: c('organiser_unit_id'),
        province: c('province_id'),
        date: c('held_on'),
        where: dated('held_on'),
      };
    case 'training':
      return {
        from: sql`training ${sql.raw(a)}`,
        id: c('id'),
        label: c('title'),
        owner: c('organiser_unit_id'),
        province: c('province_id'),
        date: c('held_on'),
        where: dated('held_on'),
      };
    case 'publication':
      return {
        from: sql`publication ${sql.raw(a)}`,
        id: c('id'),
        label: c('title'),
        owner: c('unit_id'),
        province: c('province_id'),
        date: c('published_on'),
        where: dated('published_on'),
      };
    case 'unit_plan':
      return {
        from: sql`unit_plan ${sql.raw(a)}`,
        id: c('id'),
        label: c('document_number'),
        owner: c('unit_id'),
        province: c('province_id'),
        date: c('document_date'),
        // A plan is for a year; as it stood at `until`: reviewed (else dated) by then.
        where: [
          sql`${c('year')} BETWEEN ${Number(ctx.from.slice(0, 4))} AND ${Number(ctx.to.slice(0, 4))}`,
          ...(ctx.until
            ? [
                sql`coalesce((${c('reviewed_at')} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, ${c('document_date')}) <= ${ctx.until}::date`,
              ]
            : []),
        ],
      };
  }
}

const UNIT_LEVEL_KINDS = sql`('province', 'district', 'commune')`;

/** The SQL of one filter on a record under alias `a`. */
function filterSql(record: IndicatorRecord, a: string, f: IndicatorFilter, ctx: Ctx, owner?: Owner): SQL {
  const c = (column: string) => col(a, column);
  const src = source(record, a, ctx);
  const codes = 'in' in f ? f.in : [];
  const anyOf = (expr: SQL) => sql`${expr} = ANY(${list(codes, 'text')})`;
  const ownerKind = owner?.kind ?? sql`(SELECT ok.kind FROM (${versionInForce(src.owner, ctx.asOf)}) ok)`;
  let expr: SQL;
  switch (`${record}.${f.field}`) {
    case 'unit.kind':
      expr = anyOf(c('kind'));
      break;
    case 'unit.group':
      expr = inGroups(c('unit_id'), c('kind'), src.province, codes);
      break;
    case 'unit.level':
      // A unit's administrative level: its own for provinces, districts and communes, else its parent's.
      expr = anyOf(sql`CASE WHEN ${c('kind')} IN ${UNIT_LEVEL_KINDS} THEN ${c('kind')} ELSE (
                 SELECT CASE WHEN pk.kind IN ${UNIT_LEVEL_KINDS} THEN pk.kind END
                   FROM (${versionInForce(c('parent_unit_id'), ctx.asOf)}) pk) END`);
      break;
    case 'channel.kind':
    case 'dx_model.kind':
    case 'event.kind':
    case 'unit_plan.kind':
      expr = anyOf(c('kind'));
      break;
    case 'event.level':
      expr = anyOf(c('level'));
      break;
    case 'person.role':
      expr = anyOf(c('role'));
      break;
    case 'unit_plan.status':
      expr = anyOf(c('status'));
      break;
    case 'publication.format':
      expr = anyOf(c('format'));
      break;
    case 'training.tag':
      expr = sql`${c('tags')} && ${list(codes, 'text')}`;
      break;
    case 'channel.hasDxSection':
      expr = c('has_dx_section');
      break;
    case 'event.isDx':
    case 'publication.isDx':
      expr = c('is_dx');
      break;
    case 'dx_model.recognised':
      expr = sql`(${c('recognised_on')} IS NOT NULL AND ${c('recognised_on')} <= ${ctx.asOf}::date)`;
      break;
    case 'dx_model.recognisedInPeriod':
      expr = sql`(${c('recognised_on')} BETWEEN ${ctx.from}::date AND ${ctx.to}::date)`;
      break;
    case 'event.theme':
      expr = sql`EXISTS (SELECT 1 FROM event_theme et JOIN plan_theme th ON th.id = et.theme_id
                  WHERE et.event_id = ${c('id')} AND th.code = ANY(${list(codes, 'text')}))`;
      break;
    case 'publication.theme':
      expr = sql`EXISTS (SELECT 1 FROM publication_theme pt JOIN plan_theme th ON th.id = pt.theme_id
                  WHERE pt.publication_id = ${c('id')} AND th.code = ANY(${list(codes, 'text')}))`;
      break;
    case 'publication.channelKind':
      // IN, not a correlated EXISTS: the few channels of those kinds are found once, not once per publication
      // (bench/targets.ts trend of Plan 54 I.2.d: 197 → 113 ms on the city data).
      expr = sql`${c('channel_id')} IN (SELECT pc.id FROM channel pc WHERE pc.kind = ANY(${list(codes, 'text')}))`;
      break;
    default:
      if (f.field === 'ownerKind') expr = anyOf(ownerKind);
      else if (f.field === 'ownerGroup')
        expr = inGroups(owner?.id ?? src.owner, ownerKind, owner?.province ?? src.province, codes);
      else throw new Error(`no field ${f.field} on ${record}`); // indicatorRule refuses it first
  }
  return 'is' in f && !f.is ? sql`NOT (${expr})` : expr;
}

/** The unit standing for a record's owner on the population date (alias `so`), when it is known. */
type Owner = { id: SQL; kind: SQL; province: SQL };
const STANDING: Owner = { id: sql`so.unit_id`, kind: sql`so.kind`, province: sql`so.province_id` };
const isOwnerField = (f: IndicatorFilter) => f.field === 'ownerKind' || f.field === 'ownerGroup';

const filtersSql = (
  record: IndicatorRecord,
  a: string,
  filters: IndicatorFilter[],
  ctx: Ctx,
  owner?: Owner,
): SQL[] => filters.map((f) => filterSql(record, a, f, ctx, owner));

const and = (parts: SQL[]): SQL => (parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`);

/**
 * The linked records of a condition as FROM … WHERE …, with the key column naming the member they belong to and
 * the linked record's own columns (alias `l`): publications on a channel, attendances of a person, features of a
 * model, records of a unit …
 */
function linkedSql(
  record: IndicatorRecord,
  link: string,
  filters: IndicatorFilter[],
  ctx: Ctx,
): { body: SQL; key: SQL; target: IndicatorRecord; linked: Source; keys: SQL } {
  const target = linkTarget(record, link);
  if (!target) throw new Error(`no link ${link} from ${record}`);
  const l = source(target, 'l', ctx);
  const own = [recordProvinces(l.province, ctx), ...l.where, ...filtersSql(target, 'l', filters, ctx)];
  let from = l.from;
  let key: SQL;
  // A link through a table of pairs (attendances, features): the members' keys are read from the pairs, each pair's
  // record probed by its id — not every record of the period scanned and joined (EXPLAIN on the bench's city data:
  // Plan 54 I.2.d's trend 194 → 120 ms, the old engine's 114 ms).
  const pairs = (table: string, a: string, recordCol: string, keyCol: string) => {
    from = sql`${sql.raw(`${table} ${a}`)} JOIN ${l.from} ON l.id = ${sql.raw(`${a}.${recordCol}`)}`;
    key = sql.raw(`${a}.${keyCol}`);
    return sql`SELECT ${key} FROM ${sql.raw(`${table} ${a}`)}
                WHERE EXISTS (SELECT 1 FROM ${l.from} WHERE l.id = ${sql.raw(`${a}.${recordCol}`)} AND ${and(own)})`;
  };
  let keys: SQL | null = null;
  switch (`${record}.${link}`) {
    case 'channel.publications':
      key = sql`l.channel_id`;
      break;
    case 'person.attended_trainings':
      keys = pairs('training_attendance', 'la', 'training_id', 'person_id');
      break;
    case 'dx_model.featured_in':
      keys = pairs('publication_model', 'lm', 'publication_id', 'model_id');
      break;
    case 'training.attendees':
      keys = pairs('training_attendance', 'la', 'person_id', 'training_id');
      break;
    case 'publication.featured_models':
      keys = pairs('publication_model', 'lm', 'model_id', 'publication_id');
      break;
    default:
      // A unit's own records: the owner column of the linked record.
      if (record !== 'unit') throw new Error(`no link ${link} from ${record}`);
      key = l.owner;
  }
  const body = sql`FROM ${from} WHERE ${and(own)}`;
  return { body, key: key!, target, linked: l, keys: keys ?? sql`SELECT ${key!} ${body}` };
}

/**
 * The unit standing on the as-of date for each owner of `owners` (one column of unit ids), when it lies in the
 * provinces: owner_id, unit_id, name, kind, parent_unit_id, province_id (as queries/targets.ts).
 */
function standingOwners(owners: SQL, ctx: Ctx): SQL {
  if (ctx.standingFrom)
    return sql`(SELECT st.owner_id, st.unit_id, st.name, st.kind, st.parent_unit_id, st.province_id
       FROM ${ctx.standingFrom} st WHERE st.owner_id IN (${owners}))`;
  return sql`(SELECT st.owner_id, st.unit_id, st.name, st.kind, st.parent_unit_id, st.province_id
       FROM ${standingUnits(owners, ctx.asOf, (p) => inProvinces(p, ctx.provinceIds))} st)`;
}

/**
 * The unit standing on the input's as-of date for every unit of its record provinces (those whose records count),
 * kept when in scope: the relation `standingFrom` reads, for a statement that evaluates many targets and dates
 * (the trend: 60 points, 10 dates) to compute once per date instead of once per point — planning each point's
 * recursive lookup took longer than running it (EXPLAIN on the bench's city data). Exact because a record's
 * province is its owner's (apps/server/src/features/records/record-access.ts): every owner is in this set.
 * Null when the input is not limited to provinces resolved beforehand (withRecordProvinces).
 */
export function standingForAllOwnersSql(input: IndicatorInput): SQL | null {
  const ctx = contextOf(input);
  if (ctx.provinceIds === null || !ctx.recordProvinceIds) return null;
  return sql`SELECT st.owner_id, st.unit_id, st.name, st.kind, st.parent_unit_id, st.province_id
       FROM ${standingUnits(
         sql`SELECT u.id FROM org_unit u WHERE ${recordProvinces(sql`u.province_id`, ctx)}`,
         ctx.asOf,
         (p) => inProvinces(p, ctx.provinceIds),
       )} st`;
}

/**
 * Ids of the members (units) whose linked records meet "at least N": each record counts for the unit standing for
 * its owner on the as-of date when records roll up, else for its owner only.
 */
function achieversSql(l: ReturnType<typeof linkedSql>, atLeast: number, rollUp: boolean, ctx: Ctx): SQL {
  const keys = sql`SELECT ${l.key} AS k ${l.body}`;
  if (!rollUp)
    return atLeast === 1
      ? l.keys
      : sql`SELECT r.k FROM (${keys}) r GROUP BY r.k HAVING count(*) >= ${atLeast}`;
  if (atLeast === 1)
    return sql`SELECT so.unit_id FROM ${standingOwners(sql`SELECT ${l.key} ${l.body}`, ctx)} so`;
  return sql`SELECT so.unit_id FROM (${keys}) r JOIN ${standingOwners(sql`SELECT ${l.key} ${l.body}`, ctx)} so ON so.owner_id = r.k
              GROUP BY so.unit_id HAVING count(*) >= ${atLeast}`;
}

/**
 * The day a member's windows start being due (Plan 54 I.2.b): a window ending before a channel's DX section opened is
 * not due when the condition requires the section; null = every window. `a` is the channel's alias.
 */
function sinceSql(c: Extract<IndicatorParts['condition'], { type: 'linked' }>, a: string): SQL {
  return c.subject.some((f) => f.field === 'hasDxSection' && 'is' in f && f.is)
    ? sql`CASE WHEN ${col(a, 'has_dx_section')} THEN ${col(a, 'dx_section_since')} END`
    : sql`NULL::date`;
}

/** Predicate: linked record belongs to subject `id` (itself, or a unit whose records rolled up into it). */
function belongsTo(l: ReturnType<typeof linkedSql>, id: SQL, rollUp: boolean, ctx: Ctx): SQL {
  // `= ANY(ARRAY(…))`, not IN (…): the few ids are computed first and the owner's index is used; as a semi join the
  // planner scanned every event once per listed unit (EXPLAIN on the bench's city data: 40 of 55 ms).
  return rollUp ? sql`${l.key} = ANY(ARRAY(${unitsStandingFor(id, ctx.asOf)}))` : sql`${l.key} = ${id}`;
}

/**
 * The subjects of a target's population with due, achieved and the reported figures — one row per subject: subject_id,
 * label, unit_id (the unit standing for the owner on the as-of date), u_name, u_kind, u_parent, u_province, due,
 * achieved, num, den. `subjectIds` restricts it to those subjects (units for a population of units; channels,
 * people … otherwise): what a rollup re-runs for the subjects a change affected.
 */
export function indicatorSubjectsSql(input: IndicatorInput, o: { subjectIds?: string[] | SQL } = {}): SQL {
  const rule = input.definition;
  const ctx = contextOf(input);
  const rec = rule.population.record;
  const isUnit = rec === 'unit';
  const s = source(rec, 's', ctx);
  const c = rule.condition;
  const v = rule.value;
  const rollUp = isUnit && c.type === 'linked' && c.includePredecessors;
  let due: SQL = sql`TRUE`;
  let achieved: SQL = sql`TRUE`;
  let joins: SQL = sql``;
  let num: SQL = sql`NULL::numeric`;
  let den: SQL = sql`NULL::numeric`;
  if (c.type === 'linked') {
    const l = linkedSql(rec, c.link, c.filters, ctx);
    const subjectOk = and(filtersSql(rec, 's', c.subject, ctx, isUnit ? undefined : STANDING));
    if (!c.every) {
      achieved = sql`${subjectOk} AND ${s.id} IN (${achieversSql(l, c.atLeast, rollUp, ctx)})`;
    } else {
      // Every window elapsed in the period (Plan 54 I.2.b "each quarter so far"); a window ending before the
      // member's required feature started (a DX section opened mid-year) is not due.
      const since = sinceSql(c, 's');
      const inWindow = sql`${belongsTo(l, s.id, rollUp, ctx)} AND ${l.linked.date} BETWEEN w.wf AND w.wt`;
      const hit =
        c.atLeast === 1
          ? sql`EXISTS (SELECT 1 ${l.body} AND ${inWindow})`
          : sql`(SELECT count(*) ${l.body} AND ${inWindow}) >= ${c.atLeast}`;
      joins = sql`CROSS JOIN LATERAL (
          SELECT count(*) AS due_w, count(*) FILTER (WHERE ${subjectOk} AND ${hit}) AS done_w
            FROM unnest(${windowLists(input)}) AS w(wf, wt)
           WHERE w.wt >= coalesce(${since}, w.wt)) ws`;
      due = sql`ws.due_w > 0`;
      achieved = sql`${subjectOk} AND ws.due_w > 0 AND ws.done_w = ws.due_w`;
    }
  }
  if (v.type === 'figure' || v.type === 'ratio') {
    const items = v.type === 'figure' ? [v.item] : [v.numerator.item, v.denominator.item];
    // A unit's accepted values of the period (its own and those of units that rolled up into it): summed,
    // averaged, or its last value, as the item adds up.
    const amount = (code: string, alias: string) => sql`LEFT JOIN LATERAL (
        SELECT CASE max(di.aggregation) WHEN 'sum' THEN sum(dv.value) WHEN 'avg' THEN avg(dv.value)
                    ELSE (array_agg(dv.value ORDER BY dv.period_from DESC))[1] END AS amount
          FROM data_value dv JOIN data_item di ON di.id = dv.item_id
         WHERE dv.unit_id IN (${unitsStandingFor(s.id, ctx.asOf)}) AND di.province_id = ${s.province} AND di.code = ${code}
           AND dv.status = 'accepted' AND dv.period_from >= ${ctx.from}::date AND dv.period_to <= ${ctx.to}::date
       ) ${sql.raw(alias)} ON TRUE`;
    joins = sql`${joins} ${amount(items[0]!, 'fn')} ${items[1] ? amount(items[1], 'fd') : sql``}`;
    const has = items[1] ? sql`fn.amount IS NOT NULL AND fd.amount IS NOT NULL` : sql`fn.amount IS NOT NULL`;
    achieved = has;
    num = sql`CASE WHEN ${has} THEN fn.amount END`;
    if (items[1]) den = sql`CASE WHEN ${has} THEN fd.amount END`;
  }
  const cols = sql`${due} AS due, ${achieved} AS achieved, ${num} AS num, ${den} AS den`;
  // A list, or a subquery of ids (the rollups' affected subjects: queries/rollups.ts, as many as an import wrote).
  const only = !o.subjectIds
    ? []
    : Array.isArray(o.subjectIds)
      ? [sql`${s.id} = ANY(${list(o.subjectIds, 'uuid')})`]
      : [sql`${s.id} IN (${o.subjectIds})`];
  if (isUnit)
    return sql`
      SELECT s.unit_id AS subject_id, s.name AS label, s.unit_id, s.name AS u_name, s.kind AS u_kind,
             s.parent_unit_id AS u_parent, s_o.province_id AS u_province, ${cols}
        FROM ${s.from} ${joins}
       WHERE ${and([inProvinces(s.province, ctx.provinceIds), ...only, ...s.where, ...filtersSql(rec, 's', rule.population.filters, ctx)])}`;
  // Records: candidates of the provinces (and those merged into them), each placed at the unit standing for its
  // owner on the as-of date; owner filters read that unit.
  const own = rule.population.filters.filter((f) => !isOwnerField(f));
  const candidates = and([
    recordProvinces(s.province, ctx),
    ...only,
    ...s.where,
    ...filtersSql(rec, 's', own, ctx),
  ]);
  const ownerFilters = filtersSql(rec, 's', rule.population.filters.filter(isOwnerField), ctx, STANDING);
  return sql`
    SELECT ${s.id} AS subject_id, ${s.label} AS label, so.unit_id, so.name AS u_name, so.kind AS u_kind,
           so.parent_unit_id AS u_parent, so.province_id AS u_province, ${cols}
      FROM ${s.from}
      JOIN ${standingOwners(sql`SELECT ${s.owner} FROM ${s.from} WHERE ${candidates}`, ctx)} so ON so.owner_id = ${s.owner}
      ${joins}
     WHERE ${and([candidates, ...ownerFilters])}`;
}

const windowLists = (input: IndicatorInput) =>
  sql`${list(
    input.windows.map((w) => w.from),
    'date',
  )}, ${list(
    input.windows.map((w) => w.to),
    'date',
  )}`;

function contextOf(input: IndicatorInput): Ctx {
  return {
    asOf: input.asOf,
    from: input.period.from,
    to: input.until && input.until < input.period.to ? input.until : input.period.to,
    until: input.until,
    provinceIds: input.provinceIds,
    recordProvinceIds: input.recordProvinceIds,
    standingFrom: input.standingFrom,
  };
}

/** At most this many records are attached to one listed subject. */
const RECORDS_PER_SUBJECT = 10;

/** One record behind a figure, readable without another request: what it is, its id, its title and date. */
function recordJson(type: IndicatorRecord, src: Source, a: string): SQL {
  // A unit's plan says where it stands on the road (submitted, returned, accepted): the web says what is missing; a
  // publication says on which kind of channel it ran.
  const extra =
    type === 'unit_plan'
      ? sql`, 'status', ${col(a, 'status')}`
      : type === 'publication'
        ? sql`, 'channelKind', (SELECT ec.kind FROM channel ec WHERE ec.id = ${col(a, 'channel_id')})`
        : sql``;
  return sql`jsonb_build_object('type', ${type}::text, 'id', ${src.id}, 'label', ${src.label}, 'date', ${src.date ?? sql`NULL::date`},
                                'unitId', ${src.owner}${extra})`;
}

/**
 * What counts or what is missing for a listed subject (alias `s`, never computed for the whole population):
 * `records`, the linked records that make it count (empty = the absence is the evidence); `others`, for records on
 * a road (unit plans), its linked records of the period that miss the condition's filters (a plan not yet accepted);
 * `windowsWithRecords`, the windows that have one (a condition in every window); `subjectOk`, whether the subject
 * itself meets the condition's requirements (a channel's DX section). A count lists the record itself.
 */
export function indicatorEvidenceSql(input: IndicatorInput): SQL {
  const rule = input.definition;
  const ctx = contextOf(input);
  const rec = rule.population.record;
  const c = rule.condition;
  if (c.type !== 'linked') {
    const self = source(rec, 'e', ctx);
    return sql`(SELECT jsonb_build_object('records', jsonb_build_array(${recordJson(rec, self, 'e')}))
                  FROM ${self.from} WHERE ${self.id} = s.subject_id LIMIT 1)`;
  }
  const rollUp = rec === 'unit' && c.includePredecessors;
  const l = linkedSql(rec, c.link, c.filters, ctx);
  const mine = belongsTo(l, sql`s.subject_id`, rollUp, ctx);
  const date = l.linked.date ?? sql`NULL::date`;
  const rows = sql`SELECT ${recordJson(l.target, l.linked, 'l')} AS j, ${date} AS d ${l.body} AND ${mine}`;
  const any = linkedSql(rec, c.link, [], ctx);
  // Records on a road (a unit's plan: submitted, returned) say where the subject stands; others are not listed (on
  // the bench's city data, listing channels' other publications took 240 of 270 ms: a scan per listed channel).
  const near =
    c.filters.length && fieldSpec(l.target, 'status')
      ? sql`, 'others', (SELECT coalesce(jsonb_agg(r.j ORDER BY r.d DESC), '[]'::jsonb) FROM (
          SELECT ${recordJson(any.target, any.linked, 'l')} AS j, ${any.linked.date ?? sql`NULL::date`} AS d
            ${any.body} AND ${belongsTo(any, sql`s.subject_id`, rollUp, ctx)}
             AND NOT (${and(filtersSql(l.target, 'l', c.filters, ctx))})
           ORDER BY 2 DESC LIMIT 3) r)`
      : sql``;
  const self = source(rec, 'sf', ctx);
  const hit = sql`EXISTS (SELECT 1 ${l.body} AND ${mine} AND ${l.linked.date} BETWEEN w.wf AND w.wt)`;
  // The windows due (as in the subjects: from the day the member's required feature started) without a record.
  const since = sql`(SELECT ${sinceSql(c, 'sf')} FROM ${self.from} WHERE ${self.id} = s.subject_id LIMIT 1)`;
  const windows = c.every
    ? sql`, 'windowsWithRecords', (SELECT coalesce(jsonb_agg(w.wf ORDER BY w.wf), '[]'::jsonb)
            FROM unnest(${windowLists(input)}) AS w(wf, wt) WHERE ${hit}),
          'windowsMissing', (SELECT coalesce(jsonb_agg(jsonb_build_object('from', w.wf, 'to', w.wt) ORDER BY w.wf), '[]'::jsonb)
            FROM unnest(${windowLists(input)}) AS w(wf, wt) WHERE w.wt >= coalesce(${since}, w.wt) AND NOT ${hit})`
    : sql``;
  const subjectOk = c.subject.length
    ? sql`, 'subjectOk', (SELECT ${and(filtersSql(rec, 'sf', c.subject, ctx))} FROM ${self.from} WHERE ${self.id} = s.subject_id LIMIT 1)`
    : sql``;
  return sql`jsonb_build_object('records', (SELECT coalesce(jsonb_agg(r.j ORDER BY r.d), '[]'::jsonb)
                             FROM (${rows} ORDER BY 2 LIMIT ${RECORDS_PER_SUBJECT}) r) ${near} ${windows} ${subjectOk})`;
}

/** A vocabulary term as stored (codes on records and in rules; labels on screen and in formulas). */
export type VocabularyTermRow = {
  vocabulary: Vocabulary;
  code: string;
  labelVi: string;
  labelEn: string;
  position: number;
  validFrom: string | null;
  validTo: string | null;
};

/** A province's vocabulary terms (those valid on `asOf` when given), in vocabulary and display order. */
export async function listVocabularyTerms(
  db: Db,
  provinceId: string,
  asOf?: string,
): Promise<VocabularyTermRow[]> {
  return queryRows<VocabularyTermRow>(
    db,
    sql`SELECT vocabulary, code, label_vi AS "labelVi", label_en AS "labelEn", position,
               valid_from::text AS "validFrom", valid_to::text AS "validTo"
          FROM vocabulary_term vt WHERE province_id = ${provinceId}::uuid
           ${asOf ? sql`AND ${inForceOn('vt', asOf)}` : sql``}
         ORDER BY vocabulary, position, code`,
  );
}

/**
 * A province's terms in force on `asOf`, by vocabulary, with a key for every vocabulary the province has ever set: a
 * set vocabulary replaces the platform's defaults (domain DEFAULT_VOCABULARY_CODES) even when none of its terms is in
 * force that day (then its list is empty). What a record's write and an import check codes against.
 */
export async function vocabularyTermsInForce(
  db: Db,
  provinceId: string,
  asOf: string,
): Promise<Partial<Record<Vocabulary, VocabularyTermRow[]>>> {
  const rows = await queryRows<VocabularyTermRow & { inForce: boolean }>(
    db,
    sql`SELECT vocabulary, code, label_vi AS "labelVi", label_en AS "labelEn", position,
               valid_from::text AS "validFrom", valid_to::text AS "validTo", (${inForceOn('vt', asOf)}) AS "inForce"
          FROM vocabulary_term vt WHERE province_id = ${provinceId}::uuid
         ORDER BY vocabulary, position, code`,
  );
  const out: Partial<Record<Vocabulary, VocabularyTermRow[]>> = {};
  for (const { inForce, ...t } of rows) {
    const terms = out[t.vocabulary] ?? [];
    out[t.vocabulary] = terms;
    if (inForce) terms.push(t);
  }
  return out;
}

export type VocabularyTermInput = Omit<VocabularyTermRow, 'validFrom' | 'validTo'> & {
  validFrom?: string | null;
  validTo?: string | null;
};

/**
 * Adds the terms a province lacks (by vocabulary and code) and updates the labels, order and dates of those it
 * has; never deletes (a retired term gets a valid_to, so older records keep their label). Returns rows written.
 */
export async function upsertVocabularyTerms(
  db: Db,
  provinceId: string,
  terms: VocabularyTermInput[],
): Promise<number> {
  if (terms.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO vocabulary_term (province_id, vocabulary, code, label_vi, label_en, position, valid_from, valid_to)
        VALUES ${sql.join(
          terms.map(
            (t) =>
              sql`(${provinceId}::uuid, ${t.vocabulary}, ${t.code}, ${t.labelVi.normalize('NFC')}, ${t.labelEn}, ${t.position},
                   ${t.validFrom ?? null}::date, ${t.validTo ?? null}::date)`,
          ),
          sql`, `,
        )}
        ON CONFLICT (province_id, vocabulary, code) DO UPDATE
          SET label_vi = EXCLUDED.label_vi, label_en = EXCLUDED.label_en, position = EXCLUDED.position,
              valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
              version = vocabulary_term.version + 1, updated_at = now()
          WHERE (vocabulary_term.label_vi, vocabulary_term.label_en, vocabulary_term.position,
                 vocabulary_term.valid_from, vocabulary_term.valid_to)
                IS DISTINCT FROM (EXCLUDED.label_vi, EXCLUDED.label_en, EXCLUDED.position, EXCLUDED.valid_from, EXCLUDED.valid_to)
        RETURNING id`,
  );
  return rows.length;
}

/** Which column holds each vocabulary's codes on the records (how many records use a code). */
const USAGE: Partial<Record<CodeSource, (codes: SQL, p: SQL) => SQL>> = {
  person_role: (c, p) =>
    sql`SELECT role AS code, count(*) AS n FROM person WHERE province_id = ${p} AND role = ANY(${c}) GROUP BY role`,
  training_tag: (c, p) =>
    sql`SELECT tag AS code, count(*) AS n FROM training, unnest(tags) tag WHERE province_id = ${p} AND tag = ANY(${c}) GROUP BY tag`,
  event_kind: (c, p) =>
    sql`SELECT kind AS code, count(*) AS n FROM event WHERE province_id = ${p} AND kind = ANY(${c}) GROUP BY kind`,
  event_level: (c, p) =>
    sql`SELECT level AS code, count(*) AS n FROM event WHERE province_id = ${p} AND level = ANY(${c}) GROUP BY level`,
  model_kind: (c, p) =>
    sql`SELECT kind AS code, count(*) AS n FROM dx_model WHERE province_id = ${p} AND kind = ANY(${c}) GROUP BY kind`,
  channel_kind: (c, p) =>
    sql`SELECT kind AS code, count(*) AS n FROM channel WHERE province_id = ${p} AND kind = ANY(${c}) GROUP BY kind`,
};

/**
 * What the rule editor's warnings need to know (domain indicatorWarnings): the codes that exist in the province
 * (vocabulary terms valid in the period, unit groups, the plan's themes), how many records use each code of the
 * rule, the data items, and the unit groups' kinds. The population size comes from the evaluation.
 */
export async function indicatorRuleFacts(
  db: Db,
  o: { provinceId: string; planId: string | null; rule: IndicatorParts; period: IndicatorWindowSpan },
): Promise<Omit<RuleFacts, 'population'>> {
  const p = sql`${o.provinceId}::uuid`;
  const [known] = await queryRows<{
    terms: { vocabulary: Vocabulary; code: string }[] | null;
    groups: { code: string; kinds: string[] | null }[] | null;
    themes: string[] | null;
    items: string[] | null;
  }>(
    db,
    sql`SELECT
          (SELECT json_agg(json_build_object('vocabulary', vocabulary, 'code', code)) FROM vocabulary_term
            WHERE province_id = ${p} AND (valid_from IS NULL OR valid_from <= ${o.period.to}::date)
              AND (valid_to IS NULL OR valid_to > ${o.period.from}::date)) AS terms,
          (SELECT json_agg(json_build_object('code', code, 'kinds', rule->'kinds')) FROM unit_group WHERE province_id = ${p}) AS groups,
          (SELECT json_agg(code) FROM plan_theme WHERE plan_id = ${o.planId}::uuid) AS themes,
          (SELECT json_agg(code) FROM data_item WHERE province_id = ${p}) AS items`,
  );
  const knownCodes: RuleFacts['knownCodes'] = {
    unit_group: (known?.groups ?? []).map((g) => g.code),
    theme: known?.themes ?? [],
  };
  for (const t of known?.terms ?? [])
    knownCodes[t.vocabulary] = [...(knownCodes[t.vocabulary] ?? []), t.code];
  const codeUsage: RuleFacts['codeUsage'] = {};
  const bySource = new Map<CodeSource, string[]>();
  for (const c of codesOfRule(o.rule)) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c.code]);
  const parts = [...bySource].flatMap(([source, codes]) => {
    const q = USAGE[source];
    return q
      ? [sql`SELECT ${source}::text AS source, u.code, u.n::int AS n FROM (${q(list(codes, 'text'), p)}) u`]
      : [];
  });
  for (const [source, codes] of bySource)
    if (USAGE[source]) codeUsage[source] = Object.fromEntries(codes.map((c) => [c, 0]));
  if (parts.length)
    for (const r of await queryRows<{ source: CodeSource; code: string; n: number }>(
      db,
      sql.join(parts, sql` UNION ALL `),
    ))
      codeUsage[r.source]![r.code] = Number(r.n);
  return {
    knownCodes,
    codeUsage,
    knownItems: known?.items ?? [],
    unitGroupKinds: Object.fromEntries(
      (known?.groups ?? []).filter((g) => g.kinds).map((g) => [g.code, g.kinds!]),
    ),
  };
}

/**
 * The words a province's formulas are written with (domain indicatorInWords): its vocabulary terms (all of them,
 * retired ones too, so an older rule keeps its words), its unit groups' names and its data items' names, in one
 * statement. Codes never appear on screen: these labels do.
 */
export async function indicatorLabels(
  db: Db,
  provinceId: string,
): Promise<{ labels: CodeLabels; items: ItemLabels }> {
  const rows = await queryRows<{ source: string; code: string; vi: string; en: string }>(
    db,
    sql`SELECT vocabulary AS source, code, label_vi AS vi, label_en AS en FROM vocabulary_term WHERE province_id = ${provinceId}::uuid
        UNION ALL SELECT 'unit_group', code, name, name FROM unit_group WHERE province_id = ${provinceId}::uuid
        UNION ALL SELECT 'data_item', code, name_vi, name_en FROM data_item WHERE province_id = ${provinceId}::uuid`,
  );
  const labels: CodeLabels = {};
  const items: ItemLabels = {};
  for (const r of rows) {
    const words = { vi: r.vi, en: r.en };
    if (r.source === 'data_item') items[r.code] = words;
    else {
      const source = r.source as CodeSource;
      labels[source] = { ...labels[source], [r.code]: words };
    }
  }
  return { labels, items };
}
