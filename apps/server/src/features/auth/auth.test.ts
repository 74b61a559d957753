import { findUserByUsername, queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../test/harness';
import { LOCK_AFTER_FAILURES, LOCK_MINUTES } from './sign-in';

describe('sessions, sign-in protection and security headers', () => {
  let t: TestApp;
  // A clock the tests move forward (lock periods, session expiry).
  let now = new Date('2026-03-02T02:00:00Z');
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  let address = 0;
  /** Sign-in attempts from their own address, so the per-address rate limit stays out of the lockout tests. */
  const attempt = (username: string, password: string, remoteAddress = `192.0.2.${++address}`) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password },
      remoteAddress,
    });

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
  });
  afterAll(async () => t?.close());

  it('stores passwords as argon2id hashes', async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'hash.check');
    const user = await findUserByUsername(t.handle.db, 'hash.check');
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it(`locks the account after ${LOCK_AFTER_FAILURES} failures, even for the right password, and unlocks after ${LOCK_MINUTES} minutes`, async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'lock.me');
    for (let i = 1; i <= LOCK_AFTER_FAILURES; i++) {
      const res = await attempt('lock.me', 'wrong-password');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH.INVALID_CREDENTIALS');
    }
    const locked = await attempt('lock.me', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('AUTH.LOCKED');
    expect(new Date(locked.json().error.details.lockedUntil).getTime()).toBe(
      now.getTime() + LOCK_MINUTES * 60_000,
    );
    expect(locked.cookies.find((c) => c.name === 'dx_session')).toBeUndefined();

    later(LOCK_MINUTES * 60_000 - 1000);
    expect((await attempt('lock.me', TEST_PASSWORD)).statusCode).toBe(423);
    later(2000);
    const open = await attempt('lock.me', TEST_PASSWORD);
    expect(open.statusCode, open.body).toBe(200);
    // A successful sign-in clears the count: one mistake later is not a lock.
    const typo = await attempt('lock.me', 'wrong-password');
    expect(typo.statusCode).toBe(401);
    expect(typo.json().error.message).toContain(`${LOCK_AFTER_FAILURES - 1}`);
  });

  it('gives the attempts back once a lock has run out (one typo does not lock again)', async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'lock.again');
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) await attempt('lock.again', 'wrong-password');
    expect((await attempt('lock.again', TEST_PASSWORD)).statusCode).toBe(423);
    later(LOCK_MINUTES * 60_000 + 1000);
    const typo = await attempt('lock.again', 'wrong-password');
    expect(typo.statusCode).toBe(401);
    expect(typo.json().error.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect((await attempt('lock.again', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('records failed and successful sign-ins in the audit trail', async () => {
    const rows = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT a.action FROM audit_log a JOIN app_user u ON u.id = a.actor_user_id WHERE u.username = 'lock.me'`,
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.sign_in_failed').length).toBe(LOCK_AFTER_FAILURES + 1);
    expect(actions).toContain('auth.sign_in');
  });

  it('an unknown user and a wrong password get the same answer', async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'known.user');
    const unknown = await attempt('no.such.user', 'whatever-password');
    const wrong = await attempt('known.user', 'whatever-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe(wrong.json().error.code);
  });

  it('rate-limits sign-in per client address with 429 in the error shape', async () => {
    const from = '198.51.100.7';
    for (let i = 0; i < 20; i++) expect((await attempt('no.such.user', 'x', from)).statusCode).toBe(401);
    const limited = await attempt('no.such.user', 'x', from);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'AUTH.RATE_LIMITED', message: expect.any(String) } });
    expect(limited.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    expect((await attempt('no.such.user', 'x', '198.51.100.8')).statusCode).toBe(401);
  });

  it('a client cannot escape the rate limit by sending its own X-Forwarded-For', async () => {
    const from = '203.0.113.50';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: 'no.such.user', password: 'x' },
        remoteAddress: from,
        headers: { 'x-forwarded-for': `10.9.8.${i}` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, for the whole site, with a lifetime', async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'cookie.check');
    const res = await attempt('cookie.check', TEST_PASSWORD);
    const raw = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('dx_session='))!;
    expect(raw).toMatch(/;\s*HttpOnly/i);
    expect(raw).toMatch(/;\s*SameSite=Strict/i);
    expect(raw).toMatch(/;\s*Path=\//);
    expect(raw).toMatch(/;\s*Max-Age=\d+/);
    // The CSRF token travels in the body, never in a cookie script could read.
    expect(res.json().csrfToken).toEqual(expect.any(String));
    expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).join(';')).not.toContain(
      res.json().csrfToken,
    );
  });

  it('sends security headers on pages, API answers and errors', async () => {
    const viewer = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    for (const res of [
      await t.call(null, { method: 'GET', url: '/api/health' }),
      await t.call(viewer, { method: 'GET', url: '/api/auth/me' }),
      await t.call(null, { method: 'GET', url: '/api/auth/me' }),
      await t.call(viewer, { method: 'GET', url: '/api/users' }),
    ]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('refuses a state-changing request whose CSRF token is missing or wrong', async () => {
    const s = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    for (const headers of [{ cookie: s.cookie }, { cookie: s.cookie, 'x-csrf-token': 'guess' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers, payload: {} });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH.CSRF');
    }
    expect((await t.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('signing out ends only this session; signing out everywhere ends every session of the user', async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'many.devices');
    const [a, b, c] = [
      await t.signIn('many.devices'),
      await t.signIn('many.devices'),
      await t.signIn('many.devices'),
    ];
    const out = await t.call(a, { method: 'POST', url: '/api/auth/sign-out', payload: {} });
    expect(out.json()).toEqual({ sessionsEnded: 1 });
    expect((await t.call(a, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await t.call(b, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);

    const other = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    const everywhere = await t.call(b, {
      method: 'POST',
      url: '/api/auth/sign-out',
      payload: { everywhere: true },
    });
    expect(everywhere.statusCode).toBe(200);
    expect(everywhere.json().sessionsEnded).toBeGreaterThanOrEqual(3); // b, c and the one userWith opened
    const cleared = ([] as string[])
      .concat(everywhere.headers['set-cookie'] ?? [])
      .find((x) => x.startsWith('dx_session='))!;
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
    for (const s of [b, c]) {
      const res = await t.call(s, { method: 'GET', url: '/api/auth/me' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH.UNAUTHENTICATED');
    }
    // Other users' sessions are untouched.
    expect((await t.call(other, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });

  it('changing the password ends every session and the old password stops working', async () => {
    const s1 = await t.userWith([{ role: 'viewer', unitId: t.hp }], 'new.password');
    const s2 = await t.signIn('new.password');
    const wrong = await t.call(s1, {
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: 'not-the-password', newPassword: 'mot-mat-khau-moi-dai' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toEqual(['body', 'currentPassword']);
    const ok = await t.call(s1, {
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mot-mat-khau-moi-dai' },
    });
    expect(ok.statusCode).toBe(204);
    for (const s of [s1, s2])
      expect((await t.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await attempt('new.password', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await attempt('new.password', 'mot-mat-khau-moi-dai')).statusCode).toBe(200);
  });

  it('a session ends when its lifetime is over', async () => {
    const s: Session = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    expect((await t.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    later(12 * 3_600_000 + 1000);
    expect((await t.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('deactivating an account ends its sessions at once', async () => {
    const admin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    const s = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    const res = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${s.userId}`,
      payload: { version: 1, isActive: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.call(s, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});
