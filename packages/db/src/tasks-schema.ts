import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { appUser, orgUnit, unitGroup } from './core-schema';
import { plan, planTarget, planTheme } from './plan-schema';
import { notification } from './records-schema';

/*
 * The appendix of tasks (plan 54 III "Danh mục nhiệm vụ … tại Phụ lục") and its follow-up by the DX office
 * (V.1.a: hướng dẫn, đôn đốc, kiểm tra). Every row carries province_id (sharding by province stays possible).
 */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** A task of a plan's appendix; the time frame keeps the text as written and the period derived from it. */
export const task = pgTable(
  'task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    /** The group heading it sits under ("I. Tuyên truyền trên báo chí"). */
    section: text('section'),
    /** Number as written in the appendix ("1", "2.3"). */
    stt: text('stt'),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    leadText: text('lead_text').notNull(),
    coordinatorText: text('coordinator_text').notNull().default(''),
    timeFrameText: text('time_frame_text').notNull(),
    /** continuous / annual / period / deadline / unknown (parseTimeFrame). */
    timeFrameKind: text('time_frame_kind').notNull(),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    dueDate: date('due_date'),
    output: text('output').notNull().default(''),
    budgetText: text('budget_text').notNull().default(''),
    budgetAmount: numeric('budget_amount', { mode: 'number' }),
    note: text('note').notNull().default(''),
    /** Groups the lead cell named (the per-unit assignments were expanded from them as of the period). */
    leadGroupIds: jsonb('lead_group_ids').$type<string[]>().notNull().default([]),
    importBatchId: uuid('import_batch_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('task_plan_idx').on(t.planId, t.position),
    index('task_province_due_idx').on(t.provinceId, t.dueDate),
    check('task_kind_chk', sql`${t.timeFrameKind} IN ('continuous','annual','period','deadline','unknown')`),
  ],
);

/** Themes (II.x) and targets (I.2.x) a task serves. */
export const taskTheme = pgTable(
  'task_theme',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => planTheme.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.themeId] }), index('task_theme_theme_idx').on(t.themeId)],
);

export const taskTarget = pgTable(
  'task_target',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id, { onDelete: 'cascade' }),
    planTargetId: uuid('plan_target_id')
      .notNull()
      .references(() => planTarget.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.planTargetId] })],
);

/** One unit's part of a task: every lead unit of a group-led task has its own status (plan 54 III). */
export const taskAssignment = pgTable(
  'task_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    role: text('role').notNull(),
    /** The group it came from, when the lead cell named a group. */
    viaGroupId: uuid('via_group_id').references(() => unitGroup.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('not_started'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => appUser.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('task_assignment_unit_uq').on(t.taskId, t.unitId),
    index('task_assignment_unit_idx').on(t.unitId, t.status),
    index('task_assignment_province_idx').on(t.provinceId, t.status),
    check('task_assignment_role_chk', sql`${t.role} IN ('lead','coordinator')`),
    check('task_assignment_status_chk', sql`${t.status} IN ('not_started','in_progress','done','blocked')`),
  ],
);

/** A progress update (lead unit) or a comment (coordinating unit, DX office), with its evidence. */
export const taskUpdate = pgTable(
  'task_update',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => task.id, { onDelete: 'cascade' }),
    assignmentId: uuid('assignment_id').references(() => taskAssignment.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    unitId: uuid('unit_id').references(() => orgUnit.id),
    kind: text('kind').notNull(),
    statusFrom: text('status_from'),
    statusTo: text('status_to'),
    note: text('note').notNull().default(''),
    links: jsonb('links').$type<string[]>().notNull().default([]),
    /** Evidence records (publications, trainings, events…) that delivered the task. */
    recordIds: jsonb('record_ids').$type<string[]>().notNull().default([]),
    authorUserId: uuid('author_user_id').references(() => appUser.id),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('task_update_task_idx').on(t.taskId, t.createdAt),
    check('task_update_kind_chk', sql`${t.kind} IN ('progress','comment')`),
  ],
);

/**
 * An uploaded evidence file, kept in the database (bytea): the same on PGlite and PostgreSQL, in the same backup
 * and transaction as the update it belongs to; files are small (≤ 4 MB). Move to S3-compatible storage behind
 * `storage_key` when volumes require it (docs/design.md "Shape of the system").
 */
export const taskAttachment = pgTable(
  'task_attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    updateId: uuid('update_id')
      .notNull()
      .references(() => taskUpdate.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').notNull(),
    provinceId: uuid('province_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('task_attachment_update_idx').on(t.updateId)],
);

/**
 * A reminder sent about a unit's part of a task (đôn đốc, plan 54 V.1.a). The unique key (assignment, kind, local
 * date) is what makes the scheduled job idempotent: a second run the same day inserts nothing and sends nothing.
 */
export const taskReminder = pgTable(
  'task_reminder',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => taskAssignment.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').notNull(),
    provinceId: uuid('province_id').notNull(),
    kind: text('kind').notNull(),
    localDate: date('local_date').notNull(),
    /** The unit reminded: the assigned unit, or its supervisor for an escalation. */
    recipientUnitId: uuid('recipient_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    notificationId: uuid('notification_id').references(() => notification.id, { onDelete: 'set null' }),
    /** 'pending' until the e-mail went (or failed): then 'sent', 'failed', 'no_recipient', 'not_configured'. */
    emailStatus: text('email_status').notNull().default('pending'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('task_reminder_once_uq').on(t.assignmentId, t.kind, t.localDate),
    index('task_reminder_task_idx').on(t.taskId, t.createdAt),
    check(
      'task_reminder_kind_chk',
      sql`${t.kind} IN ('due_in_7','due_in_3','due_today','overdue','escalation')`,
    ),
  ],
);
