import { findUserByUsername, getGrants, insertUser, replaceGrants } from '@dx/db';
import { AppError, type Role, said, worded } from '@dx/domain';
import { isUniqueViolation } from '../../http/errors';
import { hashPassword } from '../../lib/passwords';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { assertCanGrant } from './user-access';

export type CreateUserInput = {
  username: string;
  displayName: string;
  email: string | null;
  password: string;
  grants: { role: Role; unitId: string | null }[];
  /** Grants on units that have ended are meant (issue 15; contracts createUserBody). */
  allowEndedUnits?: boolean | undefined;
};

const taken = (username: string) =>
  new AppError('USER.USERNAME_TAKEN', said('user.usernameTaken', { username }), {
    issues: [{ path: ['body', 'username'], ...worded('user.usernameExists') }],
  });

/** Creates an account with its roles and org-unit scopes. */
export async function createUser({ ctx, input }: { ctx: UseCaseContext; input: CreateUserInput }) {
  await assertCanGrant(ctx, input.grants, { allowEnded: input.allowEndedUnits ?? false });
  if (await findUserByUsername(ctx.db, input.username)) throw taken(input.username);
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx, async (tx) => {
      const user = await insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        passwordHash,
      });
      await replaceGrants(tx, user.id, input.grants);
      const grants = (await getGrants(tx, [user.id])).get(user.id) ?? [];
      await audit(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        provinceId: grants.find((g) => g.provinceId)?.provinceId ?? null,
        after: {
          username: user.username,
          displayName: user.displayName,
          email: user.email,
          grants: input.grants,
        },
      });
      return { user, grants };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.username);
    throw error;
  }
}
