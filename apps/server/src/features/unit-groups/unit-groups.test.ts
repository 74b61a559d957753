import { queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

describe('unit groups', () => {
  let t: TestApp;
  let office: Session;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    office = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    admin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
  });
  afterAll(async () => t?.close());

  const create = async (code: string, extra: Record<string, unknown> = {}) => {
    const res = await t.call(office, {
      method: 'POST',
      url: '/api/unit-groups',
      payload: { provinceId: t.hp, code, name: 'Các quận', kinds: ['district'], ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };

  it('the second save of the same version gets 409 with the current group; the first save is kept', async () => {
    const g = await create('cac-quan');
    const first = await t.call(office, {
      method: 'PATCH',
      url: `/api/unit-groups/${g.id}`,
      payload: { version: g.version, name: 'Các quận, huyện' },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.call(admin, {
      method: 'PATCH',
      url: `/api/unit-groups/${g.id}`,
      payload: { version: g.version, kinds: ['commune'] },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('RESOURCE.VERSION_CONFLICT');
    expect(second.json().error.details.current).toMatchObject({
      id: g.id,
      version: g.version + 1,
      name: 'Các quận, huyện',
      rule: { kinds: ['district'] },
    });
    const now = (await t.call(office, { method: 'GET', url: `/api/unit-groups/${g.id}` })).json();
    expect(now).toMatchObject({ name: 'Các quận, huyện', kinds: ['district'], version: g.version + 1 });
  });

  it('two saves sent at the same moment: exactly one wins', async () => {
    const g = await create('cung-luc');
    const [a, b] = await Promise.all([
      t.call(office, {
        method: 'PATCH',
        url: `/api/unit-groups/${g.id}`,
        payload: { version: g.version, name: 'Tên A' },
      }),
      t.call(admin, {
        method: 'PATCH',
        url: `/api/unit-groups/${g.id}`,
        payload: { version: g.version, name: 'Tên B' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('lists members as of a date: a rule by kind follows the structure of that date', async () => {
    const g = await create('quan-theo-ngay');
    const y2023 = (
      await t.call(office, { method: 'GET', url: `/api/unit-groups/${g.id}?asOf=2023-06-30` })
    ).json();
    const y2025 = (
      await t.call(office, { method: 'GET', url: `/api/unit-groups/${g.id}?asOf=2025-08-01` })
    ).json();
    expect(y2023.members).toHaveLength(15);
    expect(y2023.members.map((m: { name: string }) => m.name)).toContain('Quận Lê Chân');
    expect(y2025.members).toHaveLength(0);
  });

  it('explicit members must be units of the group province; a unit listed twice is a member once', async () => {
    const hd = await t.call(office, {
      method: 'POST',
      url: '/api/unit-groups',
      payload: { provinceId: t.hp, code: 'ngoai-tinh', name: 'Ngoài tỉnh', memberIds: [t.hd] },
    });
    expect(hd.statusCode).toBe(400);
    expect(hd.json().error.details.issues[0].path).toEqual(['body', 'memberIds', 0]);
    const twice = await create('hai-lan', { kinds: [], memberIds: [t.hp, t.hp] });
    const detail = (
      await t.call(office, { method: 'GET', url: `/api/unit-groups/${twice.id}?asOf=2023-06-30` })
    ).json();
    expect(detail.members).toHaveLength(1);
  });

  it('a code is unique within the province (409 naming the field)', async () => {
    await create('trung-ma');
    const res = await t.call(office, {
      method: 'POST',
      url: '/api/unit-groups',
      payload: { provinceId: t.hp, code: 'trung-ma', name: 'Trùng', kinds: ['district'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.issues[0].path).toEqual(['body', 'code']);
  });

  it('deleting a group is audited with what it was; a system group cannot be deleted or have its rule changed', async () => {
    const g = await create('de-xoa');
    expect((await t.call(office, { method: 'DELETE', url: `/api/unit-groups/${g.id}` })).statusCode).toBe(
      204,
    );
    const [entry] = await queryRows<{ before: { code: string } }>(
      t.handle.db,
      sql`SELECT before FROM audit_log WHERE action = 'unit_group.delete' AND entity_id = ${g.id}`,
    );
    expect(entry!.before.code).toBe('de-xoa');

    const system = await queryRows<{ id: string; version: number }>(
      t.handle.db,
      sql`SELECT id, version FROM unit_group WHERE is_system AND province_id = ${t.hp} LIMIT 1`,
    );
    expect(system).toHaveLength(1); // the seed gives every province its system groups
    const sys = system[0]!;
    expect((await t.call(office, { method: 'DELETE', url: `/api/unit-groups/${sys.id}` })).statusCode).toBe(
      409,
    );
    const rule = await t.call(office, {
      method: 'PATCH',
      url: `/api/unit-groups/${sys.id}`,
      payload: { version: sys.version, kinds: ['school'] },
    });
    expect(rule.statusCode).toBe(400);
  });
});
