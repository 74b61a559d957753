import { type SQL, sql } from 'drizzle-orm';

/*
 * "As of" — written once (docs/architecture.md § Org units through time). Every query that asks where the
 * organisation stood on a date builds on these fragments:
 *   - inForceOn:      the version of a unit in force on D (half-open [valid_from, valid_to));
 *   - versionInForce: that version of one unit;
 *   - standingUnit(s): the unit in force on D that stands for unit X — X itself, or the unit that succeeded it
 *                     (following successions dated on or before D that carry the records, transitively);
 *   - placeOn:        where that unit stood on D (its ancestors, district, province);
 *   - feedingProvinces / unitsStandingFor: the reverse direction (what may roll up into a province or a unit).
 * The date is always a parameter: packages/db never reads the clock (today comes from the caller, and a domain
 * function decides any fallback date).
 */

/** How deep successions are followed (a unit merged, then merged again…): far more than any real chain. */
const MAX_SUCCESSION_DEPTH = 8;

/** Predicate: the org_unit_version row aliased `alias` is in force on `asOf` (half-open [valid_from, valid_to)). */
export function inForceOn(alias: string, asOf: string | SQL): SQL {
  const a = sql.identifier(alias);
  const d = typeof asOf === 'string' ? sql`${asOf}::date` : asOf;
  return sql`(${a}.valid_from IS NULL OR ${a}.valid_from <= ${d}) AND (${a}.valid_to IS NULL OR ${a}.valid_to > ${d})`;
}

/**
 * Predicate: the version aliased `alias` was in force at some time within [from, to] (local dates, both inclusive):
 * the units that existed during a reporting period.
 */
export function inForceDuring(alias: string, from: string, to: string): SQL {
  const a = sql.identifier(alias);
  return sql`(${a}.valid_from IS NULL OR ${a}.valid_from <= ${to}::date) AND (${a}.valid_to IS NULL OR ${a}.valid_to > ${from}::date)`;
}

/**
 * ORDER BY for the versions of one unit (aliased `alias`): the version in force on `asOf` first, else the latest —
 * the name a unit is shown by on a date (history keeps the names units had at the time; a unit that has ended keeps
 * its last name). With a NULL date, simply the latest version.
 */
export function nearestVersionFirst(alias: string, asOf: string | SQL): SQL {
  return sql`(${inForceOn(alias, asOf)}) DESC NULLS LAST, ${sql.identifier(alias)}.valid_from DESC NULLS LAST`;
}

/**
 * Scalar subquery: the name unit `id` is shown by on `asOf` (nearestVersionFirst: the version in force that day, else
 * its last name); with a null date, its latest name — what lists of today's structure show (estimates, grants).
 */
export function unitNameAsOf(id: SQL, asOf: string | null): SQL<string | null> {
  return sql<string | null>`(SELECT nv.name FROM org_unit_version nv WHERE nv.unit_id = ${id}
      ORDER BY ${nearestVersionFirst('nv', asOf ?? sql`NULL::date`)} LIMIT 1)`;
}

/** The version of unit `id` in force on `asOf` (zero or one row): unit_id, name, kind, parent_unit_id, code. */
export function versionInForce(id: SQL, asOf: string): SQL {
  return sql`SELECT x.unit_id, x.name, x.kind, x.parent_unit_id, x.code FROM org_unit_version x
              WHERE x.unit_id = ${id} AND ${inForceOn('x', asOf)} LIMIT 1`;
}

/**
 * The unit standing on `asOf` for each owner of `owners` (SQL of one column of unit ids; nulls and repeats ignored):
 * the owner itself when it is in force that day, else the unit in force that succeeded it through successions
 * dated on or before `asOf` that carry the records (org_unit_succession.receives_records), nearest first (then the
 * lowest official code and name, so the choice is the same on every database; the id only between namesakes). None when the owner has ended without such a successor, or did not exist yet: nothing recorded for a
 * unit that did not exist on D changes a figure as of D.
 * A parenthesised subquery, columns: owner_id, unit_id, name, kind, parent_unit_id, code, province_id (the version
 * in force on `asOf`). Set-based: the owners in force are one join, and the successions are followed for all the
 * ended owners at once (per owner, the plan of a statement evaluating 60 trend points took longer to plan than to
 * run: EXPLAIN on the bench's city data). `inScope` (a predicate on the standing unit's province column) keeps
 * only the units standing in scope, applied where the planner can estimate it (on org_unit, not on the result).
 */
export function standingUnits(
  owners: SQL,
  asOf: string,
  inScope: (provinceId: SQL) => SQL = () => sql`TRUE`,
): SQL {
  return sql`(WITH RECURSIVE so_o AS MATERIALIZED (
        SELECT DISTINCT ow.owner_id FROM (${owners}) ow(owner_id) WHERE ow.owner_id IS NOT NULL
      ), so_chain(owner_id, unit_id, depth) AS (
        SELECT o.owner_id, s.successor_unit_id, 1 FROM so_o o JOIN org_unit_succession s ON s.predecessor_unit_id = o.owner_id
         WHERE s.receives_records AND s.effective_date <= ${asOf}::date
           AND NOT EXISTS (SELECT 1 FROM org_unit_version y WHERE y.unit_id = o.owner_id AND ${inForceOn('y', asOf)})
        UNION
        SELECT c.owner_id, s.successor_unit_id, c.depth + 1 FROM so_chain c JOIN org_unit_succession s ON s.predecessor_unit_id = c.unit_id
         WHERE s.receives_records AND s.effective_date <= ${asOf}::date AND c.depth < ${MAX_SUCCESSION_DEPTH}
           AND NOT EXISTS (SELECT 1 FROM org_unit_version y WHERE y.unit_id = c.unit_id AND ${inForceOn('y', asOf)})
      )
      SELECT o.owner_id, x.unit_id, x.name, x.kind, x.parent_unit_id, x.code, u.province_id
        FROM so_o o JOIN org_unit_version x ON x.unit_id = o.owner_id AND ${inForceOn('x', asOf)}
        JOIN org_unit u ON u.id = x.unit_id AND ${inScope(sql`u.province_id`)}
      UNION ALL
      (SELECT DISTINCT ON (c.owner_id) c.owner_id, x.unit_id, x.name, x.kind, x.parent_unit_id, x.code, u.province_id
         FROM so_chain c JOIN org_unit_version x ON x.unit_id = c.unit_id AND ${inForceOn('x', asOf)}
         JOIN org_unit u ON u.id = x.unit_id AND ${inScope(sql`u.province_id`)}
        ORDER BY c.owner_id, c.depth, x.code, x.name, x.unit_id))`;
}

