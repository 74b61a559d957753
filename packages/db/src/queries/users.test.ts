import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Db } from '../client';
import { orgUnit, roleGrant } from '../schema';
import { createTestDatabase } from '../testing';
import { unitIdsInProvince } from './targets';
import { findSessionActor, insertSession, insertUser, replaceGrants, updateUser } from './users';

let handle: DatabaseHandle;
let db: Db;
const P = crypto.randomUUID();
const WARD = crypto.randomUUID();
const OTHER = crypto.randomUUID();
const now = new Date('2026-03-01T08:00:00Z');
const later = new Date('2026-03-02T08:00:00Z');

async function userWithSession(name: string, expiresAt: Date) {
  const user = await insertUser(db, {
    username: name,
    displayName: `Tên ${name}`,
    email: null,
    passwordHash: 'x',
  });
  await insertSession(db, {
    tokenHash: `hash-${name}`,
    userId: user.id,
    csrfToken: `csrf-${name}`,
    expiresAt,
    ip: null,
    userAgent: null,
  });
  return user;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await db.insert(orgUnit).values([
    { id: P, provinceId: P },
    { id: WARD, provinceId: P },
    { id: OTHER, provinceId: OTHER },
  ]);
});
afterAll(async () => handle?.close());

describe('findSessionActor (the request hot path in one statement)', () => {
  it('returns the user and their grants, in grant order, with each granted unit’s province', async () => {
    const user = await userWithSession('canbo', later);
    await replaceGrants(db, user.id, [{ role: 'unit_officer', unitId: WARD }]);
    await db
      .insert(roleGrant)
      .values({ userId: user.id, role: 'viewer', unitId: null, createdAt: new Date(Date.now() + 60_000) });
    expect(await findSessionActor(db, 'hash-canbo', now)).toEqual({
      tokenHash: 'hash-canbo',
      csrfToken: 'csrf-canbo',
      userId: user.id,
      username: 'canbo',
      displayName: 'Tên canbo',
      grants: [
        { role: 'unit_officer', unitId: WARD, provinceId: P },
        { role: 'viewer', unitId: null, provinceId: null },
      ],
      // Read in the same statement: what this process may reuse from memory (epochs.ts).
      epochs: {
        units: expect.any(Number),
        plans: expect.any(Number),
        words: expect.any(Number),
        rollups: expect.any(Number),
      },
    });
  });

  it('gives a user without grants an empty list', async () => {
    await userWithSession('khong-quyen', later);
    expect((await findSessionActor(db, 'hash-khong-quyen', now))?.grants).toEqual([]);
  });

  it('ignores an expired session, an unknown token and an inactive user', async () => {
    await userWithSession('het-han', now);
    expect(await findSessionActor(db, 'hash-het-han', now)).toBeNull();
    expect(await findSessionActor(db, 'hash-khong-co', now)).toBeNull();
    const off = await userWithSession('da-khoa', later);
    await updateUser(db, off.id, 1, { isActive: false });
    expect(await findSessionActor(db, 'hash-da-khoa', now)).toBeNull();
  });
});

describe('unitIdsInProvince', () => {
  it('keeps only the units of the province', async () => {
    expect(await unitIdsInProvince(db, [WARD, OTHER, crypto.randomUUID()], P)).toEqual(new Set([WARD]));
    expect(await unitIdsInProvince(db, [], P)).toEqual(new Set());
  });
});
