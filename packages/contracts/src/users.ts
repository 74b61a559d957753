import { normalizeText, PERMISSION_NAMES, type Permission, ROLES, role, stripInvisible } from '@dx/domain';
import { z } from 'zod';
import { pagination, recordVersion } from './common';

// Accounts and their grants (docs/security.md "Access").

// Requests

/** Passwords: long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPassword = z
  .string()
  .min(10, 'Mật khẩu cần ít nhất 10 ký tự')
  .max(200, 'Mật khẩu tối đa 200 ký tự');

const grantIn = z.object({ role, unitId: z.uuid('Đơn vị không hợp lệ').nullable() });
export type GrantIn = z.input<typeof grantIn>;
const username = z
  .string()
  .trim()
  .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự')
  .max(60)
  .regex(/^[a-zA-Z0-9._@-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ @ -');
// A name loses zero-width and bidirectional controls (look-alike names, reordered text): docs/security.md.
const displayName = z
  .string()
  .max(240)
  .transform((s) => normalizeText(stripInvisible(s)))
  .pipe(z.string().min(2, 'Nhập họ tên').max(120));
const email = z.email('Thư điện tử không hợp lệ').max(200).nullable();
const grants = z.array(grantIn).min(1, 'Cần ít nhất một vai trò').max(50);
/**
 * A new grant on a unit that has ended (merged away, dissolved) is refused unless the administrator says it is meant
 * — to enter the records of a time before the reorganisation (issue 15). Grants the account already holds stay.
 */
const allowEndedUnits = z.boolean().optional();

export const userParams = z.object({ userId: z.uuid() });
export const usersQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  /** Only accounts granted on a unit that has ended by today (merged away, dissolved): issue 15. */
  endedGrants: z.enum(['true', 'false']).optional(),
  /** Only accounts granted on one of these units (comma-separated ids): the reorganisation form (issue 15). */
  grantedOn: z
    .string()
    .max(2000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.uuid('Đơn vị không hợp lệ')).min(1).max(50))
    .optional(),
  ...pagination,
});
export type UsersQuery = z.input<typeof usersQuery>;
export const createUserBody = z.object({
  username,
  displayName,
  email: email.default(null),
  password: newPassword,
  grants,
  allowEndedUnits,
});
export type CreateUserBody = z.input<typeof createUserBody>;
export const updateUserBody = z.object({
  version: recordVersion,
  displayName: displayName.optional(),
  email: email.optional(),
  isActive: z.boolean().optional(),
  grants: grants.optional(),
  allowEndedUnits,
  password: newPassword.optional(),
});
export type UpdateUserBody = z.input<typeof updateUserBody>;
/** Moves every grant on an ended unit to the unit standing for it today (the version read, for a stale screen). */
export const followSuccessorsBody = z.strictObject({ version: z.number().int().min(0) });
export type FollowSuccessorsBody = z.input<typeof followSuccessorsBody>;

// Responses

export const grantOut = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  provinceId: z.uuid().nullable(),
  /**
   * Set when the granted unit has ended (merged away in a reorganisation, issue 15): the day it ended and the unit
   * standing for it today, to which the administrator may move the grant (POST /users/:id/grants/follow-successors).
   */
  ended: z
    .object({ on: z.iso.date(), successorId: z.uuid().nullable(), successorName: z.string().nullable() })
    .nullable()
    .optional(),
});

/** The only shape a user leaves the server in: never the password hash or failure counters. */
export const userOut = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  locale: z.string(),
  version: z.number().int(),
  grants: z.array(grantOut),
  createdAt: z.string(),
});
export type UserOut = z.infer<typeof userOut>;
export const userListOut = z.object({ items: z.array(userOut), total: z.number() });
export type UserListOut = z.infer<typeof userListOut>;

// Sign-in and the session (apps/server/src/features/auth)

export const signInBody = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});
export const signOutBody = z
  .object({ everywhere: z.boolean().default(false) })
  .default({ everywhere: false });
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword });
export type ChangePasswordBody = z.input<typeof changePasswordBody>;

/** The signed-in user, the CSRF token of the session and what the user may do anywhere. */
export const meOut = z.object({
  user: userOut,
  csrfToken: z.string(),
  permissions: z.array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]])),
});
export type MeOut = z.infer<typeof meOut>;
export const signOutOut = z.object({ sessionsEnded: z.number().int() });
export type SignOutOut = z.infer<typeof signOutOut>;
