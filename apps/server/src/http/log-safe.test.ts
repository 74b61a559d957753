import { queryRows } from '@dx/db';
import { createTestDatabase } from '@dx/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { redactUrlForLog, serializeErrorForLog } from './log-safe';

describe('serializeErrorForLog', () => {
  it('logs a failed statement with its SQL and SQLSTATE, never its parameters', async () => {
    const handle = await createTestDatabase();
    try {
      const error = await queryRows(
        handle.db,
        sql`SELECT ${'0912345678'}::text AS phone, ${'Nguyễn Văn A'}::int AS name`,
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      const logged = serializeErrorForLog(error);
      const text = JSON.stringify(logged);
      expect(text).not.toContain('Nguyễn');
      expect(text).not.toContain('0912345678');
      expect(logged.statement).toMatch(/SELECT \$1::text AS phone/);
      expect(logged.code).toBe('22P02');
    } finally {
      await handle.close();
    }
  });

  it('keeps an ordinary error whole', () => {
    const logged = serializeErrorForLog(new TypeError('x is undefined'));
    expect(logged).toMatchObject({ type: 'TypeError', message: 'x is undefined' });
  });
});

describe('redactUrlForLog', () => {
  it("keeps the path and the parameters' names, never their values", () => {
    expect(redactUrlForLog('/api/people?provinceId=8f1c&q=Nguy%E1%BB%85n%20V%C4%83n%20A&limit=50')).toBe(
      '/api/people?provinceId=…&q=…&limit=…',
    );
    expect(redactUrlForLog('/api/health')).toBe('/api/health');
    expect(redactUrlForLog('/api/x?flag&')).toBe('/api/x?flag=…');
  });
});
