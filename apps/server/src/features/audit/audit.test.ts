import { queryRows } from '@dx/db';
import { localDateOf } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { routesWithoutHead } from '../../test/routes';

type Entry = {
  id: number;
  action: string;
  entityType: string;
  entityId: string | null;
  entityName: string | null;
  actorName: string | null;
  actorUserId: string | null;
  provinceId: string | null;
  before: unknown;
  after: unknown;
};

describe('audit trail', () => {
  let t: TestApp;
  let sys: Session;
  let hpAdmin: Session;
  let office: Session;
  let groupId: string;

  const list = async (
    query: string,
    as: Session = sys,
  ): Promise<{ items: Entry[]; nextBeforeId: number | null }> => {
    const res = await t.call(as, { method: 'GET', url: `/api/audit${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    hpAdmin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    office = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    const g = await t.call(office, {
      method: 'POST',
      url: '/api/unit-groups',
      payload: { provinceId: t.hp, code: 'nhom-nhat-ky', name: 'Nhóm nhật ký', kinds: ['district'] },
    });
    groupId = g.json().id;
    await t.call(office, {
      method: 'PATCH',
      url: `/api/unit-groups/${groupId}`,
      payload: { version: 1, name: 'Nhóm nhật ký (sửa)' },
    });
    await t.call(hpAdmin, {
      method: 'POST',
      url: '/api/unit-groups',
      payload: { provinceId: t.hp, code: 'nhom-khac', name: 'Nhóm khác', kinds: ['commune'] },
    });
  });
  afterAll(async () => t?.close());

  it('records who, when, what, and the record before and after', async () => {
    const { items } = await list(`?entityType=unit_group&entityId=${groupId}`);
    expect(items.map((e) => e.action)).toEqual(['unit_group.update', 'unit_group.create']);
    const update = items[0]!;
    expect(update).toMatchObject({
      actorUserId: office.userId,
      provinceId: t.hp,
      before: { name: 'Nhóm nhật ký' },
      after: { name: 'Nhóm nhật ký (sửa)' },
    });
    const res = await t.call(sys, { method: 'GET', url: `/api/audit?entityId=${groupId}` });
    const at = new Date(res.json().items[0].at);
    expect(Math.abs(at.getTime() - Date.now())).toBeLessThan(5 * 60_000);
  });

  it('filters by action, actor and local date range, newest first', async () => {
    const byAction = await list('?action=unit_group.create');
    expect(byAction.items).toHaveLength(2);
    expect(byAction.items.every((e) => e.action === 'unit_group.create')).toBe(true);
    expect(byAction.items[0]!.id).toBeGreaterThan(byAction.items[1]!.id);

    const byActor = await list(`?actorUserId=${hpAdmin.userId}&entityType=unit_group`);
    expect(byActor.items.map((e) => e.action)).toEqual(['unit_group.create']);

    const today = localDateOf(new Date());
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const yesterday = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
    expect((await list(`?from=${today}&to=${today}&action=unit_group.create`)).items).toHaveLength(2);
    expect((await list(`?to=${yesterday}&action=unit_group.create`)).items).toHaveLength(0);
    expect((await list(`?from=${today}&entityType=nothing-like-this`)).items).toHaveLength(0);
  });

  it('pages with limit and beforeId without gaps or repeats', async () => {
    const all = (await list('?limit=500')).items.map((e) => e.id);
    expect(all.length).toBeGreaterThan(4);
    const seen: number[] = [];
    let beforeId: number | null = null;
    do {
      const page: { items: Entry[]; nextBeforeId: number | null } = await list(
        `?limit=2${beforeId ? `&beforeId=${beforeId}` : ''}`,
      );
      seen.push(...page.items.map((e) => e.id));
      beforeId = page.nextBeforeId;
    } while (beforeId !== null);
    expect(seen).toEqual(all);
  });

  it('a province administrator sees its province only, and no province-less entries', async () => {
    const items = (await list('?limit=500', hpAdmin)).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.provinceId === t.hp)).toBe(true);
    const hdAdmin = await t.userWith([{ role: 'administrator', unitId: t.hd }]);
    expect((await list('?limit=500', hdAdmin)).items.every((e) => e.provinceId === t.hd)).toBe(true);
    const res = await t.call(office, { method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(403);
  });

  it('no route edits or deletes audit entries', async () => {
    const auditRoutes = routesWithoutHead(t.app).filter((r) => r.split(' ')[1]!.startsWith('/api/audit'));
    expect(auditRoutes).toEqual(['GET /api/audit']);
    const [entry] = (await list('?limit=1')).items;
    const before = await queryRows(t.handle.db, sql`SELECT count(*) AS n, max(id) AS m FROM audit_log`);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/api/audit', `/api/audit/${entry!.id}`]) {
        const res = await t.call(sys, { method, url, payload: { action: 'forged' } });
        expect(res.statusCode, `${method} ${url}`).toBe(404);
      }
    }
    expect(await queryRows(t.handle.db, sql`SELECT count(*) AS n, max(id) AS m FROM audit_log`)).toEqual(
      before,
    );
  });

  it(`the database refuses UPDATE, DELETE and TRUNCATE of audit entries (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const [row] = await queryRows<{ id: string; action: string }>(
      t.handle.db,
      sql`SELECT id, action FROM audit_log ORDER BY id LIMIT 1`,
    );
    const attempts = [
      sql`UPDATE audit_log SET action = 'forged' WHERE id = ${row!.id}`,
      sql`UPDATE audit_log SET actor_name = 'someone else'`,
      sql`DELETE FROM audit_log WHERE id = ${row!.id}`,
      sql`DELETE FROM audit_log`,
      sql`TRUNCATE audit_log`,
    ];
    const count = async () =>
      (await queryRows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM audit_log`))[0]!.n;
    const n = await count();
    for (const attempt of attempts) {
      await expect(t.handle.db.execute(attempt)).rejects.toThrow();
    }
    expect(await count()).toBe(n);
    const [same] = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE id = ${row!.id}`,
    );
    expect(same!.action).toBe(row!.action);
    // Appending still works.
    await t.handle.db.execute(
      sql`INSERT INTO audit_log (action, entity_type) VALUES ('test.append', 'test')`,
    );
    expect(Number(await count())).toBe(Number(n) + 1);
  });

  it('names the object changed and who changed it, not only their ids (issue 19)', async () => {
    const { items } = await list(`?entityType=unit_group&entityId=${groupId}`);
    expect(items.length).toBeGreaterThan(0);
    // The group's name as it is now, on every entry about it.
    for (const e of items) expect(e.entityName).toBe('Nhóm nhật ký (sửa)');
    expect(items.every((e) => e.actorName)).toBe(true);
  });
});
