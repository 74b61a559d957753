import type { InjectOptions } from 'fastify';

/**
 * The bad-input suite's vocabulary (bad-input.test.ts). Features add their probes in their own
 * `*.bad-input-cases.ts` file, listed in bad-input.test.ts.
 */

export type Path = (string | number)[];
export type Ctx = {
  hp: string;
  /** Hải Dương: a province that ended (merged into Hải Phòng on 01/07/2025). */
  hd: string;
  unit: string;
  group: string;
  user: string;
  version: string;
  plan: string;
};
export type BadCase = { name: string; req: (c: Ctx) => InjectOptions; path: Path };

export const NO_SUCH = '00000000-0000-4000-8000-000000000000';
export const long = (n: number) => 'ă'.repeat(n);
export const json = (method: InjectOptions['method'], url: string, body: string): InjectOptions => ({
  method,
  url,
  payload: body,
  headers: { 'content-type': 'application/json' },
});

/** Malformed JSON and a body of the wrong shape, for every route that takes a body. */
export const bodyShape = (method: 'POST' | 'PUT' | 'PATCH', url: (c: Ctx) => string): BadCase[] => [
  { name: 'malformed JSON', req: (c) => json(method, url(c), '{"oops": '), path: ['body'] },
  { name: 'a JSON array instead of an object', req: (c) => json(method, url(c), '[1, 2]'), path: ['body'] },
  { name: 'a JSON string instead of an object', req: (c) => json(method, url(c), '"text"'), path: ['body'] },
];
