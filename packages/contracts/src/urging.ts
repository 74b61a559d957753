import { isoDate } from '@dx/domain';
import { z } from 'zod';
import { list } from './common';

// Requests

export const URGING_SOURCE_VALUES = ['target', 'tasks', 'reports'] as const;

export const urgingPlanParams = z.object({ planId: z.uuid() });
export const urgingParams = z.object({ urgingId: z.uuid() });

/**
 * Issue a công văn đôn đốc from a who-is-behind list: a target's subjects behind (`sourceId` = the plan target),
 * the overdue tasks, or a report period's missing units (`sourceId` = the period); `unitIds` narrows it to the units
 * ticked on the screen; `asOf` is the dashboard's day.
 */
export const issueUrgingInput = z
  .object({
    source: z.enum(URGING_SOURCE_VALUES),
    sourceId: z.uuid().nullable().optional(),
    unitIds: z.array(z.uuid()).min(1).max(2000).optional(),
    asOf: isoDate.optional(),
  })
  .refine((b) => b.source === 'tasks' || !!b.sourceId, {
    path: ['sourceId'],
    message: 'Chọn chỉ tiêu hoặc kỳ báo cáo',
  });

// Responses

const channelOutcome = z
  .object({ sent: z.number(), failed: z.number(), noAddress: z.number(), errors: z.array(z.string()) })
  .nullable();

export const urgingOut = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  /** "12/SKHCN" (number / the issuer's code). */
  number: z.string(),
  year: z.number(),
  source: z.enum(URGING_SOURCE_VALUES),
  sourceId: z.string().nullable(),
  subject: z.string(),
  issuedOn: z.string(),
  asOf: z.string(),
  issuer: z.string(),
  lines: z.array(z.object({ unitId: z.string(), unitName: z.string(), owes: z.array(z.string()) })),
  delivery: z.object({ zalo: channelOutcome, sms: channelOutcome }),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** Where the DOCX is downloaded. */
  documentUrl: z.string(),
});
export type UrgingOut = z.infer<typeof urgingOut>;
export const urgingListOut = list(urgingOut);
export type UrgingListOut = z.infer<typeof urgingListOut>;

export const issuedUrgingOut = z.object({
  urging: urgingOut,
  email: z.object({
    notified: z.number(),
    emailQueued: z.number(),
    emailNoRecipient: z.number(),
    emailStatus: z.enum(['queued', 'not_configured', 'no_recipient', 'partial']),
  }),
});
export type IssuedUrgingOut = z.infer<typeof issuedUrgingOut>;
export type IssueUrgingInput = z.infer<typeof issueUrgingInput>;
