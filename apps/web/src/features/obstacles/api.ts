import { get, post } from '../../lib/api';

export type ObstacleStatus = 'raised' | 'forwarded' | 'directed' | 'resolved' | 'merged' | 'declined';
export type ObstacleStep = 'forward' | 'merge' | 'decline' | 'direct' | 'answer';
export type Obstacle = {
  id: string;
  provinceId: string;
  unitId: string;
  unitName: string;
  kind: 'obstacle' | 'proposal';
  title: string;
  description: string;
  planId: string | null;
  taskId: string | null;
  planTargetId: string | null;
  reportId: string | null;
  status: ObstacleStatus;
  isOverdue: boolean;
  ownerRole: 'dx_office' | 'leadership' | 'unit' | null;
  ownerUnitId: string | null;
  ownerUnitName: string | null;
  dueDate: string | null;
  forwardNote: string | null;
  forwardedAt: string | null;
  direction: string | null;
  directedAt: string | null;
  directedByName: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  declineReason: string | null;
  mergedIntoId: string | null;
  mergedIntoTitle: string | null;
  version: number;
  createdByName: string;
  createdAt: string;
};
export type ObstacleDetail = Obstacle & {
  steps: {
    id: number;
    action: string;
    statusFrom: string | null;
    statusTo: string;
    note: string | null;
    actorName: string;
    at: string;
  }[];
  merged: Obstacle[];
  mergedInto: Obstacle | null;
  actions: ObstacleStep[];
};
export type ObstacleFilter = {
  status?: ObstacleStatus;
  overdue?: boolean;
  kind?: string;
  q?: string;
  unitId?: string;
};
export type ObstacleList = {
  items: Obstacle[];
  total: number;
  overdueCount: number;
  openCount: number;
  today: string;
};

export const obstacleKeys = {
  all: ['obstacles'] as const,
  list: (provinceId: string, f: ObstacleFilter) => ['obstacles', 'list', provinceId, f] as const,
  one: (id: string) => ['obstacles', 'one', id] as const,
};

export const listObstacles = (provinceId: string, f: ObstacleFilter) =>
  get<ObstacleList>('/obstacles', { provinceId, ...f, overdue: f.overdue ? 'true' : undefined, limit: 200 });
export const fetchObstacle = (id: string) => get<ObstacleDetail>(`/obstacles/${id}`);
export const raiseObstacle = (body: {
  unitId: string;
  kind: 'obstacle' | 'proposal';
  title: string;
  description: string;
  reportId?: string | null;
}) => post<ObstacleDetail>('/obstacles', body);
export const takeStep = (id: string, step: ObstacleStep, body: Record<string, unknown>) =>
  post<ObstacleDetail>(`/obstacles/${id}/${step}`, body);
