import type { Grant, Role } from '@dx/domain';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { appUser, roleGrant, session, signInThrottle } from '../schema';
import { standingUnits, unitNameAsOf } from './as-of';
import { type Epochs, parseEpochs } from './epochs';

export type UserRecord = typeof appUser.$inferSelect;
export type GrantRow = Grant & { id: string; unitName: string | null };

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | null> {
  const [row] = await db.select().from(appUser).where(sql`lower(${appUser.username}) = lower(${username})`);
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRecord | null> {
  const [row] = await db.select().from(appUser).where(eq(appUser.id, id));
  return row ?? null;
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await queryRows<{ n: string | number }>(db, sql`SELECT count(*) AS n FROM app_user`);
  return Number(rows[0]?.n ?? 0);
}

/** Grants of several users, with the granted unit's province and current name. */
export async function getGrants(db: Db, userIds: string[]): Promise<Map<string, GrantRow[]>> {
  const out = new Map<string, GrantRow[]>();
  if (userIds.length === 0) return out;
  const rows = await queryRows<{
    id: string;
    user_id: string;
    role: Role;
    unit_id: string | null;
    province_id: string | null;
    unit_name: string | null;
  }>(
    db,
    sql`SELECT g.id, g.user_id, g.role, g.unit_id, u.province_id,
          ${unitNameAsOf(sql`g.unit_id`, null)} AS unit_name
        FROM role_grant g LEFT JOIN org_unit u ON u.id = g.unit_id
        WHERE g.user_id IN (${sql.join(
          userIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) ORDER BY g.created_at`,
  );
  for (const r of rows) {
    const list = out.get(r.user_id) ?? [];
    list.push({
      id: r.id,
      role: r.role,
      unitId: r.unit_id,
      provinceId: r.province_id,
      unitName: r.unit_name,
    });
    out.set(r.user_id, list);
  }
  return out;
}

export type NewUser = {
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  locale?: string;
};

export async function insertUser(db: Db, u: NewUser): Promise<UserRecord> {
  const [row] = await db.insert(appUser).values(u).returning();
  return row!;
}

/** Grants are a set: the same role on the same unit twice is kept once. */
export async function replaceGrants(
  db: Db,
  userId: string,
  grants: { role: Role; unitId: string | null }[],
): Promise<void> {
  await db.delete(roleGrant).where(eq(roleGrant.userId, userId));
  const unique = [...new Map(grants.map((g) => [`${g.role}|${g.unitId}`, g])).values()];
  if (unique.length > 0)
    await db.insert(roleGrant).values(unique.map((g) => ({ userId, role: g.role, unitId: g.unitId })));
}

/** Optimistic update: returns null when `expectedVersion` is stale. */
export async function updateUser(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<UserRecord, 'displayName' | 'email' | 'isActive' | 'passwordHash' | 'locale'>>,
): Promise<UserRecord | null> {
  const [row] = await db
    .update(appUser)
    .set({ ...patch, version: sql`${appUser.version} + 1`, updatedAt: new Date() })
    .where(and(eq(appUser.id, id), eq(appUser.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export type UserListFilter = {
  q?: string;
  provinceIds: string[] | null;
  /** Only accounts with a grant on a unit that has ended by this day (endedUnitIds). */
  endedGrantsOn?: string | undefined;
  /** Only accounts with a grant on one of these units (a reorganisation about to end them: issue 15). */
  grantedOn?: string[] | undefined;
  limit: number;
  offset: number;
};

/**
 * The units that have ended by `asOf`: every version closed, the last one on or before that day (issue 15: a
 * reorganisation that merges or dissolves a unit closes its versions). The list's filter; the rule is the one
 * endedGrantUnits applies.
 */
const endedUnitIds = (asOf: string) =>
  sql`SELECT y.unit_id FROM org_unit_version y GROUP BY y.unit_id
       HAVING bool_and(y.valid_to IS NOT NULL) AND max(y.valid_to) <= ${asOf}::date`;

/**
 * Users, optionally (provinceIds not null) only those whose every grant lies in the given provinces: the accounts
 * an administrator of those provinces manages. A user also granted elsewhere, or everywhere, is not theirs.
 */
export async function listUsers(db: Db, f: UserListFilter): Promise<{ items: UserRecord[]; total: number }> {
  const conds = [sql`TRUE`];
  if (f.q) {
    conds.push(
      sql`lower(f_unaccent(a.username || ' ' || a.display_name || ' ' || coalesce(a.email, ''))) LIKE '%' || lower(f_unaccent(${f.q})) || '%'`,
    );
  }
  if (f.provinceIds !== null) {
    if (f.provinceIds.length === 0) return { items: [], total: 0 };
    const provinces = sql.join(
      f.provinceIds.map((p) => sql`${p}::uuid`),
      sql`, `,
    );
    conds.push(sql`EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = a.id)`);
    conds.push(
      sql`NOT EXISTS (SELECT 1 FROM role_grant g LEFT JOIN org_unit u ON u.id = g.unit_id
                      WHERE g.user_id = a.id AND (g.unit_id IS NULL OR u.province_id NOT IN (${provinces})))`,
    );
  }
  if (f.endedGrantsOn) {
    conds.push(
      sql`EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = a.id
                   AND g.unit_id IN (${endedUnitIds(f.endedGrantsOn)}))`,
    );
  }
  if (f.grantedOn) {
    if (f.grantedOn.length === 0) return { items: [], total: 0 };
    conds.push(
      sql`EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = a.id AND g.unit_id IN (${sql.join(
        f.grantedOn.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`,
    );
  }
  const where = sql.join(conds, sql` AND `);
  const ids = await queryRows<{ id: string }>(
    db,
    sql`SELECT a.id FROM app_user a WHERE ${where} ORDER BY lower(a.username) LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const total = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM app_user a WHERE ${where}`,
  );
  if (ids.length === 0) return { items: [], total: Number(total[0]?.n ?? 0) };
  const rows = await db
    .select()
    .from(appUser)
    .where(
      inArray(
        appUser.id,
        ids.map((r) => r.id),
      ),
    );
  const order = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  return { items: rows, total: Number(total[0]?.n ?? 0) };
}

export type ThrottleState = { pairBlockedUntil: Date | null; accountBlockedUntil: Date | null };

/** The waits currently imposed on signing in as `usernameKey` from `address`. */
export async function getSignInThrottle(
  db: Db,
  usernameKey: string,
  address: string,
): Promise<ThrottleState> {
  const rows = await db
    .select({ address: signInThrottle.address, blockedUntil: signInThrottle.blockedUntil })
    .from(signInThrottle)
    .where(and(eq(signInThrottle.usernameKey, usernameKey), inArray(signInThrottle.address, [address, ''])));
  const at = (a: string) => rows.find((r) => r.address === a)?.blockedUntil ?? null;
  return { pairBlockedUntil: at(address), accountBlockedUntil: at('') };
}

/**
 * Counts one failed sign-in for the (username, address) pair and for the username across addresses (address ''),
 * in one statement each (an upsert, safe under concurrent attempts), and sets each row's wait from its new count
 * with `delayMs` (a pure rule, packages/domain/src/auth/sign-in-throttle.ts). A count idle for `forgetAfterMs`
 * starts again. Returns the new counts.
 */
export async function recordSignInFailure(
  db: Db,
  opts: {
    usernameKey: string;
    address: string;
    now: Date;
    forgetAfterMs: number;
    delayMs: (failures: number, scope: 'pair' | 'account') => number;
  },
): Promise<{ pair: number; account: number }> {
  const count = async (address: string, scope: 'pair' | 'account') => {
    const now = opts.now.toISOString();
    const forgetBefore = new Date(opts.now.getTime() - opts.forgetAfterMs).toISOString();
    const [row] = await queryRows<{ failures: number }>(
      db,
      sql`INSERT INTO sign_in_throttle AS t (username_key, address, failures, last_failure_at, blocked_until)
          VALUES (${opts.usernameKey}, ${address}, 1, ${now}::timestamptz, ${now}::timestamptz)
          ON CONFLICT (username_key, address) DO UPDATE SET
            failures = CASE WHEN t.last_failure_at < ${forgetBefore}::timestamptz THEN 1 ELSE t.failures + 1 END,
            last_failure_at = EXCLUDED.last_failure_at
          RETURNING t.failures`,
    );
    const failures = Number(row!.failures);
    const wait = opts.delayMs(failures, scope);
    if (wait > 0) {
      await db
        .update(signInThrottle)
        .set({ blockedUntil: new Date(opts.now.getTime() + wait) })
        .where(and(eq(signInThrottle.usernameKey, opts.usernameKey), eq(signInThrottle.address, address)));
    }
    return failures;
  };
  return { pair: await count(opts.address, 'pair'), account: await count('', 'account') };
}

/** Forgets a username's failures: from one address (a successful sign-in there) or from every address (unlock). */
export async function clearSignInThrottle(db: Db, usernameKey: string, address?: string): Promise<number> {
  const rows = await db
    .delete(signInThrottle)
    .where(
      address === undefined
        ? eq(signInThrottle.usernameKey, usernameKey)
        : and(eq(signInThrottle.usernameKey, usernameKey), inArray(signInThrottle.address, [address, ''])),
    )
    .returning({ a: signInThrottle.address });
  return rows.length;
}

/** Of these usernames, those whose sign-in currently waits (from some address, or account-wide). */
export async function throttledUsernames(db: Db, usernames: string[], now: Date): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const keys = [...new Set(usernames.map((u) => u.trim().toLowerCase()))];
  const rows = await db
    .selectDistinct({ k: signInThrottle.usernameKey })
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.usernameKey, keys), gt(signInThrottle.blockedUntil, now)));
  return new Set(rows.map((r) => r.k));
}

export async function insertSession(
  db: Db,
  s: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db.insert(session).values(s);
}

export type SessionActor = {
  tokenHash: string;
  csrfToken: string;
  userId: string;
  username: string;
  displayName: string;
  grants: Grant[];
  /** The data epochs when the session was read (epochs.ts): what a read may reuse from this process's memory. */
  epochs?: Epochs;
};

/**
 * The request hot path in one round trip: the unexpired session, its user only if active, and the user's grants
 * with each granted unit's province (in grant order). Null for an unknown/expired token or an inactive user.
 * Sessions do not slide (expiry is fixed at sign-in) and sign-in throttling does not end existing sessions.
 */
export async function findSessionActor(db: Db, tokenHash: string, now: Date): Promise<SessionActor | null> {
  const [row] = await queryRows<{
    token_hash: string;
    csrf_token: string;
    user_id: string;
    username: string;
    display_name: string;
    grants: Grant[] | string;
    epochs: unknown;
  }>(
    db,
    sql`SELECT s.token_hash, s.csrf_token, a.id AS user_id, a.username, a.display_name,
          coalesce((SELECT json_agg(json_build_object('role', g.role, 'unitId', g.unit_id, 'provinceId', u.province_id)
                                    ORDER BY g.created_at)
                    FROM role_grant g LEFT JOIN org_unit u ON u.id = g.unit_id
                    WHERE g.user_id = a.id), '[]'::json) AS grants,
          (SELECT json_object_agg(e.name, e.epoch::text) FROM cache_epoch e) AS epochs
        FROM session s JOIN app_user a ON a.id = s.user_id
        WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now.toISOString()}::timestamptz AND a.is_active`,
  );
  if (!row) return null;
  return {
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    grants: typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : row.grants,
    epochs: parseEpochs(row.epochs),
  };
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

/** "Log out everywhere" and account deactivation end every session of the user. */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(session).where(eq(session.userId, userId)).returning({ t: session.tokenHash });
  return rows.length;
}

/** Removes sessions past their expiry (they no longer sign anyone in); run on a schedule by the job queue. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(session).where(lt(session.expiresAt, now)).returning({ t: session.tokenHash });
  return rows.length;
}

/** A granted unit that has ended on a date: the day it ended and the unit standing for it then, if any. */
export type EndedGrantUnit = { endedOn: string; successorId: string | null; successorName: string | null };

/**
 * Of `unitIds`, the units that have ended by `asOf` (every version closed, the last one before or on that day), with
 * the unit standing for each on `asOf` (the one succession rule, as-of.ts standingUnits: a merged department is
 * stood for by the Sở KH&CN it went into). Issue 15: a grant naming such a unit is shown to the administrator.
 */
export async function endedGrantUnits(
  db: Db,
  unitIds: string[],
  asOf: string,
): Promise<Map<string, EndedGrantUnit>> {
  const out = new Map<string, EndedGrantUnit>();
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return out;
  const rows = await queryRows<{
    unit_id: string;
    ended_on: string;
    successor_id: string | null;
    successor_name: string | null;
  }>(
    db,
    sql`WITH ended AS (
          SELECT y.unit_id, max(y.valid_to) AS ended_on FROM org_unit_version y
           WHERE y.unit_id IN (${sql.join(
             ids.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
           GROUP BY y.unit_id
          HAVING bool_and(y.valid_to IS NOT NULL) AND max(y.valid_to) <= ${asOf}::date)
        SELECT e.unit_id, to_char(e.ended_on, 'YYYY-MM-DD') AS ended_on,
               st.unit_id AS successor_id, st.name AS successor_name
          FROM ended e
          LEFT JOIN ${standingUnits(sql`SELECT unit_id FROM ended`, asOf)} st ON st.owner_id = e.unit_id`,
  );
  for (const r of rows)
    out.set(r.unit_id, {
      endedOn: r.ended_on,
      successorId: r.successor_id,
      successorName: r.successor_name,
    });
  return out;
}

/** The accounts holding a grant on one of `unitIds` (in the caller's transaction: a reorganisation moving them). */
export async function usersGrantedOn(db: Db, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await queryRows<{ user_id: string }>(
    db,
    sql`SELECT DISTINCT g.user_id FROM role_grant g WHERE g.unit_id IN (${sql.join(
      unitIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return rows.map((r) => r.user_id);
}
