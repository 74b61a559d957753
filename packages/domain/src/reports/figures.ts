import { z } from 'zod';
import { targetGoal } from '../plan/plan';

/**
 * The figures a unit's report is pre-filled with: computed live from the records of the unit and the units below
 * it within the period, and snapshotted on submission (what was submitted is what is reviewed and consolidated).
 */
const count = z.number().int().min(0);
export const reportFigures = z.object({
  computedAt: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  /** Units whose records count: the reporting unit and its subtree as of the period end. */
  unitCount: count,
  publications: z.object({
    total: count,
    dx: count,
    byTheme: z.array(z.object({ themeId: z.string(), code: z.string(), name: z.string(), count })),
    byChannel: z.array(z.object({ channelId: z.string(), name: z.string(), kind: z.string(), count })),
  }),
  /** peopleTrained counts each person once; attendances counts each (training, person) ("lượt"); absent in old snapshots. */
  trainings: z.object({ count, peopleTrained: count, attendances: count.optional() }),
  events: z.object({
    total: count,
    participants: count,
    /** Events on digital transformation (is_dx) and their participants; absent in snapshots taken before. */
    dx: count.optional(),
    dxParticipants: count.optional(),
    byKind: z.array(z.object({ kind: z.string(), count })),
  }),
  /** Recognised models only: recognised by the period end, recognised within it, and those featured within it. */
  models: z.object({ total: count, recognisedInPeriod: count, featuredInPeriod: count }),
  tasks: z.object({
    total: count,
    done: count,
    inProgress: count,
    notStarted: count,
    blocked: count,
    overdue: count,
    items: z.array(
      z.object({
        taskId: z.string(),
        stt: z.string().nullable(),
        title: z.string(),
        status: z.string(),
        effectiveStatus: z.string(),
        dueDate: z.string().nullable(),
      }),
    ),
  }),
  /**
   * The reported figures (data items, issue 16) sent with the report: each value owed in the period (an item at its
   * own frequency) with what the unit entered, null when it entered none. Frozen at submission; absent in snapshots
   * taken before, and in the live figures (the form shows the values being typed).
   */
  dataValues: z
    .array(
      z.object({
        itemId: z.string(),
        code: z.string(),
        nameVi: z.string(),
        nameEn: z.string(),
        unitOfMeasure: z.string(),
        frequency: z.string(),
        periodFrom: z.string(),
        periodTo: z.string(),
        value: z.number().nullable(),
        note: z.string(),
      }),
    )
    .optional(),
  /** The unit's standing on each target of the plan (its own subjects), as of the computation. */
  targets: z.array(
    z.object({
      planTargetId: z.string(),
      code: z.string(),
      text: z.string(),
      goalText: z.string(),
      /** The goal as data, for the web to word (issue 18); absent from snapshots stored before it. */
      goal: targetGoal.optional(),
      due: count,
      achieved: count,
      /** Percent of its subjects for rates (null = not applicable), a number for counts. */
      value: z.number().nullable(),
      status: z.string(),
    }),
  ),
});
export type ReportFigures = z.infer<typeof reportFigures>;
export type RecordFigures = Omit<ReportFigures, 'targets' | 'computedAt'>;
