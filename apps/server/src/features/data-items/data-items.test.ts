import { findPlanByCode, queryRows, seedPlans } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/*
 * Reported figures end to end through the API (issue 16): the DX office defines items; a commune enters its values of
 * Quý I/2023 (impossible ones refused with the field path; a stale version is a 409); the values ride with its period
 * report (submitted with it, returned alone from the grid, corrected and sent again, accepted with the report); only
 * accepted values reach a target built on the figure.
 */
describe('reported figures API', () => {
  const now = new Date('2023-04-05T03:00:00Z');
  let t: TestApp;
  let dx: Session;
  let officer: Session;
  let otherOfficer: Session;
  let planId: string;
  let commune: string;
  let periodId: string;
  const items: Record<string, string> = {};

  const unitByName = async (name: string) =>
    (
      await queryRows<{ unit_id: string }>(
        t.handle.db,
        sql`SELECT unit_id FROM org_unit_version WHERE name = ${name} AND valid_from IS NULL LIMIT 1`,
      )
    )[0]!.unit_id;
  const valuesUrl = () => `/api/report-periods/${periodId}/units/${commune}/data-values`;
  type UnitData = {
    rows: {
      item: { id: string; code: string };
      value: { id: string; value: number; status: string; version: number } | null;
    }[];
    canEdit: boolean;
    canSubmit: boolean;
  };
  const read = async (who: Session = officer): Promise<UnitData> => {
    const res = await t.call(who, { method: 'GET', url: valuesUrl() });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const cellOf = (d: UnitData, code: string) => d.rows.find((r) => r.item.code === code)!.value;
  const preview = async () => {
    const res = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/indicators/preview`,
      payload: {
        rule: {
          population: { record: 'unit', filters: [{ field: 'kind', in: ['commune'] }] },
          value: { type: 'figure', item: 'people_reached' },
          goal: { comparator: 'gte', value: 10_000, unit: 'people' },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().value as number | null;
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
    await seedPlans(t.handle.db);
    planId = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
    commune = await unitByName('Phường Đông Hải 1');
    const dxOffice = await unitByName('Sở Thông tin và Truyền thông');
    dx = await t.userWith([{ role: 'dx_office', unitId: dxOffice }], `dx_di_${process.pid}`);
    officer = await t.userWith([{ role: 'unit_officer', unitId: commune }], `dh1_di_${process.pid}`);
    otherOfficer = await t.userWith(
      [{ role: 'unit_officer', unitId: await unitByName('Phường Đông Hải 2') }],
      `dh2_di_${process.pid}`,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the DX office defines items; a duplicate code and a population of another item are refused', async () => {
    const define = (body: Record<string, unknown>) =>
      t.call(dx, {
        method: 'POST',
        url: '/api/data-items',
        payload: { provinceId: t.hp, frequency: 'quarter', reportingUnitKinds: ['commune'], ...body },
      });
    const pop = await define({
      code: 'population',
      nameVi: 'Dân số',
      unitOfMeasure: 'people',
      aggregation: 'last',
    });
    expect(pop.statusCode, pop.body).toBe(201);
    items.population = pop.json().id;
    const reached = await define({
      code: 'people_reached',
      nameVi: 'Số lượt người dân được tiếp cận chiến dịch',
      unitOfMeasure: 'people',
      aggregation: 'sum',
      mayExceedPopulation: false,
      populationItemId: items.population,
    });
    expect(reached.statusCode, reached.body).toBe(201);
    expect(reached.json()).toMatchObject({
      nameEn: 'Số lượt người dân được tiếp cận chiến dịch',
      version: 1,
    });
    items.reached = reached.json().id;
    const share = await define({
      code: 'share_trained',
      nameVi: 'Tỷ lệ cán bộ được tập huấn',
      unitOfMeasure: 'percent',
      aggregation: 'avg',
    });
    expect(share.statusCode).toBe(201);
    items.share = share.json().id;

    const again = await define({
      code: 'population',
      nameVi: 'Dân số',
      unitOfMeasure: 'people',
      aggregation: 'last',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.issues[0].path).toEqual(['body', 'code']);
    const self = await t.call(dx, {
      method: 'PATCH',
      url: `/api/data-items/${items.population}`,
      payload: { version: 1, populationItemId: items.population },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details.issues[0].path).toEqual(['body', 'populationItemId']);
    const badKind = await define({
      code: 'x',
      nameVi: 'x',
      unitOfMeasure: 'count',
      aggregation: 'sum',
      reportingUnitKinds: ['planet'],
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.details.issues[0].path).toEqual(['body', 'reportingUnitKinds', 0]);

    const byOfficer = await t.call(officer, {
      method: 'POST',
      url: '/api/data-items',
      payload: {
        provinceId: t.hp,
        code: 'y',
        nameVi: 'y',
        unitOfMeasure: 'count',
        frequency: 'quarter',
        aggregation: 'sum',
      },
    });
    expect(byOfficer.statusCode).toBe(403);
    const list = await t.call(officer, { method: 'GET', url: `/api/data-items?provinceId=${t.hp}` });
    expect(list.json().items.map((i: { code: string }) => i.code)).toEqual([
      'people_reached',
      'population',
      'share_trained',
    ]);
  });

  it('a commune enters its figures; impossible values are refused with their field; a stale save is a 409', async () => {
    const opened = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/report-periods`,
      payload: {
        kind: 'quarter',
        label: 'Quý I/2023',
        periodFrom: '2023-01-01',
        periodTo: '2023-03-31',
        dueDate: '2023-04-10',
        unitIds: [commune],
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    periodId = opened.json().id;
    const before = await read();
    expect(before.rows.map((r) => r.item.code).sort()).toEqual([
      'people_reached',
      'population',
      'share_trained',
    ]);
    expect(before.canEdit).toBe(true);
    expect(before.canSubmit).toBe(false);

    const put = (who: Session, values: unknown[]) =>
      t.call(who, { method: 'PUT', url: valuesUrl(), payload: { values } });
    const above = await put(officer, [
      { itemId: items.population, value: 10_000 },
      { itemId: items.reached, value: 12_000 },
      { itemId: items.share, value: 120 },
    ]);
    expect(above.statusCode).toBe(400);
    expect(above.json().error.details.issues).toEqual([
      expect.objectContaining({ path: ['body', 'values', 1, 'value'], code: 'DATA_VALUE.ABOVE_POPULATION' }),
      expect.objectContaining({ path: ['body', 'values', 2, 'value'], code: 'DATA_VALUE.ABOVE_100' }),
    ]);
    expect((await read()).rows.every((r) => r.value === null)).toBe(true);

    const saved = await put(officer, [
      { itemId: items.population, value: 10_000 },
      { itemId: items.reached, value: 3000, note: 'Hội nghị và loa truyền thanh' },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    const d = saved.json() as UnitData;
    expect(cellOf(d, 'people_reached')).toMatchObject({ value: 3000, status: 'draft', version: 1 });
    expect(d.canSubmit).toBe(true);
    // Alone, a later save is still checked against the population stored beside it.
    const alone = await put(officer, [{ itemId: items.reached, value: 10_001, version: 1 }]);
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.details.issues[0].code).toBe('DATA_VALUE.ABOVE_POPULATION');
    const stale = await put(officer, [{ itemId: items.reached, value: 3500 }]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RESOURCE.VERSION_CONFLICT');

    const sibling = await put(otherOfficer, [{ itemId: items.reached, value: 1, version: 1 }]);
    expect(sibling.statusCode).toBe(403);
    const audits = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'data_value.save'`,
    );
    expect(audits[0]!.n).toBe(1);
  });

  it('the values ride with the report: submitted with it, one returned alone, corrected, accepted with the report', async () => {
    const started = await t.call(officer, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/units/${commune}/report`,
    });
    expect(started.statusCode, started.body).toBe(200);
    const report = started.json().report;
    const submitted = await t.call(officer, {
      method: 'POST',
      url: `/api/reports/${report.id}/submit`,
      payload: { version: report.version, results: 'Đã tuyên truyền' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    let d = await read();
    expect(cellOf(d, 'people_reached')!.status).toBe('submitted');
    expect(d.canEdit).toBe(true); // share_trained has no value yet
    const locked = await t.call(officer, {
      method: 'PUT',
      url: valuesUrl(),
      payload: { values: [{ itemId: items.reached, value: 3100, version: 2 }] },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('WORKFLOW.INVALID_TRANSITION');
    expect(await preview()).toBeNull();

    const grid = await t.call(dx, { method: 'GET', url: `/api/report-periods/${periodId}/data-values` });
    expect(grid.statusCode, grid.body).toBe(200);
    const row = grid.json().units.find((u: { id: string }) => u.id === commune);
    const cell = row.cells.find((c: { itemId: string }) => c.itemId === items.reached);
    expect(cell).toMatchObject({ isAsked: true, value: { value: 3000, status: 'submitted' } });
    expect(
      (await t.call(officer, { method: 'GET', url: `/api/report-periods/${periodId}/data-values` }))
        .statusCode,
    ).toBe(403);

    const returned = await t.call(dx, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/data-values/review`,
      payload: {
        action: 'return',
        comment: 'Số lượt cần tách theo hình thức',
        values: [{ id: cell.value.id, version: cell.value.version }],
      },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().items[0]).toMatchObject({
      status: 'returned',
      reviewNote: 'Số lượt cần tách theo hình thức',
    });
    const twice = await t.call(dx, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/data-values/review`,
      payload: { action: 'accept', values: [{ id: cell.value.id, version: cell.value.version + 1 }] },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('WORKFLOW.INVALID_TRANSITION');

    d = await read();
    const fixed = await t.call(officer, {
      method: 'PUT',
      url: valuesUrl(),
      payload: {
        values: [{ itemId: items.reached, value: 3200, version: cellOf(d, 'people_reached')!.version }],
      },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(cellOf(fixed.json(), 'people_reached')!.status).toBe('returned');
    const sent = await t.call(officer, { method: 'POST', url: `${valuesUrl()}/submit`, payload: {} });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(cellOf(sent.json(), 'people_reached')!.status).toBe('submitted');
    const nothing = await t.call(officer, { method: 'POST', url: `${valuesUrl()}/submit`, payload: {} });
    expect(nothing.statusCode).toBe(409);

    const current = (await t.call(dx, { method: 'GET', url: `/api/reports/${report.id}` })).json().report;
    const accepted = await t.call(dx, {
      method: 'POST',
      url: `/api/reports/${report.id}/accept`,
      payload: { version: current.version },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    d = await read();
    expect(cellOf(d, 'people_reached')).toMatchObject({ value: 3200, status: 'accepted' });
    expect(cellOf(d, 'population')!.status).toBe('accepted');
    // Accepted values feed a target built on the figure.
    expect(await preview()).toBe(3200);
  });
});
