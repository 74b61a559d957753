// Tables of the reports feature. Exported from schema.ts so drizzle-kit generates their migration.
import {
  REPORT_ACTIONS,
  REPORT_ISSUERS,
  REPORT_PERIOD_KINDS,
  REPORT_PERIOD_STATUSES,
  REPORT_STATUSES,
} from '@dx/domain';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from './columns';
import { appUser, orgUnit, unitGroup } from './core-schema';
import { plan } from './plan-schema';
import { notification } from './records-schema';

/*
 * Periodic reports (plan 54 V.1.a: units report their results; the DX office consolidates them for the City
 * People's Committee and the Ministry). Every row carries province_id (sharding by province stays possible).
 */

/** A reporting period the DX office opens for a plan (Quý I/2023, 6 tháng đầu năm 2023, Năm 2023). */
export const reportPeriod = pgTable(
  'report_period',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    /** Local dates, both inclusive. */
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    /** Last local day a report counts as on time. */
    dueDate: date('due_date').notNull(),
    status: text('status').notNull().default('open'),
    /** What the DX office chose (kept to show and re-resolve); the resolved list is report_period_unit. */
    requiredGroupIds: jsonb('required_group_ids').$type<string[]>().notNull().default([]),
    requiredUnitIds: jsonb('required_unit_ids').$type<string[]>().notNull().default([]),
    note: text('note').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => appUser.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('report_period_plan_idx').on(t.planId, t.periodFrom),
    index('report_period_province_idx').on(t.provinceId, t.dueDate),
    check('report_period_kind_chk', sql`${t.kind} IN (${inList(REPORT_PERIOD_KINDS)})`),
    check('report_period_status_chk', sql`${t.status} IN (${inList(REPORT_PERIOD_STATUSES)})`),
    check('report_period_range_chk', sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/** The units that must report for a period, resolved from groups and explicit units as of the period end. */
export const reportPeriodUnit = pgTable(
  'report_period_unit',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriod.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    provinceId: uuid('province_id').notNull(),
    /** The group it came from; NULL when the unit was chosen explicitly. */
    viaGroupId: uuid('via_group_id').references(() => unitGroup.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId] }), index('report_period_unit_unit_idx').on(t.unitId)],
);

/**
 * One unit's report for a period. Figures are computed live while draft/returned and snapshotted on submit
 * (`figures`), so what the DX office reviews is what was submitted. Accepted = locked (who, when, why).
 */
export const unitReport = pgTable(
  'unit_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriod.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    status: text('status').notNull().default('draft'),
    results: text('results').notNull().default(''),
    obstacles: text('obstacles').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    /** Snapshot of the pre-filled figures at the last submission (ReportFigures); NULL until submitted. */
    figures: jsonb('figures').$type<Record<string, unknown>>(),
    /** First submission decides timeliness (on time / late); the last one is what is under review. */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => appUser.id),
    submittedByName: text('submitted_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedByName: text('reviewed_by_name'),
    /** The DX office's comment on the last review (required when returning). */
    reviewComment: text('review_comment'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('unit_report_period_unit_uq').on(t.periodId, t.unitId),
    index('unit_report_unit_idx').on(t.unitId, t.status),
    index('unit_report_period_status_idx').on(t.periodId, t.status),
    check('unit_report_status_chk', sql`${t.status} IN (${inList(REPORT_STATUSES)})`),
  ],
);

/** Every step of a report (saved, submitted, returned with comment, accepted), append-only. */
export const unitReportEvent = pgTable(
  'unit_report_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => unitReport.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    action: text('action').notNull(),
    statusFrom: text('status_from'),
    statusTo: text('status_to').notNull(),
    comment: text('comment'),
    actorUserId: uuid('actor_user_id').references(() => appUser.id),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('unit_report_event_report_idx').on(t.reportId, t.at),
    check('unit_report_event_action_chk', sql`${t.action} IN (${inList(REPORT_ACTIONS)})`),
  ],
);

/** A reminder (đôn đốc) sent to a unit that has not reported for a period. */
export const reportReminder = pgTable(
  'report_reminder',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriod.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    notificationId: uuid('notification_id').references(() => notification.id, { onDelete: 'set null' }),
    emailStatus: text('email_status').notNull(),
    sentBy: uuid('sent_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('report_reminder_period_idx').on(t.periodId, t.unitId)],
);

/**
 * A consolidated report as issued (plan 54 V.1.a; issue 11: "frozen at submission, the consolidated report follows
 * the same rule" as unit reports): the gathered figures (`data`, ConsolidatedData) and the laid-out document
 * (`layout`, ConsolidatedLayout: its words) at the moment of issue. Once issued it is served from here, so nothing
 * recorded, re-organised or re-worded later changes it. One per period and issuer; never updated.
 */
export const consolidatedReport = pgTable(
  'consolidated_report',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportPeriod.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    issuer: text('issuer').notNull(),
    /** The report's date and the day its figures stand at (local dates). */
    reportDate: date('report_date').notNull(),
    figuresDate: date('figures_date').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    layout: jsonb('layout').$type<Record<string, unknown>>().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: uuid('issued_by').references(() => appUser.id),
    issuedByName: text('issued_by_name').notNull(),
  },
  (t) => [
    uniqueIndex('consolidated_report_period_issuer_uq').on(t.periodId, t.issuer),
    check('consolidated_report_issuer_chk', sql`${t.issuer} IN (${inList(REPORT_ISSUERS)})`),
  ],
);
