import type { Role } from '@dx/domain';
import { get, patch, post } from '../lib/api';
import type { SessionUser } from '../lib/session';

export type User = SessionUser;
export type GrantInput = { role: Role; unitId: string | null };
export type UserCreate = {
  username: string;
  displayName: string;
  email: string | null;
  password: string;
  grants: GrantInput[];
};
export type UserPatch = {
  version: number;
  displayName?: string;
  email?: string | null;
  isActive?: boolean;
  grants?: GrantInput[];
  password?: string;
};

export const userKeys = { all: ['users'] as const, list: (q: string) => ['users', 'list', q] as const };

export const listUsers = (q: string) =>
  get<{ items: User[]; total: number }>('/users', { q: q || undefined, limit: 200 });
export const createUser = (input: UserCreate) => post<User>('/users', input);
export const updateUser = (userId: string, input: UserPatch) => patch<User>(`/users/${userId}`, input);
/** Lifts the waits failed sign-ins put on the account (audited on the server). */
export const unlockUser = (userId: string) => post<User>(`/users/${userId}/unlock`, {});
