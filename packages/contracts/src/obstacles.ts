import {
  isoDate,
  OBSTACLE_ACTIONS,
  OBSTACLE_KINDS,
  OBSTACLE_OWNER_ROLES,
  OBSTACLE_STATUSES,
  OBSTACLE_TRANSITIONS,
  raiseObstacleInput,
} from '@dx/domain';
import { z } from 'zod';
import { pagination, recordVersion } from './common';

// Requests

export const obstacleParams = z.object({ obstacleId: z.uuid('Mã khó khăn, kiến nghị không hợp lệ') });

export const obstaclesQuery = z.object({
  provinceId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: z.enum(OBSTACLE_STATUSES).optional(),
  kind: z.enum(OBSTACLE_KINDS).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  reportId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
  ...pagination,
});

export { raiseObstacleInput as raiseObstacleBody };
export type RaiseObstacleBody = z.input<typeof raiseObstacleInput>;

const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max);

/** The body of each step on an obstacle (one route per step). */
export const obstacleStepBodies = {
  forward: z.object({
    version: recordVersion,
    note: z.string().trim().max(5000).default(''),
    dueDate: isoDate.nullable().optional(),
    attachIds: z.array(z.uuid()).max(100).default([]),
  }),
  merge: z.object({ version: recordVersion, intoId: z.uuid('Mã kiến nghị không hợp lệ') }),
  decline: z.object({ version: recordVersion, reason: text(5, 5000, 'Nêu lý do (ít nhất 5 ký tự)') }),
  direct: z.object({
    version: recordVersion,
    direction: text(5, 10_000, 'Nhập nội dung chỉ đạo (ít nhất 5 ký tự)'),
    ownerUnitId: z.uuid('Mã đơn vị không hợp lệ'),
    dueDate: isoDate,
  }),
  answer: z.object({
    version: recordVersion,
    answer: text(5, 10_000, 'Nhập nội dung trả lời (ít nhất 5 ký tự)'),
  }),
} as const;

// Responses

/** Every field of an obstacle that leaves the server (a new column never leaks). */
export const obstacleOut = z.object({
  id: z.uuid(),
  provinceId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(OBSTACLE_KINDS),
  title: z.string(),
  description: z.string(),
  planId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  planTargetId: z.uuid().nullable(),
  reportId: z.uuid().nullable(),
  status: z.enum(OBSTACLE_STATUSES),
  isOverdue: z.boolean(),
  ownerRole: z.enum(OBSTACLE_OWNER_ROLES).nullable(),
  ownerUnitId: z.uuid().nullable(),
  ownerUnitName: z.string().nullable(),
  dueDate: z.string().nullable(),
  forwardNote: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  direction: z.string().nullable(),
  directedAt: z.string().nullable(),
  directedByName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  mergedIntoTitle: z.string().nullable(),
  version: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type ObstacleOut = z.infer<typeof obstacleOut>;

export const obstacleStepOut = z.object({
  id: z.number().int(),
  action: z.enum(OBSTACLE_ACTIONS),
  statusFrom: z.enum(OBSTACLE_STATUSES).nullable(),
  statusTo: z.enum(OBSTACLE_STATUSES),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  actorName: z.string(),
  at: z.string(),
});
export type ObstacleStepOut = z.infer<typeof obstacleStepOut>;

export const obstacleDetailOut = obstacleOut.extend({
  steps: z.array(obstacleStepOut),
  /** Items consolidated into this one (their units see this item's direction and answer). */
  merged: z.array(obstacleOut),
  /** The item this one was merged into, with its direction and answer (what the raising unit reads). */
  mergedInto: obstacleOut.nullable(),
  /** Steps the caller may take now: the web shows exactly these buttons. */
  actions: z.array(z.enum(OBSTACLE_TRANSITIONS)),
});
export type ObstacleDetailOut = z.infer<typeof obstacleDetailOut>;

export const obstacleListOut = z.object({
  items: z.array(obstacleOut),
  total: z.number().int(),
  overdueCount: z.number().int(),
  openCount: z.number().int(),
  today: z.string(),
});
export type ObstacleListOut = z.infer<typeof obstacleListOut>;
