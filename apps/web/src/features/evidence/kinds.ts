import type { RecordType } from '@dx/domain';
import type { TargetEvaluation } from './api';

/**
 * What a target counts (the population's record kind). The API gives it on each subject; a target with no
 * subject (a count, or nothing recorded yet) is recognised from its formula in words.
 */
export function populationOf(t: TargetEvaluation): string {
  const s = t.subjects[0]?.subjectType;
  if (s) return s;
  const f = (t.formula ?? '').toLowerCase();
  if (f.includes('số kênh')) return 'channel';
  if (f.includes('số người')) return 'person';
  if (f.includes('mô hình') && !f.includes('số đơn vị')) return 'dx_model';
  if (f.startsWith('giá trị')) return 'event';
  return 'unit';
}

/** The record kind whose entry moves a target forward (the "act" button of "Việc của tôi"). */
export function actionKindOf(t: TargetEvaluation): RecordType {
  switch (populationOf(t)) {
    case 'channel':
      return 'publication';
    case 'person':
      return 'training';
    case 'dx_model':
      return 'publication';
    case 'event':
      return 'event';
    default:
      // Units count either with an accepted plan (I.2.a) or with an activity held (I.2.e).
      return (t.formula ?? '').includes('kế hoạch') ? 'unit_plan' : 'event';
  }
}

/** The record kind listed behind a target's numbers. */
export function evidenceKindOf(t: TargetEvaluation): RecordType {
  switch (populationOf(t)) {
    case 'channel':
      return 'channel';
    case 'person':
      return 'person';
    case 'dx_model':
      return 'dx_model';
    case 'event':
      return 'event';
    default:
      return actionKindOf(t);
  }
}
