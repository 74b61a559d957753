import { findUserByUsername, queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_PASSWORD, type TestApp } from '../../test/harness';

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

  const wrongTimes = async (username: string, n: number, from: string) => {
    for (let i = 0; i < n; i++) {
      const res = await attempt(username, 'wrong-password', from);
      expect(res.statusCode, res.body).toBe(401);
    }
  };

  it('makes one address wait after 5 failures on one account, doubling from 1 s, and never locks the account', async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'slow.me');
    const from = '192.0.2.200';
    await wrongTimes('slow.me', 5, from);
    // Even the right password waits: the wait is what stops guessing.
    const waiting = await attempt('slow.me', TEST_PASSWORD, from);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error).toEqual({
      code: 'AUTH.RATE_LIMITED',
      message: 'Đăng nhập sai nhiều lần. Vui lòng thử lại sau 1 giây.',
      reason: 'auth.tooManyFailures',
      params: { seconds: 1 },
      details: { retryAfterSeconds: 1 },
    });
    expect(waiting.cookies.find((c) => c.name === 'dx_session')).toBeUndefined();
    // The real user, from their own address, is not slowed down by these failures.
    expect((await attempt('slow.me', TEST_PASSWORD, '192.0.2.201')).statusCode).toBe(200);
    later(1_000);
    expect((await attempt('slow.me', 'wrong-password', from)).statusCode).toBe(401);
    expect((await attempt('slow.me', TEST_PASSWORD, from)).json().error.details).toEqual({
      retryAfterSeconds: 2,
    });
    later(2_000);
    expect((await attempt('slow.me', TEST_PASSWORD, from)).statusCode).toBe(200);
    // A success forgets the count: one typo later costs no wait.
    expect((await attempt('slow.me', 'wrong-password', from)).statusCode).toBe(401);
    expect((await attempt('slow.me', TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it('caps the account-wide wait of guesses spread over many addresses at one minute', async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'spread.me');
    // 30 failures, each from a new address, waiting out every wait imposed on the way.
    let failures = 0;
    for (let i = 0; failures < 30; i++) {
      const res = await attempt('spread.me', 'wrong-password', `198.18.1.${i}`);
      if (res.statusCode === 429) later(res.json().error.details.retryAfterSeconds * 1_000);
      else failures++;
    }
    const res = await attempt('spread.me', TEST_PASSWORD, '198.18.2.1');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.details.retryAfterSeconds).toBe(60);
    later(60_000);
    expect((await attempt('spread.me', TEST_PASSWORD, '198.18.2.1')).statusCode).toBe(200);
  });

  it('answers an unknown username exactly as a known one, failures and waits alike', async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'known.user');
    const seq = async (username: string, from: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await attempt(username, 'whatever-password', from);
        out.push([res.statusCode, res.json()]);
      }
      return out;
    };
    const known = await seq('known.user', '192.0.2.210');
    const unknown = await seq('no.such.user', '192.0.2.211');
    expect(unknown).toEqual(known);
    expect(known[0]).toEqual([
      401,
      {
        error: {
          code: 'AUTH.INVALID_CREDENTIALS',
          message: 'Tên đăng nhập hoặc mật khẩu không đúng',
          reason: 'auth.invalidCredentials',
        },
      },
    ]);
    expect((known[5] as [number])[0]).toBe(429);
  });

  it('lets an administrator unlock an account (audited), and a password reset by an administrator unlocks too', async () => {
    const admin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    const viewer = await t.userWith([{ role: 'viewer', unitId: t.hp }], 'unlock.me');
    const from = '192.0.2.220';
    await wrongTimes('unlock.me', 5, from);
    later(1_000);
    await wrongTimes('unlock.me', 1, from);
    const listed = await t.call(admin, { method: 'GET', url: `/api/users/${viewer.userId}` });
    expect(listed.json().isLocked).toBe(true);
    expect((await attempt('unlock.me', TEST_PASSWORD, from)).statusCode).toBe(429);

    const unlock = await t.call(admin, { method: 'POST', url: `/api/users/${viewer.userId}/unlock` });
    expect(unlock.statusCode, unlock.body).toBe(200);
    expect(unlock.json().isLocked).toBe(false);
    const audited = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE entity_id = ${viewer.userId} AND action = 'user.unlock'`,
    );
    expect(audited).toHaveLength(1);
    expect((await attempt('unlock.me', TEST_PASSWORD, from)).statusCode).toBe(200);

    await wrongTimes('unlock.me', 5, from);
    expect((await attempt('unlock.me', TEST_PASSWORD, from)).statusCode).toBe(429);
    const current = (await t.call(admin, { method: 'GET', url: `/api/users/${viewer.userId}` })).json();
    const reset = await t.call(admin, {
      method: 'PATCH',
      url: `/api/users/${viewer.userId}`,
      payload: { version: current.version, password: 'mat-khau-moi-dat-lai-2026' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await attempt('unlock.me', 'mat-khau-moi-dat-lai-2026', from)).statusCode).toBe(200);

    // Only someone who manages the account may unlock it.
    const other = await t.userWith([{ role: 'administrator', unitId: t.hd }]);
    expect(
      (await t.call(other, { method: 'POST', url: `/api/users/${viewer.userId}/unlock` })).statusCode,
    ).toBe(403);
  });

  it('records failed and successful sign-ins in the audit trail', async () => {
    const rows = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT a.action FROM audit_log a JOIN app_user u ON u.id = a.actor_user_id WHERE u.username = 'slow.me'`,
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'auth.sign_in_failed').length).toBe(7);
    expect(actions).toContain('auth.sign_in');
  });

  it('signing in over a live session ends that session (the old token dies)', async () => {
    await t.userWith([{ role: 'viewer', unitId: t.hp }], 'rotate.me');
    const first = await t.signIn('rotate.me');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'rotate.me', password: TEST_PASSWORD },
      remoteAddress: '192.0.2.230',
      headers: { cookie: first.cookie },
    });
    expect(res.statusCode).toBe(200);
    const fresh = res.cookies.find((c) => c.name === 'dx_session')!.value;
    expect(`dx_session=${fresh}`).not.toBe(first.cookie);
    expect((await t.call(first, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `dx_session=${fresh}` } }))
        .statusCode,
    ).toBe(200);
  });

  it('rate-limits sign-in per client address with 429 in the error shape', async () => {
    const from = '198.51.100.7';
    // A different username each time: the per-address limit, not the per-account throttle.
    for (let i = 0; i < 20; i++) expect((await attempt(`no.such.user${i}`, 'x', from)).statusCode).toBe(401);
    const limited = await attempt('no.such.user.last', 'x', from);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: { code: 'AUTH.RATE_LIMITED', message: expect.any(String), reason: 'auth.tooManyRequests' },
    });
    expect(limited.headers['retry-after']).toBeDefined();
    // Another address is not affected.
    expect((await attempt('no.such.user.last', 'x', '198.51.100.8')).statusCode).toBe(401);
  });

  it('a client cannot escape the rate limit by sending its own X-Forwarded-For', async () => {
    const from = '203.0.113.50';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: `no.such.user.xff${i}`, password: 'x' },
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
