import { describe, expect, it } from 'vitest';
import { effectiveStatus, remindersDue } from './task';

const settings = { escalateAfterDays: 7, overdueEveryDays: 7 };
const part = { status: 'in_progress' as const, dueDate: '2023-06-30' };

describe('effectiveStatus', () => {
  it('derives overdue from the due date (local dates)', () => {
    expect(effectiveStatus('in_progress', '2023-06-30', '2023-06-30')).toBe('in_progress');
    expect(effectiveStatus('in_progress', '2023-06-30', '2023-07-01')).toBe('overdue');
    expect(effectiveStatus('done', '2023-06-30', '2023-07-01')).toBe('done');
    expect(effectiveStatus('not_started', null, '2030-01-01')).toBe('not_started');
  });
});

describe('remindersDue (plan 54 V.1.a: đôn đốc)', () => {
  it.each([
    ['2023-06-22', []],
    ['2023-06-23', ['due_in_7']],
    ['2023-06-27', ['due_in_3']],
    ['2023-06-30', ['due_today']],
    ['2023-07-01', ['overdue']],
    ['2023-07-02', []],
    ['2023-07-08', ['overdue', 'escalation']],
    ['2023-07-15', ['overdue', 'escalation']],
  ])('on %s', (today, kinds) => expect(remindersDue(part, today, settings)).toEqual(kinds));

  it('never urges a part that is done or has no due date', () => {
    expect(remindersDue({ status: 'done', dueDate: '2023-06-30' }, '2023-06-30', settings)).toEqual([]);
    expect(remindersDue({ status: 'not_started', dueDate: null }, '2023-06-30', settings)).toEqual([]);
  });

  it('escalates on the first overdue day when the delay is zero', () => {
    expect(remindersDue(part, '2023-07-01', { escalateAfterDays: 0, overdueEveryDays: 1 })).toEqual([
      'overdue',
      'escalation',
    ]);
  });
});
