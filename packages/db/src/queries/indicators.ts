import {
  type CodeSource,
  codesOfRule,
  type IndicatorFilter,
  type IndicatorRecord,
  type IndicatorRule,
  type IndicatorWindowSpan,
  linkTarget,
  type RuleFacts,
  type Vocabulary,
} from '@dx/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import {
  feedingProvinces,
  inForceOn,
  placeOn,
  standingUnits,
  unitsStandingFor,
  versionInForce,
} from './as-of';
import type { BreakdownRow, SubjectRow } from './targets';

/*
 * The general indicator engine's compiler (issue 16): ONE readable SQL statement per target built from the parts
 * of packages/domain/src/indicators (population × filters × condition × windows × value), never a code path per
 * target. It returns the facts shape of queries/targets.ts (totals, breakdowns by district and unit kind, who is
 * behind) so the dashboard can switch over unchanged, plus the figures of reported-figure values.
 *
 * "As of" comes from queries/as-of.ts, as in queries/targets.ts: the population is what was in force on the date,
 * a record counts for the unit standing for its owner on that date (succession roll-up), placed in that date's
 * hierarchy, and records of provinces merged into the scope by then count too.
 */

export type IndicatorInput = {
  rule: IndicatorRule;
  period: IndicatorWindowSpan;
  /** Population date (indicatorDates). */
  asOf: string;
  /** Windows due (indicatorDates); read only by a condition required in every window. */
  windows: IndicatorWindowSpan[];
  /** Provinces in scope; null = every province. */
  provinceIds: string[] | null;
  /** Only subjects belonging to these units (every row is listed then). */
  ownerUnitIds?: string[];
  behindLimit?: number;
  /** List a sample of every subject (who counts and who does not), not only who is behind. */
  listAll?: boolean;
  /** Records dated after this day are ignored (the value as it stood at the close of that day). */
  until?: string;
};

export type IndicatorFacts = {
  population: number;
  due: number;
  achieved: number;
  /** Reported figures: total of the value (or numerator) and of the denominator over achieving units. */
  numerator: number | null;
  denominator: number | null;
  byDistrict: (BreakdownRow & { numerator: number | null; denominator: number | null })[];
  byKind: (BreakdownRow & { numerator: number | null; denominator: number | null })[];
  subjects: SubjectRow[];
  behindCount: number;
};

type Ctx = {
  asOf: string;
  from: string;
  /** Period end, capped at `until`. */
  to: string;
  until: string | undefined;
  provinceIds: string[] | null;
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
    : sql`${column} = ANY(ARRAY(${feedingProvinces(list(ctx.provinceIds, 'uuid'), ctx.asOf)}))`;

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
      expr = sql`EXISTS (SELECT 1 FROM channel pc WHERE pc.id = ${c('channel_id')} AND pc.kind = ANY(${list(codes, 'text')}))`;
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
): { body: SQL; key: SQL; target: IndicatorRecord; linked: Source } {
  const target = linkTarget(record, link);
  if (!target) throw new Error(`no link ${link} from ${record}`);
  const l = source(target, 'l', ctx);
  const own = [recordProvinces(l.province, ctx), ...l.where, ...filtersSql(target, 'l', filters, ctx)];
  let from = l.from;
  let key: SQL;
  switch (`${record}.${link}`) {
    case 'channel.publications':
      key = sql`l.channel_id`;
      break;
    case 'person.attended_trainings':
      from = sql`training_attendance la JOIN ${l.from} ON l.id = la.training_id`;
      key = sql`la.person_id`;
      break;
    case 'dx_model.featured_in':
      from = sql`publication_model lm JOIN ${l.from} ON l.id = lm.publication_id`;
      key = sql`lm.model_id`;
      break;
    case 'training.attendees':
      from = sql`training_attendance la JOIN ${l.from} ON l.id = la.person_id`;
      key = sql`la.training_id`;
      break;
    case 'publication.featured_models':
      from = sql`publication_model lm JOIN ${l.from} ON l.id = lm.model_id`;
      key = sql`lm.publication_id`;
      break;
    default:
      // A unit's own records: the owner column of the linked record.
      if (record !== 'unit') throw new Error(`no link ${link} from ${record}`);
      key = l.owner;
  }
  return { body: sql`FROM ${from} WHERE ${and(own)}`, key, target, linked: l };
}

