import { findPlanByCode, listPlanTargetRules, queryRows, seedPlans, seedTargetDefinitions } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/*
 * Goals in people and in đồng (issue 16): a plan states "≥ 1.500 người được tập huấn" or an amount of money; the
 * plan keeps the goal (plan_target.unit), the rule's value suits it, the dashboard and the formula word it.
 */
describe('goals in people and đồng (issue 16)', () => {
  let t: TestApp;
  let dx: Session;
  let planId: string;
  let targetC: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: () => new Date('2023-10-15T03:00:00Z') });
    await seedPlans(t.handle.db);
    await seedTargetDefinitions(t.handle.db);
    planId = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
    targetC = (await listPlanTargetRules(t.handle.db, planId)).find((x) => x.letter === 'c')!.planTargetId;
    const [dxOffice] = await queryRows<{ unit_id: string }>(
      t.handle.db,
      sql`SELECT unit_id FROM org_unit_version WHERE name = 'Sở Thông tin và Truyền thông' LIMIT 1`,
    );
    dx = await t.userWith([{ role: 'dx_office', unitId: dxOffice!.unit_id }]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const plan = async () => (await t.call(dx, { method: 'GET', url: `/api/plans/${planId}` })).json();
  const setGoal = async (goal: unknown) => {
    const p = await plan();
    return t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${planId}`,
      payload: {
        version: p.version,
        targets: p.document.targets.map((x: { id: string }) => (x.id === targetC ? { ...x, goal } : x)),
      },
    });
  };

  it('the plan keeps a goal in people; the rule counts people; the dashboard words it', async () => {
    const saved = await setGoal({ comparator: 'gte', value: 1500, unit: 'people' });
    expect(saved.statusCode, saved.body).toBe(200);
    const c = (await plan()).document.targets.find((x: { id: string }) => x.id === targetC);
    expect(c.goal).toEqual({ comparator: 'gte', value: 1500, unit: 'people' });
    // Target c's stored rule is a share: it no longer suits a goal in people, so it is refused with that reason.
    const def = (
      await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/targets/${targetC}/definition` })
    ).json();
    const share = await t.call(dx, {
      method: 'PUT',
      url: `/api/plans/${planId}/targets/${targetC}/definition`,
      payload: { version: def.version, rule: def.rule },
    });
    expect(share.statusCode).toBe(400);
    expect(share.body).toContain('số người');
    // A count of the people trained suits it.
    const count = await t.call(dx, {
      method: 'PUT',
      url: `/api/plans/${planId}/targets/${targetC}/definition`,
      payload: { version: def.version, rule: { ...def.rule, value: { type: 'count' } } },
    });
    expect(count.statusCode, count.body).toBe(200);
    const ev = await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/targets/evaluation` });
    expect(ev.statusCode, ev.body).toBe(200);
    const row = ev.json().targets.find((x: { planTargetId: string }) => x.planTargetId === targetC);
    expect(row.goal.unit).toBe('people');
    expect(row.goalText).toBe('≥ 1.500 người');
    expect(row.formula).toContain('Mục tiêu: ≥ 1.500 người.');
    expect(row.formulaEn).toContain('Goal: ≥ 1,500 people.');
  });

  it('an amount of đồng is a goal too; a count can never be in đồng', async () => {
    const preview = (goal: unknown, value: unknown) =>
      t.call(dx, {
        method: 'POST',
        url: `/api/plans/${planId}/indicators/preview`,
        payload: {
          rule: { population: { record: 'unit', filters: [] }, value, goal },
        },
      });
    const vnd = { comparator: 'gte', value: 2_000_000_000, unit: 'vnd' };
    const ok = await preview(vnd, { type: 'figure', item: 'budget_spent' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().formula.vi).toContain('Mục tiêu: ≥ 2.000.000.000 đồng.');
    expect(ok.json().formula.en).toContain('Goal: ≥ 2,000,000,000 VND.');
    const bad = await preview(vnd, { type: 'count' });
    expect(bad.statusCode).toBe(400);
    const saved = await setGoal(vnd);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await plan()).document.targets.find((x: { id: string }) => x.id === targetC).goal.unit).toBe(
      'vnd',
    );
  });
});
