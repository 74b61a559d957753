import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under `dir` (tests excluded). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * A use case opens its one transaction through use-case/context.ts inTransaction, which refreshes the targets' rollups
 * exactly once at its end (issue 13): a feature calling `.transaction(` itself would commit records whose rollups
 * stay behind until the nightly rebuild. Sign-in is the one exception: it runs before there is a use-case context and
 * writes only the session, its throttle and its audit entry (no table a target reads).
 */
describe('use cases open transactions only through inTransaction', () => {
  it('no feature calls .transaction( itself', () => {
    const features = join(import.meta.dirname, '..', 'features');
    const offenders = sources(features)
      .filter((f) => !f.endsWith(join('auth', 'sign-in.ts')))
      .filter((f) => /\.transaction\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
