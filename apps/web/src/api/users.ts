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

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, endedOnly = false) => ['users', 'list', q, endedOnly] as const,
};

/** Accounts matching `q`; with `endedOnly`, those granted on a unit that has ended (issue 15). */
export const listUsers = (q: string, endedOnly = false) =>
  get<UserListOut>('/users', {
    q: q || undefined,
    endedGrants: endedOnly ? 'true' : undefined,
    limit: 200,
  } satisfies UsersQuery);
/** Accounts granted on one of `unitIds` (the reorganisation form shows who a change would affect: issue 15). */
export const listUsersGrantedOn = (unitIds: string[]) =>
  get<UserListOut>('/users', { grantedOn: unitIds.join(','), limit: 200 } satisfies UsersQuery);
export const createUser = (input: UserCreate) => post<User>('/users', input);
export const updateUser = (userId: string, input: UserPatch) => patch<User>(`/users/${userId}`, input);
/** Lifts the waits failed sign-ins put on the account (audited on the server). */
export const unlockUser = (userId: string) => post<User>(`/users/${userId}/unlock`, {});
/** Moves the account's grants on ended units to the units standing for them today (audited on the server). */
export const followSuccessors = (userId: string, version: number) =>
  post<User>(`/users/${userId}/grants/follow-successors`, { version } satisfies FollowSuccessorsBody);
