import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The web's layout rules (docs/architecture.md "The web"): a feature imports only itself, the shared layers
// (api/, lib/, locales/) and packages; the shared layers never import a feature; only app/ composes features.
const SRC = dirname(new URL(import.meta.url).pathname);

function* sourceFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sourceFiles(p);
    else if (/\.(ts|tsx)$/.test(e.name)) yield p;
  }
}

/** Relative import specifiers of a file (static, re-exports and dynamic import()). */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) out.push(m[1]!);
  return out;
}

/** The top folder of src a path lies in, and for features/ the feature's name. */
function placeOf(path: string): { top: string; feature?: string } {
  const parts = relative(SRC, path).split(sep);
  return parts[0] === 'features' ? { top: 'features', feature: parts[1] } : { top: parts[0]! };
}

/** Every import that breaks the layout, as "file → import". */
function violations(): string[] {
  const bad: string[] = [];
  for (const file of sourceFiles(SRC)) {
    if (file.endsWith('.test.ts') || file.endsWith('.test.tsx')) continue;
    const from = placeOf(file);
    for (const spec of relativeImports(file)) {
      const to = placeOf(resolve(dirname(file), spec));
      const crossFeature = from.top === 'features' && to.top === 'features' && to.feature !== from.feature;
      const sharedToFeature = ['lib', 'api', 'locales'].includes(from.top) && to.top === 'features';
      const toApp = from.top !== 'app' && from.top !== 'main.tsx' && to.top === 'app';
      if (crossFeature || sharedToFeature || toApp) bad.push(`${relative(SRC, file)} → ${spec}`);
    }
  }
  return bad;
}

describe('web layout', () => {
  it('no feature imports another; api/, lib/ and locales/ import no feature; only app/ composes', () => {
    expect(violations()).toEqual([]);
  });

  it('finds a cross-feature import when there is one (the scan itself works)', () => {
    const file = join(SRC, 'features', 'tasks', 'TaskForms.tsx');
    expect(placeOf(resolve(dirname(file), '../records/api'))).toEqual({
      top: 'features',
      feature: 'records',
    });
    expect(relativeImports(join(SRC, 'app', 'routes.tsx')).some((s) => s.startsWith('../features/'))).toBe(
      true,
    );
  });
});
