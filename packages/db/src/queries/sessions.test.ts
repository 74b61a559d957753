import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { createTestDatabase } from '../testing';
import { deleteExpiredSessions, findSessionActor, insertSession, insertUser } from './users';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

it('purging expired sessions removes only those past their expiry', async () => {
  const now = new Date('2026-03-01T08:00:00Z');
  const user = await insertUser(handle.db, {
    username: 'purge',
    displayName: 'Người dùng',
    email: null,
    passwordHash: 'x',
  });
  const session = (tokenHash: string, expiresAt: Date) =>
    insertSession(handle.db, {
      tokenHash,
      userId: user.id,
      csrfToken: 'c',
      expiresAt,
      ip: null,
      userAgent: null,
    });
  await session('expired', new Date('2026-03-01T07:59:59Z'));
  await session('live', new Date('2026-03-01T08:00:01Z'));

  expect(await deleteExpiredSessions(handle.db, now)).toBe(1);
  expect(await deleteExpiredSessions(handle.db, now)).toBe(0);
  expect(await findSessionActor(handle.db, 'live', now)).not.toBeNull();
  const left = await handle.pool.query('SELECT token_hash FROM session ORDER BY token_hash');
  expect(left.rows).toEqual([{ token_hash: 'live' }]);
});
