import { findPlanByCode, queryRows, seedPlans } from '@dx/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { multipartFile } from '../../test/multipart';

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
    commune = await seededUnit(t, 'Phường Đông Hải 1');
    const dxOffice = await seededUnit(t, 'Sở Thông tin và Truyền thông');
    dx = await t.userWith([{ role: 'dx_office', unitId: dxOffice }], `dx_di_${process.pid}`);
    officer = await t.userWith([{ role: 'unit_officer', unitId: commune }], `dh1_di_${process.pid}`);
    otherOfficer = await t.userWith(
      [{ role: 'unit_officer', unitId: await seededUnit(t, 'Phường Đông Hải 2') }],
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
    expect(row.canEdit).toBe(false); // the DX office reviews and imports; the unit types its own
    const cell = row.cells.find((c: { itemId: string }) => c.itemId === items.reached);
    expect(cell).toMatchObject({ isAsked: true, value: { value: 3000, status: 'submitted' } });
    // A unit's own grid: its unit only, nothing to review (issue 16: units get the grid of what they report).
    const own = await t.call(officer, { method: 'GET', url: `/api/report-periods/${periodId}/data-values` });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ canReview: false, units: [{ id: commune, canEdit: true }] });
    const sibling = await t.call(otherOfficer, {
      method: 'GET',
      url: `/api/report-periods/${periodId}/data-values`,
    });
    expect(sibling.json().units).toEqual([]);

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

  it('imports a period from the Excel template: a dry run explains every row; confirmed, all values or none', async () => {
    const opened = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/report-periods`,
      payload: {
        kind: 'quarter',
        label: 'Quý II/2023',
        periodFrom: '2023-04-01',
        periodTo: '2023-06-30',
        dueDate: '2023-07-10',
        unitIds: [commune],
      },
    });
    const q2 = opened.json().id as string;
    const template = await t.call(dx, {
      method: 'GET',
      url: `/api/report-periods/${q2}/data-values/template.xlsx`,
    });
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Số liệu')!;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 2)).toEqual(['Mã đơn vị (không sửa)', 'Đơn vị']);
    expect(headers.some((h) => h.endsWith('[people_reached]'))).toBe(true);
    expect(sheet.getRow(2).getCell(1).value).toBe(commune);
    expect(
      (await t.call(officer, { method: 'GET', url: `/api/report-periods/${q2}/data-values/template.xlsx` }))
        .statusCode,
    ).toBe(403);

    const head =
      'Mã đơn vị (không sửa),Đơn vị,Dân số (người) [population],Số lượt (người) [people_reached],Tỷ lệ (%) [share_trained]';
    const upload = (csv: string, confirm: boolean) =>
      t.call(dx, {
        method: 'POST',
        url: `/api/report-periods/${q2}/data-values/import?confirm=${confirm}`,
        ...multipartFile('so-lieu.csv', csv),
      });
    const bad = await upload(
      `${head}\n${commune},Phường Đông Hải 1,10000,12000,120\n,Phường Không Có,5,,\n,Phường Đông Hải 1,abc,,\n`,
      true,
    );
    expect(bad.statusCode, bad.body).toBe(200);
    const report = bad.json();
    expect(report).toMatchObject({ confirmed: false, errors: 3 });
    expect(report.rows[0].problems.map((p: { column: string }) => p.column)).toEqual([
      'Số lượt người dân được tiếp cận chiến dịch',
      'Tỷ lệ cán bộ được tập huấn',
    ]);
    expect(report.rows[1].problems[0].message).toContain('Không tìm thấy đơn vị');
    expect(report.rows[1].problems[0].reason).toBe('dataImport.unitNotFound');
    expect(report.rows[2]).toMatchObject({ unitId: commune, outcome: 'error' });
    const none = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM data_value WHERE period_from = '2023-04-01'`,
    );
    expect(none[0]!.n).toBe(0);

    const good = `${head}\n${commune},Phường Đông Hải 1,10000,"4.000","12,5"\n`;
    const dry = await upload(good, false);
    expect(dry.json()).toMatchObject({
      confirmed: false,
      errors: 0,
      values: 3,
      rows: [{ outcome: 'ok', values: 3 }],
    });
    const done = await upload(good, true);
    expect(done.json()).toMatchObject({ confirmed: true, values: 3 });
    const res = await t.call(officer, {
      method: 'GET',
      url: `/api/report-periods/${q2}/units/${commune}/data-values`,
    });
    const rows = (res.json() as UnitData).rows;
    expect(rows.map((r) => [r.item.code, r.value?.value, r.value?.status]).sort()).toEqual([
      ['people_reached', 4000, 'submitted'],
      ['population', 10_000, 'submitted'],
      ['share_trained', 12.5, 'submitted'],
    ]);
    // Sent values are not overwritten by another file.
    const again = await upload(`${head}\n${commune},Phường Đông Hải 1,10000,4100,12.5\n`, true);
    expect(again.json()).toMatchObject({ confirmed: false, errors: 1 });
  });

  it('the report form sends its figures in one transaction: monthly items asked per month, errors on their fields, the snapshot holds them', async () => {
    const monthly = await t.call(dx, {
      method: 'POST',
      url: '/api/data-items',
      payload: {
        provinceId: t.hp,
        code: 'radio_news',
        nameVi: 'Số tin chuyển đổi số trên đài truyền thanh',
        unitOfMeasure: 'count',
        frequency: 'month',
        aggregation: 'sum',
        reportingUnitKinds: ['commune'],
      },
    });
    expect(monthly.statusCode, monthly.body).toBe(201);
    items.monthly = monthly.json().id;
    const open = async (label: string, kind: string, periodFrom: string, periodTo: string) => {
      const res = await t.call(dx, {
        method: 'POST',
        url: `/api/plans/${planId}/report-periods`,
        payload: { kind, label, periodFrom, periodTo, dueDate: periodTo, unitIds: [commune] },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const q3 = await open('Quý III/2023', 'quarter', '2023-07-01', '2023-09-30');
    const unitUrl = (p: string) => `/api/report-periods/${p}/units/${commune}/data-values`;
    const rowsOf = async (p: string) =>
      ((await t.call(officer, { method: 'GET', url: unitUrl(p) })).json() as UnitData).rows as unknown as {
        item: { code: string };
        periodFrom: string;
        value: { status: string; value: number } | null;
      }[];
    // A quarter asks the monthly item once per month, the quarterly ones once.
    expect((await rowsOf(q3)).filter((r) => r.item.code === 'radio_news').map((r) => r.periodFrom)).toEqual([
      '2023-07-01',
      '2023-08-01',
      '2023-09-01',
    ]);
    expect((await rowsOf(q3)).filter((r) => r.item.code === 'population').map((r) => r.periodFrom)).toEqual([
      '2023-07-01',
    ]);

    const started = await t.call(officer, {
      method: 'POST',
      url: `/api/report-periods/${q3}/units/${commune}/report`,
    });
    const report = started.json().report;
    const submit = (values: unknown[]) =>
      t.call(officer, {
        method: 'POST',
        url: `/api/reports/${report.id}/submit`,
        payload: { version: report.version, results: 'Quý III', values },
      });
    const bad = await submit([
      { itemId: items.population, value: 9000 },
      { itemId: items.reached, value: 9500 },
      { itemId: items.monthly, value: 5 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ['body', 'values', 1, 'value'],
      ['body', 'values', 2, 'periodFrom'],
    ]);
    // Refused whole: the report is still a draft and no figure was stored.
    const still = await t.call(officer, { method: 'GET', url: `/api/reports/${report.id}` });
    expect(still.json().report.status).toBe('draft');
    expect((await rowsOf(q3)).every((r) => r.value === null)).toBe(true);

    const good = await submit([
      { itemId: items.population, value: 9000 },
      { itemId: items.reached, value: 4000, note: 'Loa truyền thanh' },
      { itemId: items.monthly, periodFrom: '2023-07-01', value: 5 },
      { itemId: items.monthly, periodFrom: '2023-08-01', value: 7 },
      { itemId: items.monthly, periodFrom: '2023-09-01', value: 6 },
    ]);
    expect(good.statusCode, good.body).toBe(200);
    const view = good.json();
    expect(view.report.status).toBe('submitted');
    expect(view.figuresSource).toBe('snapshot');
    const sent = view.figures.dataValues as { code: string; periodFrom: string; value: number | null }[];
    expect(sent.filter((v) => v.code === 'radio_news').map((v) => [v.periodFrom, v.value])).toEqual([
      ['2023-07-01', 5],
      ['2023-08-01', 7],
      ['2023-09-01', 6],
    ]);
    expect(sent.find((v) => v.code === 'people_reached')).toMatchObject({
      value: 4000,
      note: 'Loa truyền thanh',
    });
    expect(sent.find((v) => v.code === 'share_trained')).toMatchObject({ value: null });
    const stored = await rowsOf(q3);
    expect(stored.filter((r) => r.value).every((r) => r.value!.status === 'submitted')).toBe(true);
    expect(stored.filter((r) => r.value)).toHaveLength(5);
    // The snapshot is what the report view shows once submitted.
    const reread = await t.call(dx, { method: 'GET', url: `/api/reports/${report.id}` });
    expect(reread.json().figures.dataValues).toEqual(sent);
    const audits = await queryRows<{ action: string; request_id: string }>(
      t.handle.db,
      sql`SELECT action, request_id FROM audit_log WHERE action IN ('data_value.save', 'unit_report.submit')
           ORDER BY id DESC LIMIT 2`,
    );
    expect(audits.map((a) => a.action).sort()).toEqual(['data_value.save', 'unit_report.submit']);
    expect(audits[0]!.request_id).toBe(audits[1]!.request_id);

    const accepted = await t.call(dx, {
      method: 'POST',
      url: `/api/reports/${report.id}/accept`,
      payload: { version: view.report.version },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await rowsOf(q3)).filter((r) => r.value).every((r) => r.value!.status === 'accepted')).toBe(true);

    // A half-year asks the monthly item six times and the quarterly ones twice; Q3's values are the same rows.
    const h2 = await open('6 tháng cuối năm 2023', 'half_year', '2023-07-01', '2023-12-31');
    const half = await rowsOf(h2);
    expect(half.filter((r) => r.item.code === 'radio_news')).toHaveLength(6);
    expect(half.filter((r) => r.item.code === 'population').map((r) => r.periodFrom)).toEqual([
      '2023-07-01',
      '2023-10-01',
    ]);
    expect(
      half.find((r) => r.item.code === 'radio_news' && r.periodFrom === '2023-08-01')!.value,
    ).toMatchObject({
      value: 7,
      status: 'accepted',
    });
    // Saving the draft carries the figures too (Lưu nháp), refused whole with the field when one is impossible.
    const h2Report = (
      await t.call(officer, { method: 'POST', url: `/api/report-periods/${h2}/units/${commune}/report` })
    ).json().report;
    const draft = (values: unknown[]) =>
      t.call(officer, {
        method: 'PATCH',
        url: `/api/reports/${h2Report.id}`,
        payload: { version: h2Report.version, results: 'Nháp', values },
      });
    const tooMany = await draft([
      { itemId: items.monthly, periodFrom: '2023-10-01', value: 2 },
      { itemId: items.share, periodFrom: '2023-10-01', value: 101 },
    ]);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details.issues[0].path).toEqual(['body', 'values', 1, 'value']);
    const saved = await draft([{ itemId: items.monthly, periodFrom: '2023-10-01', value: 2 }]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().report).toMatchObject({ status: 'draft', results: 'Nháp' });
    expect(
      (await rowsOf(h2)).find((r) => r.item.code === 'radio_news' && r.periodFrom === '2023-10-01')!.value,
    ).toMatchObject({ value: 2, status: 'draft' });
  });
});
