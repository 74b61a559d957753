import type {
  CreateUserBody,
  FollowSuccessorsBody,
  GrantIn,
  UpdateUserBody,
  UserListOut,
  UsersQuery,
} from '@dx/contracts';
import { get, patch, post } from '../lib/api';
import type { SessionUser } from '../lib/session';

export type User = SessionUser;
export type GrantInput = GrantIn;
export type UserCreate = CreateUserBody;
export type UserPatch = UpdateUserBody;

export const userKeys = { all: ['users'] as const, list: (q: string) => ['users', 'list', q] as const };

export const listUsers = (q: string) =>
  get<UserListOut>('/users', { q: q || undefined, limit: 200 } satisfies UsersQuery);
export const createUser = (input: UserCreate) => post<User>('/users', input);
export const updateUser = (userId: string, input: UserPatch) => patch<User>(`/users/${userId}`, input);
/** Lifts the waits failed sign-ins put on the account (audited on the server). */
export const unlockUser = (userId: string) => post<User>(`/users/${userId}/unlock`, {});
/** Moves the account's grants on ended units to the units standing for them today (audited on the server). */
export const followSuccessors = (userId: string, version: number) =>
  post<User>(`/users/${userId}/grants/follow-successors`, { version } satisfies FollowSuccessorsBody);
