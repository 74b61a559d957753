import type { TargetGoal, TargetRule } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { inForceOn } from './as-of';
import { type PlanTargetRule, type PlanTargetRuleRow, planTargetRuleOf } from './target-definitions';

/** A target of the national overview: its rule, and its rollup's sums with the key they were built for. */
export type NationalTargetRow = PlanTargetRule & {
  /** target_rollup_built.key (null = never built): the sums below stand for that evaluation only. */
  builtKey: string | null;
  sums: {
    population: number;
    due: number;
    achieved: number;
    numerator: number | null;
    denominator: number | null;
  };
};

/** Units of the latest past period of a plan by class (domain reports/timeliness.ts classifyTimeliness). */
export type NationalPeriodRow = {
  planId: string;
  periodId: string;
  label: string;
  dueDate: string;
  required: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
};

export type NationalOverviewRows = {
  provinces: { provinceId: string; name: string; code: string | null }[];
  plans: { id: string; provinceId: string; code: string | null; title: string }[];
  targets: NationalTargetRow[];
  periods: NationalPeriodRow[];
};

type RawTarget = PlanTargetRuleRow & {
  built_key: string | null;
  population: number | null;
  due: number | null;
  achieved: number | null;
  numerator: number | null;
  denominator: number | null;
};

/**
 * Everything the national overview shows (issue 13), for every province in force on `asOf`, in ONE statement: the
 * provinces (named as that day), their plans of `year`, each plan's targets with their rule and the sums of their
 * rollup cells (target_rollup, one index range per target), and the completeness of each plan's latest reporting
 * period whose deadline had passed on `asOf` (or that was closed). A required unit's class follows the domain's
 * classifyTimeliness: first submitted (local date, Asia/Ho_Chi_Minh as localDateOf) on or before the due date = on
 * time, after = late; not submitted = pending up to the due date, missing after it — judged against `today`, which
 * the caller passes (packages/db never reads the clock).
 */
export async function nationalOverviewRows(
  db: Db,
  o: { asOf: string; year: number; today: string },
): Promise<NationalOverviewRows> {
  const [row] = await queryRows<{
    provinces: NationalOverviewRows['provinces'] | null;
    plans: NationalOverviewRows['plans'] | null;
    targets: RawTarget[] | null;
    periods: NationalPeriodRow[] | null;
  }>(
    db,
    sql`WITH pv AS (
          SELECT v.unit_id AS id, v.name, v.code FROM org_unit_version v
           WHERE v.parent_unit_id IS NULL AND v.kind = 'province' AND ${inForceOn('v', o.asOf)}),
        pl AS (
          SELECT p.id, p.province_id, p.code, p.title, p.year, p.issued_on FROM plan p
           WHERE p.year = ${o.year} AND p.province_id IN (SELECT id FROM pv)),
        tg AS (
          SELECT t.id AS plan_target_id, t.plan_id, t.province_id, pl.year AS plan_year, t.letter, t.position, t.text,
                 t.comparator, t.goal_value, t.goal_max, t.unit, d.rule, d.version AS rule_version, b.key AS built_key,
                 r.population, r.due, r.achieved, r.numerator, r.denominator
            FROM plan_target t JOIN pl ON pl.id = t.plan_id
            LEFT JOIN target_definition d ON d.plan_target_id = t.id
            LEFT JOIN target_rollup_built b ON b.target_id = t.id
            LEFT JOIN LATERAL (
              SELECT sum(c.population)::int AS population, sum(c.due)::int AS due, sum(c.achieved)::int AS achieved,
                     CASE WHEN sum(c.num_n) > 0 THEN sum(c.num)::float8 END AS numerator,
                     CASE WHEN sum(c.den_n) > 0 THEN sum(c.den)::float8 END AS denominator
                FROM target_rollup c WHERE c.target_id = t.id AND c.population > 0) r ON b.key IS NOT NULL),
        pp AS (
          -- The latest period (as the periods list orders them) whose deadline had passed, or that was closed.
          SELECT DISTINCT ON (rp.plan_id) rp.plan_id, rp.id, rp.label, rp.due_date
            FROM report_period rp
           WHERE rp.plan_id IN (SELECT id FROM pl) AND (rp.status = 'closed' OR rp.due_date < ${o.asOf}::date)
           ORDER BY rp.plan_id, rp.period_from DESC, rp.label),
        pc AS (
          SELECT pp.plan_id AS "planId", pp.id AS "periodId", pp.label, pp.due_date::text AS "dueDate",
                 count(pu.unit_id)::int AS required,
                 count(*) FILTER (WHERE s.on_day <= pp.due_date)::int AS "onTime",
                 count(*) FILTER (WHERE s.on_day > pp.due_date)::int AS late,
                 count(pu.unit_id) FILTER (WHERE s.on_day IS NULL AND ${o.today}::date > pp.due_date)::int AS missing,
                 count(pu.unit_id) FILTER (WHERE s.on_day IS NULL AND ${o.today}::date <= pp.due_date)::int AS pending
            FROM pp LEFT JOIN report_period_unit pu ON pu.period_id = pp.id
            LEFT JOIN LATERAL (
              SELECT (ur.first_submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS on_day FROM unit_report ur
               WHERE ur.period_id = pp.id AND ur.unit_id = pu.unit_id) s ON TRUE
           GROUP BY pp.plan_id, pp.id, pp.label, pp.due_date)
        SELECT (SELECT json_agg(json_build_object('provinceId', id, 'name', name, 'code', code) ORDER BY name COLLATE vi_vn) FROM pv) AS provinces,
               (SELECT json_agg(json_build_object('id', id, 'provinceId', province_id, 'code', code, 'title', title)
                                ORDER BY issued_on DESC NULLS FIRST, title) FROM pl) AS plans,
               (SELECT json_agg(tg ORDER BY tg.plan_id, tg.position) FROM tg) AS targets,
               (SELECT json_agg(pc) FROM pc) AS periods`,
  );
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    provinces: row?.provinces ?? [],
    plans: row?.plans ?? [],
    periods: row?.periods ?? [],
    targets: (row?.targets ?? []).map((r) => ({
      ...planTargetRuleOf(r),
      builtKey: r.built_key,
      sums: {
        population: num(r.population) ?? 0,
        due: num(r.due) ?? 0,
        achieved: num(r.achieved) ?? 0,
        numerator: num(r.numerator),
        denominator: num(r.denominator),
      },
    })),
  };
}
