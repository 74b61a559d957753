import { rate } from '../targets/evaluation';

/**
 * Completeness and timeliness of a period's reports (plan 54 V.1.a), per period and per unit group. Rates never
 * exceed 100% and a unit with nothing due is "not applicable" (docs/design.md § Data model principles, DHIS2's reporting-rate
 * bugs): the denominator is the units REQUIRED to report, and each of them falls in exactly one class.
 */
export const TIMELINESS_CLASSES = ['on_time', 'late', 'missing', 'pending', 'not_required'] as const;
export type Timeliness = (typeof TIMELINESS_CLASSES)[number];

export const TIMELINESS_LABELS_VI: Record<Timeliness, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa nộp (quá hạn)',
  pending: 'Chưa nộp (chưa đến hạn)',
  not_required: 'Không phải báo cáo',
};

/**
 * One unit's class. Timeliness is judged on the FIRST submission (local date): a report returned for more detail
 * and resubmitted after the due date was still sent on time. A required unit that has not submitted is "missing"
 * only once the due date has passed (the due date itself still counts as on time); before that it is "pending".
 */
export function classifyTimeliness(x: {
  isRequired: boolean;
  /** Local date (yyyy-mm-dd) of the first submission, or null. */
  firstSubmittedOn: string | null;
  dueDate: string;
  today: string;
}): Timeliness {
  if (!x.isRequired) return 'not_required';
  if (x.firstSubmittedOn !== null) return x.firstSubmittedOn <= x.dueDate ? 'on_time' : 'late';
  return x.today > x.dueDate ? 'missing' : 'pending';
}

export type TimelinessSummary = {
  required: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  notRequired: number;
  /** Percent of required units (one decimal, ≤ 100); null when no unit is required (not applicable). */
  rates: { submitted: number | null; onTime: number | null; late: number | null; missing: number | null };
};

/** Counts and rates over units' classes. */
export function summariseTimeliness(classes: readonly Timeliness[]): TimelinessSummary {
  const count = (c: Timeliness) => classes.filter((x) => x === c).length;
  const onTime = count('on_time');
  const late = count('late');
  const missing = count('missing');
  const pending = count('pending');
  const required = onTime + late + missing + pending;
  const submitted = onTime + late;
  return {
    required,
    submitted,
    onTime,
    late,
    missing,
    pending,
    notRequired: count('not_required'),
    rates: {
      submitted: rate(submitted, required),
      onTime: rate(onTime, required),
      late: rate(late, required),
      missing: rate(missing, required),
    },
  };
}
