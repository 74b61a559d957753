import { SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * Built statements kept by what they are built from. The indicator compiler writes one large statement per target out
 * of thousands of SQL fragments; drizzle walks them all to make its text, about 2 ms a statement on this machine —
 * 12 ms of a 36 ms dashboard request (bench/targets.ts, CPU profile: sqlToQuery). The text depends only on the
 * input (packages/db never reads the clock), so an input seen before reuses its text and parameters, handed back as
 * one flat fragment that drizzle passes through in microseconds (issue 12: the API as close as it can be to its SQL).
 */
const dialect = new PgDialect();
const MAX_ENTRIES = 200;
const built = new Map<string, { pieces: string[]; params: unknown[] }>();

/**
 * The statement `build` makes, from the cache when `key` was seen. A null key (an input holding SQL itself, which has
 * no faithful text form) always builds.
 */
export function cachedStatement(key: string | null, build: () => SQL): SQL {
  if (key === null) return build();
  let entry = built.get(key);
  if (entry) {
    // Most recently used last: the first entry is the one to drop when full.
    built.delete(key);
    built.set(key, entry);
  } else {
    const query = dialect.sqlToQuery(build());
    // The text between the placeholders $1…$n (each appears once, in order: drizzle numbers them as it writes).
    const pieces = query.sql.split(/\$\d+\b/);
    if (pieces.length !== query.params.length + 1) return build(); // not the expected shape: never cache it
    entry = { pieces, params: query.params };
    built.set(key, entry);
    if (built.size > MAX_ENTRIES) built.delete(built.keys().next().value!);
  }
  const { pieces, params } = entry;
  const chunks: SQL[] = [sql.raw(pieces[0]!)];
  for (let i = 0; i < params.length; i++) chunks.push(sql`${params[i]}`, sql.raw(pieces[i + 1]!));
  return sql.join(chunks);
}

/** The key of a statement built from plain data (JSON); null when the data holds a built SQL fragment. */
export function statementKey(kind: string, data: unknown): string | null {
  let plain = true;
  const text = JSON.stringify(data, (_, v) => {
    if (v instanceof SQL) plain = false;
    return v instanceof SQL ? null : v;
  });
  return plain ? `${kind}:${text}` : null;
}
