import type { RecordType } from '../records/inputs';
import type { TargetCondition } from './definition';

/**
 * Which records a condition reads: `action` is the record a unit enters to move the target forward (the button of
 * "Việc của tôi"), `evidence` the records listed behind the target's numbers (docs/brief.md "The six targets").
 */
export const RECORDS_OF_CONDITION: Record<
  TargetCondition['type'],
  { action: RecordType; evidence: RecordType }
> = {
  accepted_unit_plan: { action: 'unit_plan', evidence: 'unit_plan' }, // I.2.a
  dx_publication_each_quarter: { action: 'publication', evidence: 'channel' }, // I.2.b
  attended_training: { action: 'training', evidence: 'person' }, // I.2.c
  featured_in_publication: { action: 'publication', evidence: 'dx_model' }, // I.2.d
  count: { action: 'event', evidence: 'event' }, // I.2.đ
  held_event: { action: 'event', evidence: 'event' }, // I.2.e
};

/** The records behind a condition type as the API reports it; null for an undefined or unknown condition. */
export function recordsOfCondition(type: string | null): { action: RecordType; evidence: RecordType } | null {
  return type !== null && Object.hasOwn(RECORDS_OF_CONDITION, type)
    ? RECORDS_OF_CONDITION[type as TargetCondition['type']]
    : null;
}
