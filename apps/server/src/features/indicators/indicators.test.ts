import { findPlanByCode, listPlanTargetRules, seedPlans, seedTargetDefinitions } from '@dx/db';
import { INDICATOR_FIXTURES, PLAN_54_TARGET_DEFINITIONS } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

describe('POST /api/plans/:planId/indicators/preview (issue 16)', () => {
  let t: TestApp;
  let dx: Session;
  let viewer: Session;
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: () => new Date('2023-10-15T03:00:00Z') });
    await seedPlans(t.handle.db);
    await seedTargetDefinitions(t.handle.db); // also Hải Phòng's vocabularies
    planId = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
    const dxOfficeId = await seededUnit(t, 'Sở Thông tin và Truyền thông');
    dx = await t.userWith([{ role: 'dx_office', unitId: dxOfficeId }]);
    // One city-level DX workshop; no contest yet.
    await t.handle.db.execute(sql`INSERT INTO event (province_id, organiser_unit_id, kind, level, title, held_on)
      VALUES (${t.hp}, ${dxOfficeId}, 'workshop', 'city', 'Hội thảo chuyển đổi số', '2023-05-01')`);
    viewer = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const preview = (s: Session, rule: unknown) =>
    t.call(s, { method: 'POST', url: `/api/plans/${planId}/indicators/preview`, payload: { rule } });

  it('evaluates an unsaved rule: value, population, a sample, the formula from the labels', async () => {
    const res = await preview(dx, PLAN_54_TARGET_DEFINITIONS.đ);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ period: { from: '2023-01-01', to: '2023-12-31' }, asOf: '2023-10-15' });
    expect([body.population, body.value]).toEqual([1, 1]);
    expect(body.sample.map((s: { label: string }) => s.label)).toEqual(['Hội thảo chuyển đổi số']);
    expect(body.formula.vi).toContain('loại cuộc thi hoặc hội thảo, cấp thành phố');
    expect(body.formula.vi).not.toContain('contest');
    // No contest is recorded yet: that part of the filter cannot be met (a warning, not an error).
    expect(body.warnings.map((w: { code: string; path: unknown[] }) => [w.code, w.path.join('.')])).toEqual([
      ['UNUSED_CODE', 'population.filters.0.in.0'],
    ]);
  });

  it('warns about a role and a tag the province has not defined, and an empty population', async () => {
    const res = await preview(dx, INDICATOR_FIXTURES[0]!.rule);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect([body.population, body.value, body.sample]).toEqual([0, null, []]);
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'UNKNOWN_CODE',
      'UNKNOWN_CODE',
      'EMPTY_POPULATION',
    ]);
  });

  it('with the target being edited, warns when the rule counts something else than the plan says', async () => {
    const targets = await listPlanTargetRules(t.handle.db, planId);
    const đ = targets.find((x) => x.letter === 'đ')!;
    const call = (rule: unknown) =>
      t.call(dx, {
        method: 'POST',
        url: `/api/plans/${planId}/indicators/preview`,
        payload: { rule, planTargetId: đ.planTargetId },
      });
    const same = await call(PLAN_54_TARGET_DEFINITIONS.đ);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().warnings.map((w: { code: string }) => w.code)).not.toContain('SUBJECT_MISMATCH');
    const other = await call(PLAN_54_TARGET_DEFINITIONS.c);
    expect(other.json().warnings.map((w: { code: string }) => w.code)).toContain('SUBJECT_MISMATCH');
  });

  it('refuses a rule that does not hold together, and a reader who may not define targets', async () => {
    const bad = await preview(dx, { ...PLAN_54_TARGET_DEFINITIONS.c, value: { type: 'figure', item: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect((await preview(viewer, PLAN_54_TARGET_DEFINITIONS.c)).statusCode).toBe(403);
  });
  it('the DX office adds a role and a tag to the vocabularies; the rule then knows them', async () => {
    const put = await t.call(dx, {
      method: 'PUT',
      url: '/api/vocabularies',
      payload: {
        provinceId: t.hp,
        terms: [
          {
            vocabulary: 'person_role',
            code: 'commune_official',
            labelVi: 'cán bộ, công chức cấp xã',
            position: 3,
          },
          {
            vocabulary: 'training_tag',
            code: 'digital_skills',
            labelVi: 'kỹ năng số',
            labelEn: 'digital skills',
          },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const list = await t.call(viewer, { method: 'GET', url: `/api/vocabularies?provinceId=${t.hp}` });
    expect(list.statusCode).toBe(200);
    const roles = list.json().items.filter((i: { vocabulary: string }) => i.vocabulary === 'person_role');
    expect(roles.map((r: { code: string }) => r.code)).toEqual([
      'reporter',
      'editor',
      'grassroots_officer',
      'commune_official',
    ]);
    const refused = await t.call(viewer, {
      method: 'PUT',
      url: '/api/vocabularies',
      payload: { provinceId: t.hp, terms: [{ vocabulary: 'person_role', code: 'x', labelVi: 'x' }] },
    });
    expect(refused.statusCode).toBe(403);
    const res = await preview(dx, INDICATOR_FIXTURES[0]!.rule);
    // Known now, but no person holds the role and no training has the tag yet.
    expect(res.json().warnings.map((w: { code: string }) => w.code)).toEqual([
      'UNUSED_CODE',
      'UNUSED_CODE',
      'EMPTY_POPULATION',
    ]);
    expect(res.json().formula.vi).toContain('vai trò cán bộ, công chức cấp xã');
  });
});
