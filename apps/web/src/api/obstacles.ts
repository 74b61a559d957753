import type { ObstacleDetailOut, ObstacleListOut, ObstacleOut, RaiseObstacleBody } from '@dx/contracts';
import { get, post } from '../lib/api';

export type ObstacleStatus = ObstacleOut['status'];
export type ObstacleStep = ObstacleDetailOut['actions'][number];
export type Obstacle = ObstacleOut;
export type ObstacleDetail = ObstacleDetailOut;
export type ObstacleFilter = {
  status?: ObstacleStatus;
  overdue?: boolean;
  kind?: string;
  q?: string;
  unitId?: string;
};
export type ObstacleList = ObstacleListOut;

export const obstacleKeys = {
  all: ['obstacles'] as const,
  list: (provinceId: string, f: ObstacleFilter) => ['obstacles', 'list', provinceId, f] as const,
  one: (id: string) => ['obstacles', 'one', id] as const,
};

export const listObstacles = (provinceId: string, f: ObstacleFilter) =>
  get<ObstacleList>('/obstacles', { provinceId, ...f, overdue: f.overdue ? 'true' : undefined, limit: 200 });
export const fetchObstacle = (id: string) => get<ObstacleDetail>(`/obstacles/${id}`);
export const raiseObstacle = (body: RaiseObstacleBody) => post<ObstacleDetail>('/obstacles', body);
export const takeStep = (id: string, step: ObstacleStep, body: Record<string, unknown>) =>
  post<ObstacleDetail>(`/obstacles/${id}/${step}`, body);
