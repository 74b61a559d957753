import type { NationalOverviewOut } from '@dx/contracts';
import {
  findPlanByCode,
  listRollupCells,
  listRollupTargets,
  liveRollupCells,
  rebuildAllRollups,
  rollupEvaluation,
  seedPlans,
  seedTargetDefinitions,
} from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/**
 * The national view (issue 13): every province side by side for a system administrator or a Ministry reader (a viewer
 * over every province); its figures are the province dashboard's, evaluated by the same engine.
 */
describe('national overview', () => {
  let t: TestApp;
  let sysAdmin: Session;
  let ministry: Session;
  let provinceAdmin: Session;
  let officer: Session;
  let planId: string;
  let haiAn: string;

  const overview = async (s: Session, query: string) => {
    const res = await t.call(s, { method: 'GET', url: `/api/national/overview?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as NationalOverviewOut;
  };

  beforeAll(async () => {
    // 15/10/2023: three quarters of plan 54's year have passed.
    t = await createTestApp({ clock: () => new Date('2023-10-15T03:00:00Z') });
    await seedPlans(t.handle.db);
    await seedTargetDefinitions(t.handle.db);
    planId = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
    haiAn = await seededUnit(t, 'Quận Hải An');
    sysAdmin = await t.userWith([{ role: 'administrator', unitId: null }]);
    ministry = await t.userWith([{ role: 'viewer', unitId: null }]);
    provinceAdmin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    officer = await t.userWith([{ role: 'unit_officer', unitId: haiAn }]);
  });
  afterAll(async () => t?.close());

  it('only a grant over every province opens it, and /me says so', async () => {
    for (const s of [provinceAdmin, officer]) {
      const res = await t.call(s, { method: 'GET', url: '/api/national/overview' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH.FORBIDDEN');
      const me = await t.call(s, { method: 'GET', url: '/api/auth/me' });
      expect(me.json().permissions).not.toContain('national.read');
    }
    for (const s of [sysAdmin, ministry]) {
      const me = await t.call(s, { method: 'GET', url: '/api/auth/me' });
      expect(me.json().permissions).toContain('national.read');
    }
  });

  it('lists Hải Phòng and Hải Dương in 2023, with plan 54 evaluated exactly as the dashboard evaluates it', async () => {
    // A past reporting period: one district required, nobody submitted, the deadline gone.
    const period = await t.call(sysAdmin, {
      method: 'POST',
      url: `/api/plans/${planId}/report-periods`,
      payload: {
        kind: 'quarter',
        label: 'Quý II/2023',
        periodFrom: '2023-04-01',
        periodTo: '2023-06-30',
        dueDate: '2023-07-10',
        unitIds: [haiAn],
      },
    });
    expect(period.statusCode, period.body).toBe(201);

    const body = await overview(ministry, 'year=2023&asOf=2023-10-15');
    expect(body).toMatchObject({ year: 2023, asOf: '2023-10-15' });
    const hp = body.provinces.find((p) => p.provinceId === t.hp)!;
    const hd = body.provinces.find((p) => p.provinceId === t.hd)!;
    expect(hp.name).toMatch(/Hải Phòng/);
    expect(hd.name).toMatch(/Hải Dương/);
    expect(hd.plans).toEqual([]);
    expect(hd.summary).toMatchObject({ total: 0, onTrackPercent: null });
    expect(hd.reports).toBeNull();
    // Ranked: a province with judged targets before one without.
    expect(body.provinces.indexOf(hp)).toBeLessThan(body.provinces.indexOf(hd));

    expect(hp.plans.map((p) => p.id)).toEqual([planId]);
    const plan = hp.plans[0]!;
    expect(plan.code).toBe('54/KH-UBND');
    const dashboard = await t.call(ministry, {
      method: 'GET',
      url: `/api/plans/${planId}/targets/evaluation?asOf=2023-10-15`,
    });
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    const targets = dashboard.json().targets as {
      planTargetId: string;
      code: string;
      value: number | null;
      status: string;
      goalText: string;
    }[];
    expect(targets.length).toBeGreaterThan(0);
    expect(plan.targets.map((x) => [x.planTargetId, x.code, x.value, x.status, x.goalText])).toEqual(
      targets.map((x) => [x.planTargetId, x.code, x.value, x.status, x.goalText]),
    );
    const s = plan.summary;
    expect(s.total).toBe(targets.length);
    expect(s.onTrack + s.atRisk + s.behind + s.notApplicable + s.notDefined).toBe(s.total);
    expect(s.onTrack).toBe(targets.filter((x) => x.status === 'achieved' || x.status === 'on_track').length);
    expect(hp.summary).toEqual(s);

    // The period's completeness is the completeness endpoint's.
    const completeness = await t.call(ministry, {
      method: 'GET',
      url: `/api/report-periods/${period.json().id}/completeness`,
    });
    expect(completeness.statusCode, completeness.body).toBe(200);
    const c = completeness.json().summary;
    expect(plan.reports).toEqual({
      periodId: period.json().id,
      label: 'Quý II/2023',
      dueDate: '2023-07-10',
      required: c.required,
      onTime: c.onTime,
      late: c.late,
      missing: c.missing,
      pending: c.pending,
    });
    expect(plan.reports).toMatchObject({ required: 1, missing: 1 });
    expect(hp.reports).toEqual({ required: 1, onTime: 0, late: 0, missing: 1, pending: 0 });

    // The system administrator sees the same.
    expect(await overview(sysAdmin, 'year=2023&asOf=2023-10-15')).toEqual(body);
  });

  it('answers today from the rollups kept fresh on every write: a record saved now shows in the next request (issue 13)', async () => {
    const db = t.handle.db;
    const evaluation = async () => {
      const res = await t.call(ministry, { method: 'GET', url: `/api/plans/${planId}/targets/evaluation` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().targets as {
        code: string;
        value: number | null;
        subjects: { subjectId: string }[];
      }[];
    };
    const figures = (targets: Awaited<ReturnType<typeof evaluation>>) =>
      targets.map(({ subjects, ...rest }) => ({
        ...rest,
        subjects: subjects.map((x) => x.subjectId).sort(),
      }));
    // Not built yet: the live SQL answers; built (the start-up / nightly job): the same figures from the rollups.
    const live = await evaluation();
    const report = await rebuildAllRollups(db, '2023-10-15', (work) => db.transaction(work));
    expect(report.differences).toEqual([]);
    const targets = await listRollupTargets(db, null);
    const built = targets.filter((x) => x.builtKey === rollupEvaluation(x, '2023-10-15')?.key);
    expect(built.length).toBeGreaterThanOrEqual(6);
    expect(figures(await evaluation())).toEqual(figures(live));
    const national = await overview(ministry, 'year=2023');
    const hp = national.provinces.find((p) => p.provinceId === t.hp)!;
    expect(hp.plans[0]!.targets.map((x) => x.value)).toEqual(live.map((x) => x.value));

    // The answer is the rollups' (not the live SQL's): a cell altered by hand shows, until the rebuild repairs it.
    const a = live.find((x) => x.code.endsWith('a'))! as unknown as { planTargetId: string; value: number };
    await db.execute(
      sql`UPDATE target_rollup SET population = population + 1000, due = due + 1000, achieved = achieved + 1000
           WHERE target_id = ${a.planTargetId}::uuid`,
    );
    expect(a.value).toBeLessThan(90);
    expect((await evaluation()).find((x) => x.code.endsWith('a'))!.value).toBeGreaterThan(90);
    const repaired = await rebuildAllRollups(db, '2023-10-15', (work) => db.transaction(work));
    // The states were right, the sums altered: found and repaired.
    expect(repaired.differences).toEqual([
      { targetId: a.planTargetId, subjects: 0, cells: expect.any(Number) },
    ]);
    expect(figures(await evaluation())).toEqual(figures(live));

    // A city-level DX workshop saved now counts in the next request (Plan 54 I.2.đ), through the rollups.
    const before = live.find((x) => x.code.endsWith('đ'))!.value ?? 0;
    const saved = await t.call(sysAdmin, {
      method: 'POST',
      url: '/api/events',
      payload: {
        organiserUnitId: haiAn,
        title: 'Hội thảo chuyển đổi số',
        kind: 'workshop',
        level: 'city',
        heldOn: '2023-10-14',
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect((await evaluation()).find((x) => x.code.endsWith('đ'))!.value).toBe(before + 1);
    for (const x of built) {
      const ev = rollupEvaluation(x, '2023-10-15')!;
      expect(await listRollupCells(db, x.targetId)).toEqual(await liveRollupCells(db, ev.input));
    }
    // Deleted: gone from the next request too.
    const gone = await t.call(sysAdmin, {
      method: 'DELETE',
      url: `/api/events/${saved.json().id}?version=${saved.json().version}`,
    });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await evaluation()).find((x) => x.code.endsWith('đ'))!.value).toBe(before);
  });

  it('lists the provinces in force on the date: after 01/07/2025 Hải Dương is part of Hải Phòng', async () => {
    const later = await overview(ministry, 'year=2025&asOf=2025-12-31');
    const ids = later.provinces.map((p) => p.provinceId);
    expect(ids).toContain(t.hp);
    expect(ids).not.toContain(t.hd);
    // No plan of 2025 yet: every province listed without plans.
    expect(later.provinces.every((p) => p.plans.length === 0)).toBe(true);
  });

  it("classes a period's units against today, not against the view's date (a future as-of: still pending)", async () => {
    // Due 10/11/2023: past on 31/12/2023 (the view's date), so it is the period shown; today is 15/10/2023, so the
    // unit that has not reported is pending, not missing (domain classifyTimeliness, as the completeness endpoint).
    const period = await t.call(sysAdmin, {
      method: 'POST',
      url: `/api/plans/${planId}/report-periods`,
      payload: {
        kind: 'quarter',
        label: 'Quý III/2023',
        periodFrom: '2023-07-01',
        periodTo: '2023-09-30',
        dueDate: '2023-11-10',
        unitIds: [haiAn],
      },
    });
    expect(period.statusCode, period.body).toBe(201);
    const hp = (await overview(ministry, 'year=2023&asOf=2023-12-31')).provinces.find(
      (p) => p.provinceId === t.hp,
    )!;
    expect(hp.plans[0]!.reports).toMatchObject({
      periodId: period.json().id,
      label: 'Quý III/2023',
      required: 1,
      pending: 1,
      missing: 0,
    });
    const completeness = await t.call(ministry, {
      method: 'GET',
      url: `/api/report-periods/${period.json().id}/completeness`,
    });
    expect(completeness.json().summary).toMatchObject({ required: 1, pending: 1, missing: 0 });
  });

  it('defaults to today and its year', async () => {
    const body = await overview(ministry, '');
    expect(body).toMatchObject({ year: 2023, asOf: '2023-10-15' });
  });
});
