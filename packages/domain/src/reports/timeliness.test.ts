import { describe, expect, it } from 'vitest';
import { classifyTimeliness, summariseTimeliness, type Timeliness } from './timeliness';

const due = '2023-04-10';

describe('classifyTimeliness', () => {
  it('not required is not applicable, whatever else is true', () => {
    expect(
      classifyTimeliness({
        isRequired: false,
        firstSubmittedOn: '2023-04-01',
        dueDate: due,
        today: '2023-05-01',
      }),
    ).toBe('not_required');
    expect(
      classifyTimeliness({ isRequired: false, firstSubmittedOn: null, dueDate: due, today: '2023-05-01' }),
    ).toBe('not_required');
  });
  it('submitted on the due date is on time; the day after is late', () => {
    expect(
      classifyTimeliness({ isRequired: true, firstSubmittedOn: due, dueDate: due, today: '2023-06-01' }),
    ).toBe('on_time');
    expect(
      classifyTimeliness({
        isRequired: true,
        firstSubmittedOn: '2023-04-11',
        dueDate: due,
        today: '2023-06-01',
      }),
    ).toBe('late');
    expect(
      classifyTimeliness({
        isRequired: true,
        firstSubmittedOn: '2023-03-15',
        dueDate: due,
        today: '2023-03-16',
      }),
    ).toBe('on_time');
  });
  it('not submitted: pending up to and including the due date, missing after it', () => {
    expect(
      classifyTimeliness({ isRequired: true, firstSubmittedOn: null, dueDate: due, today: '2023-04-09' }),
    ).toBe('pending');
    expect(classifyTimeliness({ isRequired: true, firstSubmittedOn: null, dueDate: due, today: due })).toBe(
      'pending',
    );
    expect(
      classifyTimeliness({ isRequired: true, firstSubmittedOn: null, dueDate: due, today: '2023-04-11' }),
    ).toBe('missing');
  });
  it('compares local dates across a year boundary', () => {
    expect(
      classifyTimeliness({
        isRequired: true,
        firstSubmittedOn: '2024-01-02',
        dueDate: '2023-12-31',
        today: '2024-01-05',
      }),
    ).toBe('late');
  });
});

describe('summariseTimeliness', () => {
  it('counts each class and rates over required units only', () => {
    const classes: Timeliness[] = ['on_time', 'on_time', 'late', 'missing', 'not_required', 'not_required'];
    expect(summariseTimeliness(classes)).toEqual({
      required: 4,
      submitted: 3,
      onTime: 2,
      late: 1,
      missing: 1,
      pending: 0,
      notRequired: 2,
      rates: { submitted: 75, onTime: 50, late: 25, missing: 25 },
    });
  });
  it('no required unit: every rate is not applicable (null), never 0% or NaN', () => {
    const s = summariseTimeliness(['not_required', 'not_required']);
    expect(s.required).toBe(0);
    expect(s.rates).toEqual({ submitted: null, onTime: null, late: null, missing: null });
    expect(summariseTimeliness([]).rates.onTime).toBeNull();
  });
  it('all on time is exactly 100%; rates never exceed 100', () => {
    const s = summariseTimeliness(['on_time', 'on_time', 'on_time', 'not_required']);
    expect(s.rates.onTime).toBe(100);
    expect(s.rates.submitted).toBe(100);
    for (const n of [1, 3, 7, 9, 11]) {
      const mixed: Timeliness[] = Array.from(
        { length: n },
        (_, i) => (['on_time', 'late', 'missing', 'pending'] as const)[i % 4] ?? 'pending',
      );
      const r = summariseTimeliness(mixed).rates;
      for (const v of Object.values(r)) expect(v === null || (v >= 0 && v <= 100)).toBe(true);
    }
  });
  it('thirds round to one decimal', () => {
    const s = summariseTimeliness(['on_time', 'late', 'missing']);
    expect(s.rates).toEqual({ submitted: 66.7, onTime: 33.3, late: 33.3, missing: 33.3 });
  });
  it('pending units are required but neither submitted nor missing', () => {
    const s = summariseTimeliness(['pending', 'on_time']);
    expect(s).toMatchObject({ required: 2, submitted: 1, missing: 0, pending: 1 });
    expect(s.rates.missing).toBe(0);
  });
});
