import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES, type ReportStatus } from './constants';
import {
  availableReportCommands,
  decideReport,
  mayRemindReport,
  type ReportActor,
  type ReportCommand,
} from './workflow';

const unit: ReportActor = { canWrite: true, canReview: false };
const office: ReportActor = { canWrite: false, canReview: true };
const nobody: ReportActor = { canWrite: false, canReview: false };
const both: ReportActor = { canWrite: true, canReview: true };
const open = (status: ReportStatus) => ({ status, periodOpen: true });

const save: ReportCommand = { type: 'save' };
const submit: ReportCommand = { type: 'submit' };
const ret: ReportCommand = { type: 'return', comment: 'Bổ sung số liệu tập huấn' };
const accept: ReportCommand = { type: 'accept' };

describe('decideReport: every allowed transition', () => {
  it.each([
    ['draft', save, unit, 'save', 'draft'],
    ['returned', save, unit, 'save', 'returned'],
    ['draft', submit, unit, 'submit', 'submitted'],
    ['returned', submit, unit, 'submit', 'submitted'],
    ['submitted', ret, office, 'return', 'returned'],
    ['submitted', accept, office, 'accept', 'accepted'],
    ['draft', submit, both, 'submit', 'submitted'],
    ['submitted', accept, both, 'accept', 'accepted'],
  ] as const)('%s + %o by %o → %s/%s', (status, cmd, actor, action, to) => {
    expect(decideReport(open(status), cmd, actor)).toEqual({ ok: true, action, to });
  });
});

describe('decideReport: every refused transition', () => {
  const commands = [save, submit, ret, accept];
  const actors = [unit, office, nobody, both];

  it('an accepted report is locked for everyone and every command', () => {
    for (const c of commands)
      for (const a of actors)
        for (const periodOpen of [true, false]) {
          const d = decideReport({ status: 'accepted', periodOpen }, c, a);
          expect(d).toMatchObject({ ok: false, code: 'REPORT.LOCKED' });
        }
  });

  it.each([
    ['submitted', save, unit, 'WORKFLOW.INVALID_TRANSITION'],
    ['submitted', submit, unit, 'WORKFLOW.INVALID_TRANSITION'],
    ['draft', ret, office, 'WORKFLOW.INVALID_TRANSITION'],
    ['draft', accept, office, 'WORKFLOW.INVALID_TRANSITION'],
    ['returned', ret, office, 'WORKFLOW.INVALID_TRANSITION'],
    ['returned', accept, office, 'WORKFLOW.INVALID_TRANSITION'],
    // Roles: the office cannot write a unit's report, a unit cannot review its own.
    ['draft', save, office, 'AUTH.FORBIDDEN'],
    ['draft', submit, office, 'AUTH.FORBIDDEN'],
    ['returned', submit, nobody, 'AUTH.FORBIDDEN'],
    ['submitted', ret, unit, 'AUTH.FORBIDDEN'],
    ['submitted', accept, unit, 'AUTH.FORBIDDEN'],
    ['submitted', accept, nobody, 'AUTH.FORBIDDEN'],
  ] as const)('%s + %o by %o → %s', (status, cmd, actor, code) => {
    expect(decideReport(open(status), cmd, actor)).toMatchObject({ ok: false, code });
  });

  it('returning needs a comment (blank is refused)', () => {
    for (const comment of ['', '   ', '\n\t'])
      expect(decideReport(open('submitted'), { type: 'return', comment }, office)).toMatchObject({
        ok: false,
        code: 'VALIDATION.FAILED',
      });
  });

  it('a closed period takes no more saves or submissions, but the office may still review', () => {
    for (const status of ['draft', 'returned'] as const)
      for (const c of [save, submit])
        expect(decideReport({ status, periodOpen: false }, c, unit)).toMatchObject({
          ok: false,
          code: 'REPORT.PERIOD_CLOSED',
        });
    expect(decideReport({ status: 'submitted', periodOpen: false }, accept, office).ok).toBe(true);
    expect(decideReport({ status: 'submitted', periodOpen: false }, ret, office).ok).toBe(true);
  });

  it('the full table: status × command × actor is allowed exactly in the listed cases', () => {
    const allowed = new Set([
      'draft/save/unit',
      'draft/submit/unit',
      'returned/save/unit',
      'returned/submit/unit',
      'submitted/return/office',
      'submitted/accept/office',
    ]);
    for (const status of REPORT_STATUSES)
      for (const c of commands)
        for (const [name, a] of [
          ['unit', unit],
          ['office', office],
          ['nobody', nobody],
        ] as const) {
          const key = `${status}/${c.type}/${name}`;
          expect(decideReport(open(status), c, a).ok, key).toBe(allowed.has(key));
        }
  });
});

describe('availableReportCommands', () => {
  it('lists the buttons to enable', () => {
    expect(availableReportCommands(open('draft'), unit)).toEqual(['save', 'submit']);
    expect(availableReportCommands(open('returned'), unit)).toEqual(['save', 'submit']);
    expect(availableReportCommands(open('submitted'), unit)).toEqual([]);
    expect(availableReportCommands(open('submitted'), office)).toEqual(['return', 'accept']);
    expect(availableReportCommands(open('accepted'), both)).toEqual([]);
    expect(availableReportCommands({ status: 'draft', periodOpen: false }, unit)).toEqual([]);
  });
});

describe('mayRemindReport', () => {
  it('a required unit with no report, a draft or a returned report may be urged; sent or accepted may not', () => {
    const statuses: (ReportStatus | null)[] = [null, ...REPORT_STATUSES];
    expect(statuses.map((status) => [status, mayRemindReport({ isRequired: true, status })])).toEqual([
      [null, true],
      ...REPORT_STATUSES.map((s) => [s, s === 'draft' || s === 'returned']),
    ]);
  });
  it('a unit not required to report is never urged', () => {
    for (const status of [null, ...REPORT_STATUSES])
      expect(mayRemindReport({ isRequired: false, status })).toBe(false);
  });
});
