import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './harness';
import { routesWithoutHead } from './routes';

/**
 * Random bodies and query strings on every route (issue 14's quality bar), as a system administrator (so requests
 * get past authorization into validation and the use cases): never a 5xx, and every 400 names at least one field.
 * Ids in paths are random uuids (mostly unknown: 404 is a clean answer); bodies are arbitrary JSON, or the route's
 * documented fields filled with arbitrary values.
 */
const RUNS = 12;
const SKIP = new Set(['POST /api/auth/sign-out', 'POST /api/auth/change-password']);

type Op = {
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
};

describe('fuzzing every route', () => {
  let t: TestApp;
  let admin: Session;
  let fields: Map<string, string[]>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    const doc = t.app.swagger() as { paths: Record<string, Record<string, Op>> };
    fields = new Map();
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods)) {
        const props = op.requestBody?.content?.['application/json']?.schema?.properties ?? {};
        fields.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, Object.keys(props));
      }
  });
  afterAll(() => t.close());

  const json = fc.jsonValue({ maxDepth: 4 });
  const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
  const value = fc.oneof(
    json,
    text,
    fc.constantFrom('\ud800', '\u0000', '\u202e', 'ă'.repeat(3000), -1, 1e308),
  );

  it('the app registers routes to fuzz', () => {
    expect(routesWithoutHead(t.app).length).toBeGreaterThan(50);
  });

  it('no route answers 5xx, and every 400 names a field', async () => {
    const failures: string[] = [];
    const routes = routesWithoutHead(t.app).filter(
      (r) => r.includes(' /api/') && !r.includes('/docs') && !SKIP.has(r),
    );
    for (const route of routes) {
      const [method, pattern] = route.split(' ') as [InjectOptions['method'], string];
      const known = fields.get(route) ?? [];
      const body =
        known.length > 0
          ? fc.oneof(json, fc.dictionary(fc.constantFrom(...known), value, { maxKeys: known.length }))
          : json;
      await fc
        .assert(
          fc.asyncProperty(
            fc.uuid(),
            body,
            fc.dictionary(fc.string({ maxLength: 12 }), text, { maxKeys: 4 }),
            async (id, payload, query) => {
              const url = `${pattern.replace(/:(\w+)/g, id)}?${new URLSearchParams(
                Object.entries(query).map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/g, '')]),
              )}`;
              const res = await t.call(
                admin,
                method === 'GET' || method === 'DELETE'
                  ? { method, url }
                  : {
                      method,
                      url,
                      payload: JSON.stringify(payload),
                      headers: { 'content-type': 'application/json' },
                    },
              );
              const problem =
                res.statusCode >= 500
                  ? `${res.statusCode} ${res.body.slice(0, 200)}`
                  : res.statusCode === 400 && !(res.json().error?.details?.issues?.[0]?.path?.length > 0)
                    ? `400 without a field: ${res.body.slice(0, 200)}`
                    : null;
              if (problem)
                failures.push(`${route} ${url} ${JSON.stringify(payload).slice(0, 120)} → ${problem}`);
              return problem === null;
            },
          ),
          { numRuns: RUNS, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
