import { ESTIMATE_KINDS, ESTIMATE_STATUSES, FUNDING_SOURCES, type LineSnapshot } from '@dx/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from './columns';
import { appUser, orgUnit } from './core-schema';
import { plan } from './plan-schema';
import { task } from './tasks-schema';

/*
 * Budget estimates and their approval road (plan 54 IV, V.1.d, V.2, V.3.a): a unit estimates the cost of its tasks;
 * the DX office consolidates; Finance appraises; the People's Committee approves. Money is integer đồng in bigint
 * (read as a JS number: amounts are validated to stay within Number.MAX_SAFE_INTEGER). Every row carries province_id.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});
const money = (name: string) => bigint(name, { mode: 'number' });

/** An estimate of one unit for one plan, or a supplementary request adding to an approved one (parent_id). */
export const budgetEstimate = pgTable(
  'budget_estimate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    kind: text('kind').notNull().default('estimate'),
    parentId: uuid('parent_id'),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    /** The road's state (workflow/approval.ts): status, round, step waited at, why it was returned. */
    status: text('status').notNull().default('draft'),
    round: integer('round').notNull().default(1),
    stepIndex: integer('step_index'),
    returnedFromStep: integer('returned_from_step'),
    returnReason: text('return_reason'),
    /** Optimistic concurrency: every write names the version it read; a stale one gets 409 with the current record. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
  },
  (t) => [
    index('budget_estimate_plan_idx').on(t.planId, t.status),
    index('budget_estimate_unit_idx').on(t.unitId),
    index('budget_estimate_parent_idx').on(t.parentId),
    check('budget_estimate_kind_chk', sql`${t.kind} IN (${inList(ESTIMATE_KINDS)})`),
    check('budget_estimate_status_chk', sql`${t.status} IN (${inList(ESTIMATE_STATUSES)})`),
    check('budget_estimate_round_chk', sql`${t.round} >= 1`),
  ],
);

/** A line of an estimate as it stands now (revisions keep how it stood at each round). */
export const budgetLine = pgTable(
  'budget_line',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    estimateId: uuid('estimate_id')
      .notNull()
      .references(() => budgetEstimate.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    position: integer('position').notNull(),
    taskId: uuid('task_id').references(() => task.id, { onDelete: 'set null' }),
    content: text('content').notNull(),
    unitCost: money('unit_cost').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    amount: money('amount').notNull(),
    /** What the unit asked for, before appraisal changed it. */
    requestedAmount: money('requested_amount').notNull(),
    fundingSource: text('funding_source').notNull(),
    adjustReason: text('adjust_reason'),
    adjustedBy: uuid('adjusted_by').references(() => appUser.id),
    adjustedAt: timestamp('adjusted_at', { withTimezone: true }),
  },
  (t) => [
    index('budget_line_estimate_idx').on(t.estimateId, t.position),
    index('budget_line_task_idx').on(t.taskId),
    check('budget_line_source_chk', sql`${t.fundingSource} IN (${inList(FUNDING_SOURCES)})`),
    check(
      'budget_line_money_chk',
      sql`${t.unitCost} >= 0 AND ${t.amount} >= 0 AND ${t.requestedAmount} >= 0 AND ${t.quantity} >= 1`,
    ),
  ],
);

/** The lines as they stood at a moment of the road: each submission (a new round), each appraisal, the approval. */
export const budgetRevision = pgTable(
  'budget_revision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    estimateId: uuid('estimate_id')
      .notNull()
      .references(() => budgetEstimate.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    round: integer('round').notNull(),
    kind: text('kind').notNull(),
    lines: jsonb('lines').$type<LineSnapshot[]>().notNull(),
    total: money('total').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('budget_revision_seq_uq').on(t.estimateId, t.seq),
    check('budget_revision_kind_chk', sql`${t.kind} IN ('submitted','adjusted','approved')`),
  ],
);

/** Who did what, when and why on the road (the history timeline). */
export const budgetEvent = pgTable(
  'budget_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    estimateId: uuid('estimate_id')
      .notNull()
      .references(() => budgetEstimate.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    action: text('action').notNull(),
    round: integer('round').notNull(),
    stepKey: text('step_key'),
    stepLabel: text('step_label'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    /** The revision this step produced, when it produced one. */
    revisionSeq: integer('revision_seq'),
    actorUserId: uuid('actor_user_id').references(() => appUser.id),
    actorName: text('actor_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('budget_event_estimate_idx').on(t.estimateId, t.id),
    check(
      'budget_event_action_chk',
      sql`${t.action} IN ('create','edit','attach','submit','forward','adjust','return','approve')`,
    ),
  ],
);

/** A document attached to an estimate, kept in the database like task evidence (bytea, ≤ 4 MB). */
export const budgetAttachment = pgTable(
  'budget_attachment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    estimateId: uuid('estimate_id')
      .notNull()
      .references(() => budgetEstimate.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('budget_attachment_estimate_idx').on(t.estimateId)],
);
