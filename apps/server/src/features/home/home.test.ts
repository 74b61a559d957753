import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/** The home page per role (issue 19): each section counts what the list behind its link holds. */
describe('home page', () => {
  let t: TestApp;
  let admin: Session;
  let dx: Session;
  let leader: Session;
  let officer: Session;
  let commune: string;
  const now = new Date('2030-06-10T02:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
    admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    const res = await t.call(admin, {
      method: 'POST',
      url: '/api/reorganisations',
      payload: {
        type: 'create',
        effectiveDate: '2023-01-01',
        unit: { name: 'Xã Trang Chủ', kind: 'commune', parentUnitId: t.hp },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    commune = res.json().createdUnitIds[0];
    dx = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    leader = await t.userWith([{ role: 'leadership', unitId: t.hp }]);
    officer = await t.userWith([{ role: 'unit_officer', unitId: commune }]);
    const plan = await t.call(admin, {
      method: 'POST',
      url: '/api/plans',
      payload: { provinceId: t.hp, year: 2030, title: 'Kế hoạch trang chủ' },
    });
    expect(plan.statusCode, plan.body).toBe(201);
  });
  afterAll(async () => t?.close());

  const home = async (s: Session) => {
    const res = await t.call(s, { method: 'GET', url: `/api/home?provinceId=${t.hp}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      plan: { title: string } | null;
      sections: { section: string; items: { key: string; count: number; href: string }[] }[];
    };
  };
  const count = (h: Awaited<ReturnType<typeof home>>, section: string, key: string) =>
    h.sections.find((s) => s.section === section)?.items.find((i) => i.key === key)?.count;

  it('shows each role its own section, and a raised obstacle waits for the DX office', async () => {
    const before = await home(dx);
    expect(before.plan?.title).toBe('Kế hoạch trang chủ');
    expect(before.sections.map((s) => s.section)).toEqual(['office']);
    expect(count(before, 'office', 'obstacles_new')).toBe(0);

    const raised = await t.call(officer, {
      method: 'POST',
      url: '/api/obstacles',
      payload: {
        unitId: commune,
        kind: 'obstacle',
        title: 'Thiếu kinh phí in tờ rơi',
        description: 'Đề nghị bổ sung kinh phí in tờ rơi về dịch vụ công trực tuyến.',
      },
    });
    expect(raised.statusCode, raised.body).toBe(201);

    const after = await home(dx);
    expect(count(after, 'office', 'obstacles_new')).toBe(1);
    expect(after.sections[0]!.items.every((i) => i.href.startsWith('/'))).toBe(true);

    const unit = await home(officer);
    expect(unit.sections.map((s) => s.section)).toEqual(['unit']);
    expect(count(unit, 'unit', 'my_tasks_overdue')).toBe(0);

    const lead = await home(leader);
    expect(lead.sections.map((s) => s.section)).toEqual(['leadership']);
    expect(count(lead, 'leadership', 'obstacles_to_direct')).toBe(0);
  });
});
