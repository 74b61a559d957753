import { type Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * Built statements kept by what they are built from. The indicator compiler writes one large statement per target out
 * of thousands of SQL fragments; drizzle walks them all to make its text, about 2 ms a statement on this machine —
 * 12 ms of a 36 ms dashboard request (bench/targets.ts, CPU profile: sqlToQuery). The text depends only on the
 * input (packages/db never reads the clock), so an input seen before reuses its text and parameters, handed to the
 * driver as they are (issue 12: the API as close as it can be to its SQL).
 */
const dialect = new PgDialect();
const MAX_ENTRIES = 200;
const built = new Map<string, Readonly<Query>>();

/**
 * The text and parameters `build` makes, from the cache when `key` was seen; run them with queryBuilt (client.ts),
 * which hands them to the driver as they are. Even drizzle's walk of a flat list of a statement's text and parameters
 * took about 0.5 ms a statement (its entity checks per parameter; issue 12: 3 ms of a dashboard request's six). A null
 * key (an input holding SQL itself, which has no faithful text form) always builds. The value is shared: frozen.
 */
export function cachedQuery(key: string | null, build: () => SQL): Readonly<Query> {
  if (key === null) return dialect.sqlToQuery(build());
  let entry = built.get(key);
  if (entry) {
    // Most recently used last: the first entry is the one to drop when full.
    built.delete(key);
    built.set(key, entry);
    return entry;
  }
  const query = dialect.sqlToQuery(build());
  entry = Object.freeze({ ...query, params: Object.freeze(query.params) as unknown[] });
  built.set(key, entry);
  if (built.size > MAX_ENTRIES) built.delete(built.keys().next().value!);
  return entry;
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
