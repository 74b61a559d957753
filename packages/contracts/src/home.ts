import { z } from 'zod';

// Requests

export const homeQuery = z.object({ provinceId: z.uuid() });

// Responses

/** What a home item is about; the web words it (vi/en) and the link opens the list where it is acted on. */
export const HOME_ITEM_KEYS = [
  'targets_behind',
  'tasks_overdue',
  'reports_overdue',
  'reports_to_review',
  'obstacles_new',
  'estimates_waiting',
  'my_tasks_overdue',
  'my_tasks_due',
  'my_reports_to_submit',
  'my_obstacles_to_answer',
  'my_obstacles_answered',
  'obstacles_to_direct',
] as const;
export const HOME_SECTIONS = ['office', 'unit', 'leadership'] as const;

export const homeItemOut = z.object({
  key: z.enum(HOME_ITEM_KEYS),
  count: z.number().int().min(0),
  /** Path inside the web app where the item is acted on (one click from action). */
  href: z.string(),
});
export const homeOut = z.object({
  provinceId: z.uuid(),
  today: z.string(),
  plan: z.object({ id: z.uuid(), code: z.string(), title: z.string(), year: z.number().int() }).nullable(),
  /** The sections the caller's grants in the province open, each with the items that need it today. */
  sections: z.array(z.object({ section: z.enum(HOME_SECTIONS), items: z.array(homeItemOut) })),
  /** Targets of the plan by status (leadership and the DX office read the whole plan). */
  targets: z
    .object({ total: z.number().int(), behind: z.number().int(), atRisk: z.number().int() })
    .nullable(),
});
export type HomeOut = z.infer<typeof homeOut>;
export type HomeItemKey = (typeof HOME_ITEM_KEYS)[number];
