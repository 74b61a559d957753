import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { cachedQuery, statementKey } from './statement-cache';

const dialect = new PgDialect();

describe('built statements kept by their input', () => {
  it('gives back the same text and parameters, and builds once per key', () => {
    let builds = 0;
    const build = (ids: string[], day: string) => () => {
      builds++;
      return sql`SELECT * FROM t WHERE id = ANY(ARRAY[${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}]::uuid[]) AND d <= ${day} AND note <> 'a $ sign'`;
    };
    const first = cachedQuery(statementKey('t', ['a', 'b', '2023']), build(['a', 'b'], '2023'));
    const again = cachedQuery(statementKey('t', ['a', 'b', '2023']), build(['a', 'b'], '2023'));
    expect(again).toEqual(first);
    // Shared between requests: nobody can change it.
    expect(Object.isFrozen(again) && Object.isFrozen(again.params)).toBe(true);
    expect(first).toEqual(dialect.sqlToQuery(build(['a', 'b'], '2023')()));
    // The first call built, the second came from the cache, the direct comparison built once more.
    expect(builds).toBe(2);
    const other = cachedQuery(statementKey('t', ['c', '2024']), build(['c'], '2024'));
    expect(other.params).toEqual(['c', '2024']);
  });

  it('never keys data that holds SQL', () => {
    expect(statementKey('t', { a: 1 })).toBe('t:{"a":1}');
    expect(statementKey('t', { a: 1, from: sql`x` })).toBeNull();
  });
});
