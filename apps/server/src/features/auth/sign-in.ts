import {
  type Db,
  findUserByUsername,
  insertAudit,
  insertSession,
  recordLoginFailure,
  resetLoginFailures,
} from '@dx/db';
import { AppError } from '@dx/domain';
import { hashToken, newToken } from '../../http/auth';
import { dummyHash, verifyPassword } from '../../lib/passwords';

/** Failed attempts before the account locks, and for how long (brute-force protection). */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** Checks the password and opens a session; returns the raw token for the cookie. */
export async function signIn(opts: {
  db: Db;
  username: string;
  password: string;
  now: Date;
  ttlHours: number;
  ip: string;
  userAgent: string | null;
  requestId: string;
}) {
  const { db, now } = opts;
  const user = await findUserByUsername(db, opts.username);
  if (!user || !user.isActive) {
    await verifyPassword(await dummyHash(), opts.password);
    throw new AppError('AUTH.INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      'AUTH.LOCKED',
      `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${user.lockedUntil.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })} hoặc liên hệ quản trị viên.`,
      { lockedUntil: user.lockedUntil.toISOString() },
    );
  }
  const ok = await verifyPassword(user.passwordHash, opts.password);
  const auditBase = {
    actorUserId: user.id,
    actorName: user.displayName,
    entityType: 'user',
    entityId: user.id,
    provinceId: null,
    requestId: opts.requestId,
    ip: opts.ip,
  };
  if (!ok) {
    const failures = await db.transaction(async (tx) => {
      const n = await recordLoginFailure(tx, user.id, {
        lockAfter: LOCK_AFTER_FAILURES,
        lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000),
        now,
      });
      await insertAudit(tx, { ...auditBase, action: 'auth.sign_in_failed', after: { failures: n } });
      return n;
    });
    const left = LOCK_AFTER_FAILURES - failures;
    throw new AppError(
      'AUTH.INVALID_CREDENTIALS',
      left > 0
        ? `Tên đăng nhập hoặc mật khẩu không đúng (còn ${left} lần thử)`
        : `Tài khoản tạm khóa ${LOCK_MINUTES} phút do đăng nhập sai nhiều lần`,
    );
  }
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await resetLoginFailures(tx, user.id);
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + opts.ttlHours * 3_600_000),
      ip: opts.ip,
      userAgent: opts.userAgent,
    });
    await insertAudit(tx, { ...auditBase, action: 'auth.sign_in' });
  });
  return { token, csrfToken, userId: user.id };
}
