import { queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

type Unit = {
  unitId: string;
  name: string;
  parentUnitId: string | null;
  parentName: string | null;
  versionId: string;
  version: number;
  validFrom: string | null;
  validTo: string | null;
};
/**
 * What a unit was on a date. Closing a version later records when it ended (validTo, and its row version for
 * concurrent corrections), which is new knowledge, not a change to what held on that date.
 */
const facts = (units: Unit[]) => units.map(({ validTo: _end, version: _v, ...rest }) => rest);

type Link = { unitId: string; name: string; share: string; effectiveDate: string };

/**
 * Reorganisations through the API on a district built for the test (the seeded districts all end on 01/07/2025, so
 * nothing can be recorded on them before that date): Huyện Thử Nghiệm with four communes, and Huyện Bên Cạnh.
 */
describe('org units through time, via the API', () => {
  let t: TestApp;
  let admin: Session;
  const u = {} as Record<'district' | 'other' | 'a' | 'b' | 'c' | 'd', string>;
  let history2023: unknown;

  const reorganise = (payload: Record<string, unknown>, as: Session = admin) =>
    t.call(as, { method: 'POST', url: '/api/reorganisations', payload });
  const created = async (payload: Record<string, unknown>) => {
    const res = await reorganise(payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().createdUnitIds as string[];
  };
  const children = async (parentId: string, asOf: string): Promise<Unit[]> => {
    const res = await t.call(admin, {
      method: 'GET',
      url: `/api/org-units?provinceId=${t.hp}&parentId=${parentId}&asOf=${asOf}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const names = async (parentId: string, asOf: string) =>
    (await children(parentId, asOf)).map((x) => x.name).sort();
  const detail = async (unitId: string) =>
    (await t.call(admin, { method: 'GET', url: `/api/org-units/${unitId}` })).json();
  const districtNamed = async (asOf: string) => {
    const res = await t.call(admin, {
      method: 'GET',
      url: `/api/org-units?provinceId=${t.hp}&q=thu%20nghiem&kind=district&asOf=${asOf}`,
    });
    return res.json().items.map((x: Unit) => x.name);
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    const one = async (payload: Record<string, unknown>) => (await created(payload))[0]!;
    const unit = (name: string, kind: string, parentUnitId: string) => ({
      type: 'create',
      effectiveDate: '2023-01-01',
      unit: { name, kind, adminType: kind === 'district' ? 'Huyện' : 'Xã', parentUnitId },
    });
    u.district = await one(unit('Huyện Thử Nghiệm', 'district', t.hp));
    u.other = await one(unit('Huyện Bên Cạnh', 'district', t.hp));
    u.a = await one(unit('Xã An', 'commune', u.district));
    u.b = await one(unit('Xã Bình', 'commune', u.district));
    u.c = await one(unit('Xã Cát', 'commune', u.district));
    u.d = await one(unit('Xã Dương', 'commune', u.district));
    history2023 = await children(u.district, '2023-06-30');
  });
  afterAll(async () => t?.close());

  it('rename effective 01/01/2024: the old name as of 30/06/2023, the new one as of 30/06/2024', async () => {
    await created({
      type: 'rename',
      effectiveDate: '2024-01-01',
      unitId: u.district,
      name: 'Quận Thử Nghiệm',
      adminType: 'Quận',
      legalBasis: 'Nghị quyết thử',
    });
    expect(await districtNamed('2023-06-30')).toEqual(['Huyện Thử Nghiệm']);
    expect(await districtNamed('2024-06-30')).toEqual(['Quận Thử Nghiệm']);
    // The last day before and the effective day itself.
    expect(await districtNamed('2023-12-31')).toEqual(['Huyện Thử Nghiệm']);
    expect(await districtNamed('2024-01-01')).toEqual(['Quận Thử Nghiệm']);
    const versions = (await detail(u.district)).versions;
    expect(versions.map((v: Unit) => [v.name, v.validFrom, v.validTo])).toEqual([
      ['Huyện Thử Nghiệm', '2023-01-01', '2024-01-01'],
      ['Quận Thử Nghiệm', '2024-01-01', null],
    ]);
    // Children keep their identity and show the parent's name of each date.
    expect((await children(u.district, '2023-06-30'))[0]!.parentName).toBe('Huyện Thử Nghiệm');
    expect((await children(u.district, '2024-06-30'))[0]!.parentName).toBe('Quận Thử Nghiệm');
  });

  it("refuses a change dated on or before the unit's last change", async () => {
    for (const effectiveDate of ['2023-12-01', '2024-01-01']) {
      const res = await reorganise({ type: 'rename', effectiveDate, unitId: u.district, name: 'Quận Khác' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].path).toEqual(['body', 'unitId']);
    }
    expect(await districtNamed('2024-06-30')).toEqual(['Quận Thử Nghiệm']);
  });

  it('merge two communes into a new one: it lists both as predecessors; the tree the day before is unchanged', async () => {
    const dayBefore = await children(u.district, '2024-02-29');
    const [merged] = await created({
      type: 'merge',
      effectiveDate: '2024-03-01',
      sources: [{ unitId: u.a }, { unitId: u.b }],
      intoNew: { name: 'Xã An Bình', kind: 'commune', adminType: 'Xã', parentUnitId: u.district },
    });
    const m = await detail(merged!);
    expect(m.predecessors.map((p: Link) => p.name).sort()).toEqual(['Xã An', 'Xã Bình']);
    expect(m.predecessors.every((p: Link) => p.share === 'full' && p.effectiveDate === '2024-03-01')).toBe(
      true,
    );
    expect((await detail(u.a)).successors.map((s: Link) => s.unitId)).toEqual([merged]);
    expect(facts(await children(u.district, '2024-02-29'))).toEqual(facts(dayBefore));
    expect(await names(u.district, '2024-03-01')).toEqual(['Xã An Bình', 'Xã Cát', 'Xã Dương']);
    // The sources' histories end the day before; they are not deleted.
    expect((await detail(u.b)).versions.at(-1).validTo).toBe('2024-03-01');
  });

  it('split a commune into two new ones: the source ends, each new one points back to it', async () => {
    const ids = await created({
      type: 'split',
      effectiveDate: '2024-05-01',
      unitId: u.c,
      into: [
        { name: 'Xã Cát Bắc', kind: 'commune', parentUnitId: u.district },
        { name: 'Xã Cát Nam', kind: 'commune', parentUnitId: u.district },
      ],
    });
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      const preds = (await detail(id)).predecessors;
      expect(preds.map((p: Link) => [p.unitId, p.share])).toEqual([[u.c, 'partial']]);
    }
    expect(await names(u.district, '2024-04-30')).toEqual(['Xã An Bình', 'Xã Cát', 'Xã Dương']);
    expect(await names(u.district, '2024-05-01')).toEqual([
      'Xã An Bình',
      'Xã Cát Bắc',
      'Xã Cát Nam',
      'Xã Dương',
    ]);
  });

  it('move a commune to another district from a date', async () => {
    await created({ type: 'move', effectiveDate: '2024-06-01', unitId: u.d, parentUnitId: u.other });
    expect(await names(u.other, '2024-05-31')).toEqual([]);
    expect(await names(u.other, '2024-06-01')).toEqual(['Xã Dương']);
    expect(await names(u.district, '2024-05-31')).toContain('Xã Dương');
    expect(await names(u.district, '2024-06-01')).not.toContain('Xã Dương');
  });

  it('refuses moving a district under one of its own communes', async () => {
    const res = await reorganise({
      type: 'move',
      effectiveDate: '2024-09-01',
      unitId: u.other,
      parentUnitId: u.d,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { path: unknown }) => i.path)).toContainEqual([
      'body',
      'parentUnitId',
    ]);
  });

  it('refuses ending a unit while it has children, then ends it once they are gone', async () => {
    const refused = await reorganise({ type: 'end', effectiveDate: '2024-07-01', unitId: u.other });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('VALIDATION.FAILED');
    expect(refused.json().error.details.issues[0]).toMatchObject({
      path: ['body', 'unitId'],
      message: expect.stringContaining('Xã Dương'),
    });
    expect((await detail(u.other)).versions.at(-1).validTo).toBeNull();

    await created({ type: 'end', effectiveDate: '2024-07-01', unitId: u.d });
    await created({ type: 'end', effectiveDate: '2024-08-01', unitId: u.other });
    const named = async (asOf: string) =>
      (
        await t.call(admin, {
          method: 'GET',
          url: `/api/org-units?provinceId=${t.hp}&q=ben%20canh&asOf=${asOf}`,
        })
      ).json().items;
    expect((await named('2024-07-31')).map((x: Unit) => x.name)).toEqual(['Huyện Bên Cạnh']);
    expect(await named('2024-08-01')).toEqual([]);
  });

  it('history before every recorded change is exactly what it was', async () => {
    expect(facts(await children(u.district, '2023-06-30'))).toEqual(facts(history2023 as Unit[]));
  });

  it('two reorganisations of the same unit at the same moment: one is recorded, the other refused', async () => {
    const [x, y] = await Promise.all([
      reorganise({ type: 'rename', effectiveDate: '2025-02-01', unitId: u.district, name: 'Quận Một' }),
      reorganise({ type: 'rename', effectiveDate: '2025-02-01', unitId: u.district, name: 'Quận Hai' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 400]);
    const versions = (await detail(u.district)).versions;
    expect(versions.filter((v: Unit) => v.validFrom === '2025-02-01')).toHaveLength(1);
  });

  it('correcting a version: the second save of the same version gets 409 with the current version', async () => {
    const v = (await detail(u.a)).versions[0] as Unit;
    const body = { code: null, adminType: 'Xã', kind: 'commune' };
    const first = await t.call(admin, {
      method: 'PATCH',
      url: `/api/org-units/versions/${v.versionId}`,
      payload: { ...body, version: v.version, name: 'Xã An (sửa chính tả)' },
    });
    expect(first.statusCode, first.body).toBe(200);
    const other = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    const second = await t.call(other, {
      method: 'PATCH',
      url: `/api/org-units/versions/${v.versionId}`,
      payload: { ...body, version: v.version, name: 'Xã An Khác' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('RESOURCE.VERSION_CONFLICT');
    expect(second.json().error.details.current).toMatchObject({
      versionId: v.versionId,
      version: v.version + 1,
      name: 'Xã An (sửa chính tả)',
    });
    expect((await detail(u.a)).versions[0].name).toBe('Xã An (sửa chính tả)');
    // A correction does not create a version: the dates stay.
    expect((await detail(u.a)).versions.map((x: Unit) => [x.validFrom, x.validTo])).toEqual([
      ['2023-01-01', '2024-03-01'],
    ]);
  });

  it('a unit officer of the district reads its units but cannot reorganise them', async () => {
    const officer = await t.userWith([{ role: 'unit_officer', unitId: u.district }]);
    expect((await t.call(officer, { method: 'GET', url: `/api/org-units/${u.district}` })).statusCode).toBe(
      200,
    );
    expect(
      (
        await t.call(officer, {
          method: 'GET',
          url: `/api/org-units?provinceId=${t.hp}&parentId=${u.district}&asOf=2024-06-30`,
        })
      ).statusCode,
    ).toBe(200);
    const before = await queryRows<{ n: string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM org_unit_version`,
    );
    const res = await reorganise(
      { type: 'rename', effectiveDate: '2026-01-01', unitId: u.district, name: 'Quận Của Tôi' },
      officer,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.FORBIDDEN');
    expect(
      await queryRows<{ n: string }>(t.handle.db, sql`SELECT count(*) AS n FROM org_unit_version`),
    ).toEqual(before);
    // An administrator of the district may: the district is in its subtree.
    const districtAdmin = await t.userWith([{ role: 'administrator', unitId: u.district }]);
    expect(
      (
        await reorganise(
          { type: 'rename', effectiveDate: '2026-01-01', unitId: u.district, name: 'Quận Thử Nghiệm Mới' },
          districtAdmin,
        )
      ).statusCode,
    ).toBe(201);
  });

  it('a merger that ends a unit lists the accounts granted on it and moves their grants in one step, audited (issue 15)', async () => {
    const [district] = await created({
      type: 'create',
      effectiveDate: '2023-01-01',
      unit: { name: 'Huyện Chuyển Quyền', kind: 'district', adminType: 'Huyện', parentUnitId: t.hp },
    });
    const commune = (name: string) => ({
      type: 'create',
      effectiveDate: '2023-01-01',
      unit: { name, kind: 'commune', adminType: 'Xã', parentUnitId: district },
    });
    const [one] = await created(commune('Xã Một'));
    const [two] = await created(commune('Xã Hai'));
    const [three] = await created(commune('Xã Ba'));
    const [four] = await created(commune('Xã Bốn'));
    const officer = await t.userWith([{ role: 'unit_officer', unitId: one! }]);
    const both = await t.userWith([
      { role: 'unit_officer', unitId: one! },
      { role: 'viewer', unitId: t.hp },
    ]);
    const ofThree = await t.userWith([{ role: 'unit_officer', unitId: three! }]);
    // What the form shows before it is sent: the accounts granted on the units the change will end.
    const listed = await t.call(admin, { method: 'GET', url: `/api/users?grantedOn=${one},${three}` });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(
      listed
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([officer.userId, both.userId, ofThree.userId].sort());
    // Not before the change takes effect.
    const early = await reorganise({
      type: 'merge',
      effectiveDate: '2999-01-01',
      sources: [{ unitId: one }, { unitId: four }],
      intoUnitId: two,
      moveGrants: true,
    });
    expect(early.statusCode, early.body).toBe(400);
    expect(early.json().error.details.issues[0].path).toEqual(['body', 'moveGrants']);
    const merged = await reorganise({
      type: 'merge',
      effectiveDate: '2024-06-01',
      sources: [{ unitId: one }, { unitId: four }],
      intoUnitId: two,
      moveGrants: true,
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect([...merged.json().grantsMoved].sort()).toEqual([officer.userId, both.userId].sort());
    expect(merged.json().grantsLeft).toEqual([]);
    const grantsOf = async (userId: string) =>
      (await t.call(admin, { method: 'GET', url: `/api/users/${userId}` }))
        .json()
        .grants.map((g: { role: string; unitId: string }) => `${g.role}:${g.unitId}`)
        .sort();
    expect(await grantsOf(officer.userId)).toEqual([`unit_officer:${two}`]);
    expect(await grantsOf(both.userId)).toEqual([`unit_officer:${two}`, `viewer:${t.hp}`].sort());
    const entries = await queryRows<{ entity_id: string; after: { reorganisationId: string } }>(
      t.handle.db,
      sql`SELECT entity_id, after FROM audit_log WHERE action = 'user.grants_follow_successors'`,
    );
    expect(entries.map((e) => e.entity_id).sort()).toEqual([officer.userId, both.userId].sort());
    expect(entries.every((e) => e.after.reorganisationId === merged.json().reorganisationId)).toBe(true);
    // Their sessions ended with the change of grants.
    expect((await t.call(officer, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    // Not asked (or no successor, as when a unit is dissolved): the account is left, and said so.
    const ended = await reorganise({ type: 'end', effectiveDate: '2024-06-01', unitId: three });
    expect(ended.statusCode, ended.body).toBe(201);
    expect(ended.json()).toMatchObject({ grantsMoved: [], grantsLeft: [ofThree.userId] });
    expect(await grantsOf(ofThree.userId)).toEqual([`unit_officer:${three}`]);
  });

  it('every reorganisation is in the audit trail with its input', async () => {
    const rows = await queryRows<{ action: string; after: { input: { type: string } } }>(
      t.handle.db,
      sql`SELECT action, after FROM audit_log WHERE entity_type = 'reorganisation' ORDER BY id`,
    );
    const actions = rows.map((r) => r.action);
    for (const type of ['create', 'rename', 'merge', 'split', 'move', 'end'])
      expect(actions).toContain(`org_unit.${type}`);
    expect(rows.every((r) => `org_unit.${r.after.input.type}` === r.action)).toBe(true);
  });
});