/**
 * The unit standing on the as-of date for each owner of `owners` (one column of unit ids), when it lies in the
 * provinces: owner_id, unit_id, name, kind, parent_unit_id, province_id (as queries/targets.ts).
 */
function standingOwners(owners: SQL, ctx: Ctx): SQL {
  return sql`(SELECT st.owner_id, st.unit_id, st.name, st.kind, st.parent_unit_id, st.province_id
       FROM ${standingUnits(owners, ctx.asOf, (p) => inProvinces(p, ctx.provinceIds))} st)`;
}

/**
 * Ids of the members (units) whose linked records meet "at least N": each record counts for the unit standing for
 * its owner on the as-of date when records roll up, else for its owner only.
 */
function achieversSql(l: ReturnType<typeof linkedSql>, atLeast: number, rollUp: boolean, ctx: Ctx): SQL {
  const keys = sql`SELECT ${l.key} AS k ${l.body}`;
  if (!rollUp)
    return atLeast === 1
      ? sql`SELECT ${l.key} ${l.body}`
      : sql`SELECT r.k FROM (${keys}) r GROUP BY r.k HAVING count(*) >= ${atLeast}`;
  if (atLeast === 1)
    return sql`SELECT so.unit_id FROM ${standingOwners(sql`SELECT ${l.key} ${l.body}`, ctx)} so`;
  return sql`SELECT so.unit_id FROM (${keys}) r JOIN ${standingOwners(sql`SELECT ${l.key} ${l.body}`, ctx)} so ON so.owner_id = r.k
              GROUP BY so.unit_id HAVING count(*) >= ${atLeast}`;
}

/** Predicate: linked record belongs to subject `id` (itself, or a unit whose records rolled up into it). */
function belongsTo(l: ReturnType<typeof linkedSql>, id: SQL, rollUp: boolean, ctx: Ctx): SQL {
  return rollUp ? sql`${l.key} IN (${unitsStandingFor(id, ctx.asOf)})` : sql`${l.key} = ${id}`;
}

/**
 * Subjects of the population with due, achieved and the reported figures: subject_id, label, unit_id (the unit
 * standing for the owner), u_name, u_kind, u_parent, u_province, due, achieved, num, den.
 */
function subjectsSql(input: IndicatorInput): SQL {
  const { rule } = input;
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
      const since = c.subject.some((f) => f.field === 'hasDxSection' && 'is' in f && f.is)
        ? sql`CASE WHEN s.has_dx_section THEN s.dx_section_since END`
        : sql`NULL::date`;
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
  if (isUnit)
    return sql`
      SELECT s.unit_id AS subject_id, s.name AS label, s.unit_id, s.name AS u_name, s.kind AS u_kind,
             s.parent_unit_id AS u_parent, s_o.province_id AS u_province, ${cols}
        FROM ${s.from} ${joins}
       WHERE ${and([inProvinces(s.province, ctx.provinceIds), ...s.where, ...filtersSql(rec, 's', rule.population.filters, ctx)])}`;
  // Records: candidates of the provinces (and those merged into them), each placed at the unit standing for its
  // owner on the as-of date; owner filters read that unit.
  const own = rule.population.filters.filter((f) => !isOwnerField(f));
  const candidates = and([recordProvinces(s.province, ctx), ...s.where, ...filtersSql(rec, 's', own, ctx)]);
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
  };
}

