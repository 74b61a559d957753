import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';
import { JSON_MAX_DEPTH, jsonDepthExceeds } from './json-body';

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('jsonDepthExceeds', () => {
  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonDepthExceeds(nested(JSON_MAX_DEPTH), JSON_MAX_DEPTH)).toBe(false);
    expect(jsonDepthExceeds(nested(JSON_MAX_DEPTH + 1), JSON_MAX_DEPTH)).toBe(true);
    expect(jsonDepthExceeds(nestedArrays(JSON_MAX_DEPTH + 1), JSON_MAX_DEPTH)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ a: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' }), 3)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ a: 'x\\"[[[[[[' }), 1)).toBe(false);
  });
});

describe('JSON body parser', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const postSignIn = (body: string) =>
    fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  it('refuses 8,000 levels of nesting before sign-in with a 400 naming the body', async () => {
    const res = await postSignIn(nested(8000));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION.FAILED');
    expect(body.error.details.issues[0].path).toEqual(['body']);
    expect(body.error.details.maxDepth).toBe(JSON_MAX_DEPTH);
  });

  it('refuses deep nesting on a route that needs a session, before authentication (400, not 401)', async () => {
    const res = await fetch(`${base}/api/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: nestedArrays(8000),
    });
    expect(res.status).toBe(400);
  });

  it('keeps refusing prototype poisoning', async () => {
    const res = await postSignIn('{"username":"a","password":"b","__proto__":{"x":1}}');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('VALIDATION.FAILED');
  });

  it('answers /api/health while four senders post 8,000-level bodies', async () => {
    const body = nested(8000);
    let stop = false;
    const statuses: number[] = [];
    // A route without the sign-in rate limit, so every flood request reaches the parser.
    const sender = async () => {
      while (!stop)
        statuses.push(
          (
            await fetch(`${base}/api/plans`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
            })
          ).status,
        );
    };
    const senders = [sender(), sender(), sender(), sender()];
    try {
      for (let i = 0; i < 10; i++) {
        const health = await fetch(`${base}/api/health`);
        expect(health.status).toBe(200);
      }
    } finally {
      stop = true;
      await Promise.all(senders);
    }
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([400]));
  });
});
