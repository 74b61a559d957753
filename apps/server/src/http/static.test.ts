import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createTestDatabase } from '@dx/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config/env';

/** The built SPA as a phone on a slow connection gets it (issue 12): precompressed, hashed assets cached for good. */
describe('serving the built web app', () => {
  const dist = mkdtempSync(join(tmpdir(), 'dx-web-dist-'));
  const script = `console.log(${JSON.stringify('Bảng theo dõi chỉ tiêu '.repeat(200))});`;
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><title>x</title><script src="/assets/index-AbC123.js"></script>',
    );
    writeFileSync(join(dist, 'assets/index-AbC123.js'), script);
    writeFileSync(join(dist, 'assets/index-AbC123.js.br'), brotliCompressSync(script));
    writeFileSync(join(dist, 'assets/index-AbC123.js.gz'), gzipSync(script));
    const handle = await createTestDatabase();
    const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }), webDist: dist };
    app = await buildApp({ db: handle.db, config, health: handle.health });
    close = handle.close;
  });
  afterAll(async () => {
    await app?.close();
    await close?.();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends the brotli or gzip file the browser accepts, cached for a year', async () => {
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const res = await app.inject({
        method: 'GET',
        url: '/assets/index-AbC123.js',
        headers: { 'accept-encoding': accept },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.rawPayload.length).toBeLessThan(script.length / 4);
    }

    const plain = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('revalidates the page itself, also on client-side routes', async () => {
    for (const url of ['/', '/index.html', '/plans/123']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body).toContain('/assets/index-AbC123.js');
    }
  });
});
