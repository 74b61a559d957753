import { describe, expect, it } from 'vitest';
import {
  createReportPeriodInput,
  returnReportInput,
  standardPeriod,
  updateReportPeriodInput,
} from './inputs';

const planId = '00000000-0000-4000-8000-000000000001';
const unitId = '00000000-0000-4000-8000-000000000002';

describe('createReportPeriodInput', () => {
  const ok = {
    planId,
    kind: 'quarter',
    label: 'Quý I/2023',
    periodFrom: '2023-01-01',
    periodTo: '2023-03-31',
    dueDate: '2023-04-10',
    unitIds: [unitId],
  };
  it('accepts a quarter with one unit', () => {
    expect(createReportPeriodInput.parse(ok)).toMatchObject({ groupIds: [], note: '' });
  });
  it('refuses reversed dates, a due date before the start, and no one to report, by field', () => {
    const r = createReportPeriodInput.safeParse({
      ...ok,
      periodFrom: '2023-04-01',
      dueDate: '2023-03-01',
      unitIds: [],
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['periodTo', 'dueDate', 'unitIds']));
  });
  it('refuses an impossible date and an unknown kind', () => {
    expect(createReportPeriodInput.safeParse({ ...ok, periodTo: '2023-02-30' }).success).toBe(false);
    expect(createReportPeriodInput.safeParse({ ...ok, kind: 'month' }).success).toBe(false);
  });
});

describe('updateReportPeriodInput / returnReportInput', () => {
  it('needs a version; checks dates given together', () => {
    expect(updateReportPeriodInput.safeParse({ label: 'x y' }).success).toBe(false);
    expect(
      updateReportPeriodInput.safeParse({ version: 1, periodFrom: '2023-05-01', periodTo: '2023-04-01' })
        .success,
    ).toBe(false);
    expect(updateReportPeriodInput.parse({ version: 2, status: 'closed' })).toEqual({
      version: 2,
      status: 'closed',
    });
  });
  it('a return needs a non-blank comment', () => {
    expect(returnReportInput.safeParse({ version: 1, comment: '  ' }).success).toBe(false);
    expect(returnReportInput.safeParse({ version: 1, comment: 'Bổ sung' }).success).toBe(true);
  });
});

describe('standardPeriod', () => {
  it('quarters, halves and the year with their usual labels', () => {
    expect(standardPeriod('quarter', 2023, 1)).toEqual({
      periodFrom: '2023-01-01',
      periodTo: '2023-03-31',
      label: 'Quý I/2023',
    });
    expect(standardPeriod('quarter', 2024, 4).periodTo).toBe('2024-12-31');
    expect(standardPeriod('half_year', 2024, 1)).toEqual({
      periodFrom: '2024-01-01',
      periodTo: '2024-06-30',
      label: '6 tháng đầu năm 2024',
    });
    expect(standardPeriod('half_year', 2023, 2).periodFrom).toBe('2023-07-01');
    expect(standardPeriod('year', 2023)).toEqual({
      periodFrom: '2023-01-01',
      periodTo: '2023-12-31',
      label: 'Năm 2023',
    });
  });
});
