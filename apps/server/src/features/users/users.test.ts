import { queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

describe('users: concurrent edits and scope', () => {
  let t: TestApp;
  let admin1: Session;
  let admin2: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin1 = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    admin2 = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
  });
  afterAll(async () => t?.close());

  const newUser = async (username: string) => {
    const res = await t.call(admin1, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username,
        displayName: 'Nguyễn Văn A',
        password: 'mat-khau-du-dai',
        grants: [{ role: 'viewer', unitId: t.hp }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };

  it('the second save of the same version gets 409 with the current record; the first save is kept', async () => {
    const u = await newUser('hai.nguoi.sua');
    const first = await t.call(admin1, {
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { version: u.version, displayName: 'Tên do người thứ nhất sửa' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(u.version + 1);
    const second = await t.call(admin2, {
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: { version: u.version, email: 'nguoi.thu.hai@haiphong.gov.vn' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('RESOURCE.VERSION_CONFLICT');
    expect(second.json().error.details.current).toMatchObject({
      id: u.id,
      version: u.version + 1,
      displayName: 'Tên do người thứ nhất sửa',
      email: null,
    });
    expect(second.json().error.details.current.passwordHash).toBeUndefined();
    const now = await t.call(admin1, { method: 'GET', url: `/api/users/${u.id}` });
    expect(now.json()).toMatchObject({
      displayName: 'Tên do người thứ nhất sửa',
      email: null,
      version: u.version + 1,
    });
    // The refused save left no audit entry; the accepted one did, with before and after.
    const audit = await queryRows<{
      action: string;
      before: { displayName: string };
      after: { displayName: string };
    }>(
      t.handle.db,
      sql`SELECT action, before, after FROM audit_log WHERE entity_id = ${u.id} AND action = 'user.update'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before.displayName).toBe('Nguyễn Văn A');
    expect(audit[0]!.after.displayName).toBe('Tên do người thứ nhất sửa');
  });

  it('two saves sent at the same moment: exactly one wins, the other gets 409', async () => {
    const u = await newUser('cung.luc');
    const [a, b] = await Promise.all([
      t.call(admin1, {
        method: 'PATCH',
        url: `/api/users/${u.id}`,
        payload: { version: u.version, displayName: 'Phiên bản A' },
      }),
      t.call(admin2, {
        method: 'PATCH',
        url: `/api/users/${u.id}`,
        payload: { version: u.version, displayName: 'Phiên bản B' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'Phiên bản A' : 'Phiên bản B';
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.details.current).toMatchObject({ displayName: winner, version: u.version + 1 });
    expect((await t.call(admin1, { method: 'GET', url: `/api/users/${u.id}` })).json().displayName).toBe(
      winner,
    );
  });

  it('a username is unique regardless of case', async () => {
    await newUser('Trung.Ten');
    const res = await t.call(admin1, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'trung.ten',
        displayName: 'Người khác',
        password: 'mat-khau-du-dai',
        grants: [{ role: 'viewer', unitId: t.hp }],
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('USER.USERNAME_TAKEN');
    expect(res.json().error.details.issues[0].path).toEqual(['body', 'username']);
  });

  it('an administrator cannot lock itself out or drop its own administrator role', async () => {
    const me = (await t.call(admin1, { method: 'GET', url: `/api/users/${admin1.userId}` })).json();
    const res = await t.call(admin1, {
      method: 'PATCH',
      url: `/api/users/${admin1.userId}`,
      payload: { version: me.version, isActive: false },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toEqual(['body', 'isActive']);
  });

  it('only a system administrator grants the all-provinces scope', async () => {
    const res = await t.call(admin1, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'toan.quoc',
        displayName: 'Toàn quốc',
        password: 'mat-khau-du-dai',
        grants: [{ role: 'viewer', unitId: null }],
      },
    });
    expect(res.statusCode).toBe(403);
    const sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    const ok = await t.call(sys, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'toan.quoc',
        displayName: 'Toàn quốc',
        password: 'mat-khau-du-dai',
        grants: [{ role: 'viewer', unitId: null }],
      },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('an administrator lists exactly the accounts it may open', async () => {
    const sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    const reorg = (name: string) =>
      t.call(sys, {
        method: 'POST',
        url: '/api/reorganisations',
        payload: {
          type: 'create',
          effectiveDate: '2023-01-01',
          unit: { name, kind: 'district', parentUnitId: t.hp },
        },
      });
    const mine = (await reorg('Quận Của Tôi')).json().createdUnitIds[0];
    const other = (await reorg('Quận Bên Cạnh')).json().createdUnitIds[0];
    const make = async (username: string, grants: { role: string; unitId: string | null }[]) =>
      (
        await t.call(sys, {
          method: 'POST',
          url: '/api/users',
          payload: { username, displayName: username, password: 'mat-khau-du-dai', grants },
        })
      ).json().id as string;
    const inMine = await make('o.quan.toi', [{ role: 'unit_officer', unitId: mine }]);
    const inOther = await make('o.quan.ben', [{ role: 'unit_officer', unitId: other }]);
    // Hải Dương ended on 01/07/2025 (merged into Hải Phòng): no new grant on it, so this account's is an old one.
    const twoProvinces = (
      await t.userWith(
        [
          { role: 'viewer', unitId: t.hp },
          { role: 'viewer', unitId: t.hd },
        ],
        'hai.tinh',
      )
    ).userId;
    const districtAdmin = await t.userWith([{ role: 'administrator', unitId: mine }]);

    const listed = async (as: Session) => {
      const res = await t.call(as, { method: 'GET', url: '/api/users?limit=500' });
      expect(res.statusCode).toBe(200);
      return res.json().items.map((u: { id: string }) => u.id) as string[];
    };
    const opens = async (as: Session, id: string) =>
      (await t.call(as, { method: 'GET', url: `/api/users/${id}` })).statusCode;

    for (const as of [districtAdmin, admin1]) {
      const ids = await listed(as);
      for (const id of [inMine, inOther, twoProvinces]) {
        expect(ids.includes(id), `listed ${id}`).toBe((await opens(as, id)) === 200);
      }
    }
    expect(await listed(districtAdmin)).toContain(inMine);
    expect(await listed(districtAdmin)).not.toContain(inOther);
    expect(await listed(admin1)).not.toContain(twoProvinces);
    expect(await listed(sys)).toContain(twoProvinces);
    const page = await t.call(districtAdmin, { method: 'GET', url: '/api/users?limit=1&offset=0' });
    expect(page.json().total).toBe((await listed(districtAdmin)).length);
  });

  it('the same grant listed twice is stored once', async () => {
    const res = await t.call(admin1, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'hai.lan',
        displayName: 'Hai lần',
        password: 'mat-khau-du-dai',
        grants: [
          { role: 'viewer', unitId: t.hp },
          { role: 'viewer', unitId: t.hp },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().grants).toHaveLength(1);
  });

  it('a grant on a unit merged away is flagged with its successor and moved in one step, audited (issue 15)', async () => {
    const unitNamed = async (name: string) =>
      (
        await queryRows<{ id: string }>(
          t.handle.db,
          sql`SELECT v.unit_id AS id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
               WHERE u.province_id = ${t.hp} AND v.name = ${name} ORDER BY v.valid_from NULLS FIRST LIMIT 1`,
        )
      )[0]!.id;
    const old = await unitNamed('Sở Thông tin và Truyền thông');
    // A new grant on the ended unit is refused, on the field that names it, pointing to the successor.
    const refused = await t.call(admin1, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'can.bo.moi',
        displayName: 'Cán bộ mới',
        password: 'mat-khau-du-dai',
        grants: [
          { role: 'viewer', unitId: t.hp },
          { role: 'dx_office', unitId: old },
        ],
      },
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details.issues).toEqual([
      {
        path: ['body', 'grants', 1, 'unitId'],
        message: expect.stringMatching(
          /^Đơn vị đã kết thúc từ ngày 01\/0[37]\/2025; chọn đơn vị kế thừa: Sở Khoa học/,
        ),
      },
    ]);
    // Said to be meant (an account to enter the records of 2023), it is made.
    const meant = await t.call(admin1, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: 'can.bo.nhap.2023',
        displayName: 'Cán bộ nhập hồ sơ 2023',
        password: 'mat-khau-du-dai',
        grants: [{ role: 'dx_office', unitId: old }],
        allowEndedUnits: true,
      },
    });
    expect(meant.statusCode, meant.body).toBe(201);
    // A grant made before the merger (as the seeded accounts were) stays, and the account can still be edited.
    const session = await t.userWith(
      [
        { role: 'dx_office', unitId: old },
        { role: 'viewer', unitId: t.hp },
      ],
      'can.bo.so.cu',
    );
    const u = (await t.call(admin1, { method: 'GET', url: `/api/users/${session.userId}` })).json() as {
      id: string;
      version: number;
      grants: { role: string; unitId: string }[];
    };
    const renamed = await t.call(admin1, {
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      payload: {
        version: u.version,
        displayName: 'Cán bộ sở cũ',
        grants: u.grants.map(({ role, unitId }) => ({ role, unitId })),
      },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    u.version = renamed.json().version;
    // The list's filter finds the accounts granted on ended units, and only them.
    const filtered = (
      await t.call(admin1, { method: 'GET', url: '/api/users?endedGrants=true&limit=200' })
    ).json();
    expect(filtered.items.map((x: { username: string }) => x.username)).toContain('can.bo.so.cu');
    expect(filtered.items.every((x: { grants: { ended: unknown }[] }) => x.grants.some((g) => g.ended))).toBe(
      true,
    );
    const shown = (await t.call(admin1, { method: 'GET', url: `/api/users/${u.id}` })).json();
    const flagged = shown.grants.find((g: { unitId: string }) => g.unitId === old);
    expect(flagged.ended).toEqual({
      on: expect.stringMatching(/^2025-0[37]-01$/),
      successorId: expect.any(String),
      successorName: 'Sở Khoa học và Công nghệ',
    });
    expect(shown.grants.find((g: { unitId: string }) => g.unitId === t.hp).ended).toBeNull();
    const listed = (await t.call(admin1, { method: 'GET', url: '/api/users?q=can.bo.so.cu' })).json();
    expect(listed.items[0].grants.some((g: { ended: unknown }) => g.ended)).toBe(true);

    // A stale screen gets 409; the current version moves the grant and ends the account's sessions.
    const url = `/api/users/${u.id}/grants/follow-successors`;
    const stale = await t.call(admin1, { method: 'POST', url, payload: { version: u.version - 1 } });
    expect(stale.statusCode).toBe(409);
    const moved = await t.call(admin1, { method: 'POST', url, payload: { version: shown.version } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'dx_office', unitId: flagged.ended.successorId, ended: null }),
        expect.objectContaining({ role: 'viewer', unitId: t.hp, ended: null }),
      ]),
    );
    const [entry] = await queryRows<{ after: { moved: unknown[] } }>(
      t.handle.db,
      sql`SELECT after FROM audit_log WHERE action = 'user.grants_follow_successors' AND entity_id = ${u.id}`,
    );
    expect(entry?.after.moved).toEqual([{ role: 'dx_office', from: old, to: flagged.ended.successorId }]);
    // Nothing left to move: a 400, nothing written.
    const again = await t.call(admin1, { method: 'POST', url, payload: { version: moved.json().version } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.issues[0].path).toEqual(['params', 'userId']);
  });
});
