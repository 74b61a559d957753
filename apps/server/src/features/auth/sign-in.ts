import {
  clearSignInThrottle,
  type Db,
  deleteSession,
  findUserByUsername,
  getSignInThrottle,
  insertAudit,
  insertSession,
  recordSignInFailure,
} from '@dx/db';
import { AppError, SIGN_IN_THROTTLE, said, secondsUntil, throttleDelayMs, throttleKey } from '@dx/domain';
import { hashToken, newToken } from '../../http/auth';
import { dummyHash, verifyPassword } from '../../lib/passwords';

/** One answer for a wrong password, an unknown username and a deactivated account: none tells them apart. */
const invalidCredentials = () => new AppError('AUTH.INVALID_CREDENTIALS', said('auth.invalidCredentials'));

/**
 * Checks the password and opens a session; returns the raw token for the cookie. Failures are throttled per
 * (username, address) and per username (packages/domain/src/auth/sign-in-throttle.ts), counted alike whether the
 * username exists or not; a wrong password costs the same argon2 verification either way (the dummy hash). Signing
 * in over a live session ends that session: the old token never outlives a new sign-in.
 */
export async function signIn(opts: {
  db: Db;
  username: string;
  password: string;
  now: Date;
  ttlHours: number;
  ip: string;
  userAgent: string | null;
  requestId: string;
  /** SHA-256 of the session cookie the browser sent with the sign-in, if any. */
  previousTokenHash?: string | null;
}) {
  const { db, now } = opts;
  const usernameKey = throttleKey(opts.username);
  const throttle = await getSignInThrottle(db, usernameKey, opts.ip);
  const wait = Math.max(
    secondsUntil(throttle.pairBlockedUntil, now),
    secondsUntil(throttle.accountBlockedUntil, now),
  );
  if (wait > 0) {
    throw new AppError('AUTH.RATE_LIMITED', said('auth.tooManyFailures', { seconds: wait }), {
      retryAfterSeconds: wait,
    });
  }
  const user = await findUserByUsername(db, opts.username);
  const ok =
    user && user.isActive
      ? await verifyPassword(user.passwordHash, opts.password)
      : (await verifyPassword(await dummyHash(), opts.password)) && false;
  if (!ok || !user) {
    await db.transaction(async (tx) => {
      const failures = await recordSignInFailure(tx, {
        usernameKey,
        address: opts.ip,
        now,
        forgetAfterMs: SIGN_IN_THROTTLE.forgetAfterMs,
        delayMs: (n, scope) => throttleDelayMs(n, SIGN_IN_THROTTLE[scope]),
      });
      if (user) {
        await insertAudit(tx, {
          actorUserId: user.id,
          actorName: user.displayName,
          entityType: 'user',
          entityId: user.id,
          provinceId: null,
          requestId: opts.requestId,
          ip: opts.ip,
          action: 'auth.sign_in_failed',
          after: { failures: failures.pair, accountFailures: failures.account },
        });
      }
    });
    throw invalidCredentials();
  }
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await clearSignInThrottle(tx, usernameKey, opts.ip);
    if (opts.previousTokenHash) await deleteSession(tx, opts.previousTokenHash);
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + opts.ttlHours * 3_600_000),
      ip: opts.ip,
      userAgent: opts.userAgent,
    });
    await insertAudit(tx, {
      actorUserId: user.id,
      actorName: user.displayName,
      entityType: 'user',
      entityId: user.id,
      provinceId: null,
      requestId: opts.requestId,
      ip: opts.ip,
      action: 'auth.sign_in',
    });
  });
  return { token, csrfToken, userId: user.id };
}