/**
 * The unit standing for unit `id` on `asOf` (zero or one row; see standingUnits).
 * Columns: unit_id, name, kind, parent_unit_id, code, province_id (the version in force on `asOf`).
 */
export function standingUnit(id: SQL, asOf: string): SQL {
  return sql`SELECT st.unit_id, st.name, st.kind, st.parent_unit_id, st.code, st.province_id
      FROM ${standingUnits(sql`SELECT ${id}`, asOf)} st`;
}

/**
 * Where unit `id` (in force on `asOf`) stood that day: its parent and grandparent in force (school → commune →
 * district), and the district among the unit, its parent and its grandparent; departments and other
 * province-level units have none. One row: p_id, p_kind, g_id, g_kind, district_id. `kind` is the unit's kind.
 */
export function placeOn(id: SQL, parentId: SQL, kind: SQL, asOf: string): SQL {
  return sql`SELECT p.unit_id AS p_id, p.kind AS p_kind, g.unit_id AS g_id, g.kind AS g_kind,
           CASE WHEN ${kind} = 'district' THEN ${id} WHEN p.kind = 'district' THEN p.unit_id
                WHEN g.kind = 'district' THEN g.unit_id END AS district_id
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (${versionInForce(parentId, asOf)}) p ON TRUE
      LEFT JOIN LATERAL (${versionInForce(sql`p.parent_unit_id`, asOf)}) g ON TRUE`;
}

/**
 * Ids of the provinces whose records may count in `provinceIds` as of `asOf`: the provinces themselves and those
 * merged into them (transitively) on or before that date — a Hải Dương commune's channel counts, after the
 * merger, for the commune of the absorbing province that succeeded it. SQL for `= ANY(ARRAY(…))`.
 */
export function feedingProvinces(provinceIds: SQL, asOf: string): SQL {
  return sql`WITH RECURSIVE fp(id, depth) AS (
      SELECT unnest(${provinceIds}), 0
      UNION
      SELECT s.predecessor_unit_id, fp.depth + 1 FROM fp JOIN org_unit_succession s ON s.successor_unit_id = fp.id
        JOIN org_unit pu ON pu.id = s.predecessor_unit_id AND pu.province_id = pu.id
       WHERE s.effective_date <= ${asOf}::date AND fp.depth < ${MAX_SUCCESSION_DEPTH}
    ) SELECT DISTINCT id FROM fp`;
}

/**
 * Ids of the units whose records count for unit `unitId` as of `asOf` (the reverse of standingUnit): the unit and
 * every unit that had ended by then and whose records came to it through successions dated on or before `asOf`
 * (transitively). SQL to nest in IN (…).
 */
export function unitsStandingFor(unitId: SQL, asOf: string): SQL {
  return sql`WITH RECURSIVE pred(id, depth) AS (
      SELECT ${unitId}, 0
      UNION
      SELECT s.predecessor_unit_id, pred.depth + 1 FROM pred JOIN org_unit_succession s ON s.successor_unit_id = pred.id
       WHERE s.receives_records AND s.effective_date <= ${asOf}::date AND pred.depth < ${MAX_SUCCESSION_DEPTH}
         AND NOT EXISTS (SELECT 1 FROM org_unit_version y WHERE y.unit_id = s.predecessor_unit_id AND ${inForceOn('y', asOf)})
    ) SELECT id FROM pred`;
}

/**
 * Ids of a unit and of all units below it on `asOf` (the hierarchy in force that day), with the ended units whose
 * records rolled up into any of them. SQL to nest in IN (…).
 */
export function subtreeStandingFor(unitId: string, asOf: string): SQL {
  return sql`WITH RECURSIVE sub(id, depth) AS (
      SELECT ${unitId}::uuid, 0
      UNION
      SELECT v.unit_id, sub.depth + 1 FROM org_unit_version v JOIN sub ON v.parent_unit_id = sub.id
       WHERE ${inForceOn('v', asOf)} AND sub.depth < 30
    ), pred(id, depth) AS (
      SELECT id, 0 FROM sub
      UNION
      SELECT s.predecessor_unit_id, pred.depth + 1 FROM pred JOIN org_unit_succession s ON s.successor_unit_id = pred.id
       WHERE s.receives_records AND s.effective_date <= ${asOf}::date AND pred.depth < ${MAX_SUCCESSION_DEPTH}
         AND NOT EXISTS (SELECT 1 FROM org_unit_version y WHERE y.unit_id = s.predecessor_unit_id AND ${inForceOn('y', asOf)})
    ) SELECT id FROM pred`;
}
