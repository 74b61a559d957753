import { type RecordType, recordsOfCondition } from '@dx/domain';
import type { TargetEvaluation } from '../api/targets';

/** The record kind whose entry moves a target forward (the "act" button of "Việc của tôi"). */
export function actionKindOf(t: TargetEvaluation): RecordType {
  return recordsOfCondition(t.conditionType)?.action ?? 'publication';
}

/** The record kind listed behind a target's numbers. */
export function evidenceKindOf(t: TargetEvaluation): RecordType {
  return recordsOfCondition(t.conditionType)?.evidence ?? 'publication';
}
