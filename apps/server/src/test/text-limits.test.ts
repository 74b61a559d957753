import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';

type JsonSchema = {
  type?: string | string[];
  maxLength?: number;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  schema?: JsonSchema;
  content?: Record<string, { schema: JsonSchema }>;
  $ref?: string;
};

/** String formats whose own syntax bounds their length. */
const BOUNDED_FORMATS = new Set(['uuid', 'date', 'date-time', 'time', 'email']);

/** A regular expression anchored at both ends with no unbounded repetition bounds the length (dates, codes). */
const boundedPattern = (p: string | undefined) =>
  !!p && p.startsWith('^') && p.endsWith('$') && !/(?<!\\\\)[+*]|\{\d+,\}/.test(p);

/** Paths of the strings in a request schema that accept any length (iterative walk). */
function unboundedStrings(root: JsonSchema, rootPath: string): string[] {
  const out: string[] = [];
  const stack: [JsonSchema, string][] = [[root, rootPath]];
  while (stack.length > 0) {
    const [s, path] = stack.pop()!;
    if (!s || typeof s !== 'object') continue;
    const types = ([] as string[]).concat(s.type ?? []);
    if (
      types.includes('string') &&
      s.maxLength === undefined &&
      s.enum === undefined &&
      s.const === undefined &&
      !(s.format && BOUNDED_FORMATS.has(s.format)) &&
      !boundedPattern(s.pattern)
    )
      out.push(path);
    for (const [k, v] of Object.entries(s.properties ?? {})) stack.push([v, `${path}.${k}`]);
    if (s.additionalProperties && typeof s.additionalProperties === 'object')
      stack.push([s.additionalProperties, `${path}.*`]);
    for (const v of ([] as JsonSchema[]).concat(s.items ?? [], s.prefixItems ?? []))
      stack.push([v, `${path}[]`]);
    for (const v of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) stack.push([v, path]);
  }
  return out;
}

describe('text limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // A string without a bound reaches the database as typed: 3,000 characters of a plan number broke its btree
  // index with a 500 (issue 14). Every text a client sends has a maximum length in its schema.
  it('every string a route accepts (body, query, path) has a maximum length', () => {
    const doc = t.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { in: string; name: string; schema: JsonSchema }[];
            requestBody?: { content: Record<string, { schema: JsonSchema }> };
          }
        >
      >;
    };
    const unbounded: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const at = `${method.toUpperCase()} ${path}`;
        for (const p of op.parameters ?? [])
          if (p.in !== 'path' || p.schema.format !== 'uuid')
            unbounded.push(...unboundedStrings(p.schema, `${at} ${p.in}.${p.name}`));
        for (const c of Object.values(op.requestBody?.content ?? {}))
          unbounded.push(...unboundedStrings(c.schema, `${at} body`));
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('removes zero-width and bidirectional controls from a name and keeps the name', async () => {
    const admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    const res = await t.call(admin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'ten.an',
        displayName: '\u200bNguyễn\u202e Văn\u2066 A\ufeff',
        password: 'mat-khau-du-dai-2026',
        grants: [{ role: 'viewer', unitId: t.hp }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().displayName).toBe('Nguyễn Văn A');
  });
});
