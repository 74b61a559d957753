import { findProvinceByCode, insertUser, replaceGrants, seedUnits } from '@dx/db';
import { createTestDatabase } from '@dx/db/testing';
import type { InjectOptions } from 'fastify';
import { buildApp } from '../../app';
import { loadConfig } from '../../config/env';
import { hashPassword } from '../../lib/passwords';
import type { Session, TestApp } from '../../test/harness';

const PASSWORD = 'mat-khau-thu-nghiem-2023';
let counter = 0;

/**
 * Like test/harness.ts createTestApp, with the evidence and target routes on (buildApp keeps them off until the
 * shared route matrices list them). Same shape, so the tests read the same.
 */
export async function createEvidenceTestApp(opts: { clock?: () => Date } = {}): Promise<TestApp> {
  const handle = await createTestDatabase();
  await seedUnits(handle.db);
  const hp = (await findProvinceByCode(handle.db, '31'))!;
  const hd = (await findProvinceByCode(handle.db, '30'))!;
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }), webDist: '/nonexistent' };
  const app = await buildApp({ db: handle.db, config, clock: opts.clock, evidenceRoutes: true });
  await app.ready();
  const hash = await hashPassword(PASSWORD);
  const signIn = async (username: string, password = PASSWORD): Promise<Session> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password },
      remoteAddress: `10.9.${(++counter >> 8) & 255}.${counter & 255}`,
    });
    if (res.statusCode !== 200) throw new Error(`sign-in ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'dx_session')!;
    return { cookie: `dx_session=${cookie.value}`, csrf: res.json().csrfToken, userId: res.json().user.id };
  };
  return {
    app,
    handle,
    hp,
    hd,
    signIn,
    async userWith(grants, username = `ev${++counter}_${process.pid}`) {
      const user = await insertUser(handle.db, { username, displayName: `Người dùng ${username}`, email: null, passwordHash: hash });
      await replaceGrants(handle.db, user.id, grants);
      return signIn(username);
    },
    call(session, o: InjectOptions) {
      const headers: Record<string, string> = { ...(o.headers as Record<string, string>) };
      if (session) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrf;
      }
      return app.inject({ ...o, headers });
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
