import { OBSTACLE_ACTIONS, OBSTACLE_KINDS, OBSTACLE_OWNER_ROLES, OBSTACLE_STATUSES } from '@dx/domain';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from './columns';
import { appUser, orgUnit } from './core-schema';
import { plan, planTarget } from './plan-schema';
import { unitReport } from './reports-schema';
import { task } from './tasks-schema';

/*
 * The obstacles and proposals register (plan 54, closing paragraph: difficulties go to the City People's Committee
 * through the DX office). Every row carries province_id (sharding by province stays possible).
 */

/** An obstacle or proposal a unit raised, with who must act next (owner) and by when (due date). */
export const obstacle = pgTable(
  'obstacle',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    /** The unit that raised it (sees the answer). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Optional links: the plan, one of its tasks (III) or targets (I.2), the period report it came from. */
    planId: uuid('plan_id').references(() => plan.id, { onDelete: 'set null' }),
    taskId: uuid('task_id').references(() => task.id, { onDelete: 'set null' }),
    planTargetId: uuid('plan_target_id').references(() => planTarget.id, { onDelete: 'set null' }),
    reportId: uuid('report_id').references(() => unitReport.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('raised'),
    /** dx_office / leadership / unit (ownerUnitId); NULL once closed. */
    ownerRole: text('owner_role'),
    ownerUnitId: uuid('owner_unit_id').references(() => orgUnit.id),
    dueDate: date('due_date'),
    forwardNote: text('forward_note'),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    direction: text('direction'),
    directedAt: timestamp('directed_at', { withTimezone: true }),
    directedByName: text('directed_by_name'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByName: text('answered_by_name'),
    declineReason: text('decline_reason'),
    /** The item it was consolidated into (status merged): its direction and answer are this item's too. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => obstacle.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('obstacle_province_status_idx').on(t.provinceId, t.status, t.dueDate),
    index('obstacle_unit_idx').on(t.unitId, t.createdAt),
    index('obstacle_owner_unit_idx').on(t.ownerUnitId),
    index('obstacle_merged_into_idx').on(t.mergedIntoId),
    index('obstacle_report_idx').on(t.reportId),
    check('obstacle_kind_chk', sql`${t.kind} IN (${inList(OBSTACLE_KINDS)})`),
    check('obstacle_status_chk', sql`${t.status} IN (${inList(OBSTACLE_STATUSES)})`),
    check(
      'obstacle_owner_role_chk',
      sql`${t.ownerRole} IS NULL OR ${t.ownerRole} IN (${inList(OBSTACLE_OWNER_ROLES)})`,
    ),
  ],
);

/** Every step of an obstacle (raised, forwarded, merged, declined, directed, answered), append-only. */
export const obstacleStep = pgTable(
  'obstacle_step',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    obstacleId: uuid('obstacle_id')
      .notNull()
      .references(() => obstacle.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    action: text('action').notNull(),
    statusFrom: text('status_from'),
    statusTo: text('status_to').notNull(),
    /** The note, reason, direction or answer of the step. */
    note: text('note'),
    /** Step details: owner unit and due date of a direction, the item merged into, items attached. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    actorUserId: uuid('actor_user_id').references(() => appUser.id),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('obstacle_step_obstacle_idx').on(t.obstacleId, t.at),
    check('obstacle_step_action_chk', sql`${t.action} IN (${inList(OBSTACLE_ACTIONS)})`),
  ],
);
