import {
  type DatabaseHandle,
  findProvinceByCode,
  insertUser,
  replaceGrants,
  seedReportingBodies,
  seedUnits,
  syncProvinceCatalogue,
} from '@dx/db';
import { createTestDatabase } from '@dx/db/testing';
import type { Role } from '@dx/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../config/env';
import { hashPassword } from '../lib/passwords';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2023';

export type Session = { cookie: string; csrf: string; userId: string };

export type TestApp = {
  app: FastifyInstance;
  handle: DatabaseHandle;
  /** Hải Phòng and Hải Dương province ids. */
  hp: string;
  hd: string;
  /** Creates a user holding the given grants and returns a signed-in session. */
  userWith(grants: { role: Role; unitId: string | null }[], username?: string): Promise<Session>;
  signIn(username: string, password?: string): Promise<Session>;
  /** Calls the API in-process as the session (cookie + CSRF header). */
  call(session: Session | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

let counter = 0;
let addressCounter = 0;
/** A distinct client address per sign-in, so files creating many sessions stay under the sign-in rate limit. */
const nextAddress = () => {
  addressCounter++;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};
let cachedHash: Promise<string> | undefined;

/**
 * A real app on a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set) with the units seeded; with
 * `seed: 'none'` only the province catalogue (as `SEED=none npm start`), and `hp`/`hd` are empty.
 */
export async function createTestApp(opts: { clock?: () => Date; seed?: 'none' } = {}): Promise<TestApp> {
  const handle = await createTestDatabase();
  if (opts.seed === 'none') {
    // As bootstrap does for SEED=none: the catalogue and the national bodies, no province's data.
    await syncProvinceCatalogue(handle.db);
    await seedReportingBodies(handle.db);
  } else await seedUnits(handle.db);
  const hp = (await findProvinceByCode(handle.db, '31')) ?? '';
  const hd = (await findProvinceByCode(handle.db, '30')) ?? '';
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }), webDist: '/nonexistent' };
  const app = await buildApp({
    db: handle.db,
    config,
    clock: opts.clock,
    logger: true,
    health: handle.health,
  });
  await app.ready();
  cachedHash ??= hashPassword(TEST_PASSWORD);

  const signIn = async (username: string, password = TEST_PASSWORD): Promise<Session> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password },
      remoteAddress: nextAddress(),
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
    async userWith(grants, username = `user${++counter}_${process.pid}`) {
      const user = await insertUser(handle.db, {
        username,
        displayName: `Người dùng ${username}`,
        email: null,
        passwordHash: await cachedHash!,
      });
      await replaceGrants(handle.db, user.id, grants);
      return signIn(username);
    },
    call(session, opts) {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
      if (session) {
        headers.cookie = session.cookie;
        headers['x-csrf-token'] = session.csrf;
      }
      return app.inject({ ...opts, headers });
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
