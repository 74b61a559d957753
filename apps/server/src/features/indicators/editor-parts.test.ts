import { findPlanByCode, listPlanTargetRules, seedPlans, seedTargetDefinitions } from '@dx/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/*
 * Goals in people and in đồng (issue 16): a plan states "≥ 1.500 người được tập huấn" or an amount of money; the
 * plan keeps the goal (plan_target.unit), the rule's value suits it, the dashboard and the formula word it.
 */
describe('the rule editor’s parts: goals in people and đồng, period, population date, predecessors (issue 16)', () => {
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
    dx = await t.userWith([
      { role: 'dx_office', unitId: await seededUnit(t, 'Sở Thông tin và Truyền thông') },
    ]);
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

  it('the preview computes on the period and the population date the editor sets, and words them', async () => {
    const rule = (o: object) => ({
      population: { record: 'unit', filters: [{ field: 'kind', in: ['district'] }] },
      condition: {
        type: 'linked',
        link: 'organised_events',
        every: 'quarter',
        subject: [{ field: 'level', in: ['district'] }],
        includePredecessors: false,
      },
      value: { type: 'count' },
      goal: { comparator: 'gte', value: 1, unit: 'count' },
      ...o,
    });
    const call = (r: unknown) =>
      t.call(dx, { method: 'POST', url: `/api/plans/${planId}/indicators/preview`, payload: { rule: r } });
    const year = await call(rule({}));
    expect(year.statusCode, year.body).toBe(200);
    expect([year.json().period, year.json().asOf]).toEqual([
      { from: '2023-01-01', to: '2023-12-31' },
      '2023-10-15',
    ]);
    const range = await call(
      rule({ period: { type: 'range', from: '2023-04-01', to: '2023-09-30' }, asOf: '2023-03-31' }),
    );
    expect(range.statusCode, range.body).toBe(200);
    const body = range.json();
    expect([body.period, body.asOf]).toEqual([{ from: '2023-04-01', to: '2023-09-30' }, '2023-03-31']);
    // The same districts are counted on either population date (none ended in 2023).
    expect(body.population).toBe(year.json().population);
    expect(body.population).toBeGreaterThan(0);
    expect(body.formula.vi).toContain('từ 01/04/2023 đến 30/09/2023');
    expect(body.formula.vi).toContain('Đối tượng tính tại ngày 31/03/2023.');
    expect(body.formula.vi).toContain('chỉ hồ sơ của chính đơn vị');
    expect(body.formula.vi).toContain('cấp huyện');
    // A period outside the plan's year is warned about.
    const outside = await call(rule({ period: { type: 'range', from: '2022-07-01', to: '2023-06-30' } }));
    expect(outside.json().warnings.map((w: { code: string }) => w.code)).toContain('PERIOD_OUTSIDE_PLAN');
  });
});
