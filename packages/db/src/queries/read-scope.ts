import { type SQL, sql } from 'drizzle-orm';
import { subtreeStandingFor } from './as-of';

/**
 * What a caller may read in a list (docs/security.md "Scope of reading"): whole provinces (null = every province) and
 * the subtrees, as of `asOf`, of the units its narrower grants sit on (a unit officer's own subtree).
 */
export type ReadScope = { provinceIds: string[] | null; subtreeRoots: string[]; asOf: string };

/**
 * A condition keeping the rows a caller may read: in a province it reads whole, or belonging (through any of `units`)
 * to a unit of one of its subtrees, with the ended units whose records rolled up into them.
 */
export function readScopeSql(scope: ReadScope, province: SQL, units: SQL[]): SQL {
  if (scope.provinceIds === null) return sql`TRUE`;
  const parts: SQL[] = [];
  if (scope.provinceIds.length)
    parts.push(
      sql`${province} IN (${sql.join(
        scope.provinceIds.map((p) => sql`${p}::uuid`),
        sql`, `,
      )})`,
    );
  for (const root of scope.subtreeRoots)
    for (const unit of units) parts.push(sql`${unit} IN (${subtreeStandingFor(root, scope.asOf)})`);
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`FALSE`;
}