/** Where each subject's unit stood on the date: its district among itself, its parent and grandparent. */
function placedOwners(asOf: string): SQL {
  // MATERIALIZED: parents are looked up once per distinct parent, not once per subject.
  return sql`
    ov AS MATERIALIZED (
      SELECT DISTINCT unit_id, u_name AS name, u_kind AS kind, u_parent AS parent_unit_id, u_province AS province_id
        FROM subj WHERE unit_id IS NOT NULL),
    parents AS MATERIALIZED (
      SELECT pa.parent_unit_id, pl.*
        FROM (SELECT DISTINCT parent_unit_id FROM ov WHERE parent_unit_id IS NOT NULL) pa
        CROSS JOIN LATERAL (${placeOn(sql`NULL::uuid`, sql`pa.parent_unit_id`, sql`NULL::text`, asOf)}) pl),
    placed AS (
      SELECT ov.unit_id, ov.name, ov.kind, ov.province_id,
             CASE WHEN ov.kind = 'district' THEN ov.unit_id WHEN pp.p_kind = 'district' THEN pp.p_id
                  WHEN pp.g_kind = 'district' THEN pp.g_id END AS district_id
        FROM ov LEFT JOIN parents pp ON pp.parent_unit_id = ov.parent_unit_id)`;
}

const districtName = (id: SQL, asOf: string) => sql`(SELECT d.name FROM (${versionInForce(id, asOf)}) d)`;

/** At most this many records are attached to one listed subject. */
const RECORDS_PER_SUBJECT = 10;

/** The records that make a listed subject count (or, empty, the absence that keeps it behind). */
function evidenceSql(input: IndicatorInput): SQL {
  const { rule } = input;
  const ctx = contextOf(input);
  const rec = rule.population.record;
  const c = rule.condition;
  const json = (type: string, src: Source) =>
    sql`jsonb_build_object('type', ${type}::text, 'id', ${src.id}, 'label', ${src.label}, 'date', ${src.date ?? sql`NULL::date`})`;
  if (c.type !== 'linked') {
    const self = source(rec, 'e', ctx);
    return sql`(SELECT jsonb_build_object('records', jsonb_build_array(${json(rec, self)}))
                  FROM ${self.from} WHERE ${self.id} = s.subject_id LIMIT 1)`;
  }
  const l = linkedSql(rec, c.link, c.filters, ctx);
  const mine = belongsTo(l, sql`s.subject_id`, rec === 'unit' && c.includePredecessors, ctx);
  const rows = sql`SELECT ${json(l.target, l.linked)} AS j, ${l.linked.date ?? sql`NULL::date`} AS d ${l.body} AND ${mine}`;
  const windows = c.every
    ? sql`, 'windowsWithRecords', (SELECT coalesce(jsonb_agg(w.wf ORDER BY w.wf), '[]'::jsonb)
            FROM unnest(${windowLists(input)}) AS w(wf, wt)
           WHERE EXISTS (SELECT 1 ${l.body} AND ${mine} AND ${l.linked.date} BETWEEN w.wf AND w.wt))`
    : sql``;
  return sql`jsonb_build_object('records', (SELECT coalesce(jsonb_agg(r.j ORDER BY r.d), '[]'::jsonb)
                             FROM (${rows} ORDER BY 2 LIMIT ${RECORDS_PER_SUBJECT}) r) ${windows})`;
}

const breakdownCols = sql`count(*)::int AS population, count(*) FILTER (WHERE s.due)::int AS due,
  count(*) FILTER (WHERE s.due AND s.achieved)::int AS achieved, sum(s.num)::float8 AS numerator, sum(s.den)::float8 AS denominator`;

