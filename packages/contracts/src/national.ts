import { isoDate } from '@dx/domain';
import { z } from 'zod';
import { targetEvaluationStatus } from './targets';

// Requests

/**
 * `GET /api/national/overview` (issue 13): every province's plans of `year`, evaluated as they stood at the close of
 * `asOf`. Both default from today (the year of `asOf`).
 */
export const nationalOverviewQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  asOf: isoDate.optional(),
});
export type NationalOverviewQuery = z.input<typeof nationalOverviewQuery>;

// Responses

/**
 * Targets by status. On track = achieved or on track; behind = behind or at risk is split so the table can show
 * both. `onTrackPercent` is the share on track of the targets that could be judged (neither not defined nor not
 * applicable); null when none could: the table ranks by it.
 */
export const nationalTargetSummaryOut = z.object({
  total: z.number().int(),
  onTrack: z.number().int(),
  atRisk: z.number().int(),
  behind: z.number().int(),
  notApplicable: z.number().int(),
  notDefined: z.number().int(),
  onTrackPercent: z.number().nullable(),
});
export type NationalTargetSummaryOut = z.infer<typeof nationalTargetSummaryOut>;

/** Completeness of the latest reporting period whose deadline has passed (or that was closed), units by class. */
export const nationalReportsOut = z.object({
  periodId: z.uuid(),
  label: z.string(),
  dueDate: z.string(),
  required: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  pending: z.number().int(),
});
export type NationalReportsOut = z.infer<typeof nationalReportsOut>;

export const nationalPlanOut = z.object({
  id: z.uuid(),
  /** The plan's number (số hiệu), e.g. 54/KH-UBND. */
  code: z.string(),
  title: z.string(),
  targets: z.array(
    z.object({
      planTargetId: z.uuid(),
      code: z.string(),
      letter: z.string(),
      text: z.string(),
      value: z.number().nullable(),
      status: targetEvaluationStatus,
      goalText: z.string(),
    }),
  ),
  summary: nationalTargetSummaryOut,
  reports: nationalReportsOut.nullable(),
});

export const nationalProvinceOut = z.object({
  provinceId: z.uuid(),
  /** The name in force on `asOf` (packages/db/src/queries/as-of.ts). */
  name: z.string(),
  code: z.string().nullable(),
  plans: z.array(nationalPlanOut),
  /** Over all the province's plans of the year. */
  summary: nationalTargetSummaryOut,
  /** Summed over the plans' latest past periods; null when no plan has one. */
  reports: nationalReportsOut.omit({ periodId: true, label: true, dueDate: true }).nullable(),
});
export type NationalProvinceOut = z.infer<typeof nationalProvinceOut>;

export const nationalOverviewOut = z.object({
  year: z.number().int(),
  asOf: z.string(),
  /** Provinces in force on `asOf`, most targets on track first (then by name). */
  provinces: z.array(nationalProvinceOut),
});
export type NationalOverviewOut = z.infer<typeof nationalOverviewOut>;