/** Builds the one statement that evaluates an indicator (exported for the benchmark). */
export function indicatorEvaluationSql(input: IndicatorInput): SQL {
  const limit = input.behindLimit ?? 200;
  const own = input.ownerUnitIds;
  const isCount = input.rule.condition.type === 'none' && input.rule.value.type === 'count';
  // A count of records has nobody behind: its list is the records that count.
  const listed = own
    ? sql`s.unit_id = ANY(${list(own, 'uuid')})`
    : isCount || input.listAll
      ? sql`TRUE`
      : sql`s.due AND NOT s.achieved`;
  return sql`
    WITH subj AS (${subjectsSql(input)}),
    ${placedOwners(input.asOf)},
    s AS MATERIALIZED (
      SELECT subj.subject_id, subj.label, subj.unit_id, subj.due, subj.achieved, subj.num, subj.den,
             pl.name AS unit_name, pl.kind AS unit_kind, pl.district_id, pl.province_id
        FROM subj LEFT JOIN placed pl ON pl.unit_id = subj.unit_id
       ${own ? sql`WHERE subj.unit_id = ANY(${list(own, 'uuid')})` : sql``})
    SELECT
      (SELECT count(*)::int FROM s) AS population,
      (SELECT count(*) FILTER (WHERE due)::int FROM s) AS due,
      (SELECT count(*) FILTER (WHERE due AND achieved)::int FROM s) AS achieved,
      (SELECT sum(num)::float8 FROM s) AS numerator,
      (SELECT sum(den)::float8 FROM s) AS denominator,
      (SELECT json_agg(x ORDER BY x.name NULLS FIRST) FROM (
         SELECT g.*, ${districtName(sql`g.key`, input.asOf)} AS name FROM (
           SELECT s.district_id AS key, s.province_id AS "provinceId", ${breakdownCols}
             FROM s GROUP BY s.province_id, s.district_id) g) x) AS by_district,
      (SELECT json_agg(x ORDER BY x.key) FROM (
         SELECT s.unit_kind AS key, NULL AS name, NULL AS "provinceId", ${breakdownCols}
           FROM s GROUP BY s.unit_kind) x) AS by_kind,
      (SELECT count(*)::int FROM s WHERE ${listed}) AS behind_count,
      (SELECT json_agg(x) FROM (
         SELECT s.subject_id AS "subjectId", s.label, s.unit_id AS "unitId", s.unit_name AS "unitName",
                s.unit_kind AS "unitKind", s.district_id AS "districtId", ${districtName(sql`s.district_id`, input.asOf)} AS "districtName",
                s.due, s.achieved, ${evidenceSql(input)} AS evidence
           FROM (SELECT * FROM s WHERE ${listed}
                  ORDER BY s.district_id NULLS FIRST, s.unit_name, s.label LIMIT ${limit}) s) x) AS subjects`;
}

type Raw = {
  population: number;
  due: number;
  achieved: number;
  numerator: number | null;
  denominator: number | null;
  by_district: IndicatorFacts['byDistrict'] | null;
  by_kind: IndicatorFacts['byKind'] | null;
  subjects: SubjectRow[] | null;
  behind_count: number;
};

/** Evaluates one indicator over the records, now. */
export async function evaluateIndicator(db: Db, input: IndicatorInput): Promise<IndicatorFacts> {
  const [r] = await queryRows<Raw>(db, indicatorEvaluationSql(input));
  return {
    population: Number(r!.population),
    due: Number(r!.due),
    achieved: Number(r!.achieved),
    numerator: r!.numerator === null ? null : Number(r!.numerator),
    denominator: r!.denominator === null ? null : Number(r!.denominator),
    byDistrict: r!.by_district ?? [],
    byKind: r!.by_kind ?? [],
    subjects: r!.subjects ?? [],
    behindCount: Number(r!.behind_count),
  };
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
          FROM vocabulary_term WHERE province_id = ${provinceId}::uuid
           ${asOf ? sql`AND (valid_from IS NULL OR valid_from <= ${asOf}::date) AND (valid_to IS NULL OR valid_to > ${asOf}::date)` : sql``}
         ORDER BY vocabulary, position, code`,
  );
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
  o: { provinceId: string; planId: string | null; rule: IndicatorRule; period: IndicatorWindowSpan },
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
