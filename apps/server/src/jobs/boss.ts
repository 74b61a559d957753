import { analyzeDatabase, type DatabaseHandle, deleteExpiredSessions } from '@dx/db';
import { PgBoss } from 'pg-boss';
import { MailRetryError, NOTIFICATION_MAIL_JOB, runNotificationMails } from './notification-mail';
import { registerJobQueue } from './queue';
import { ROLLUP_REBUILD_JOB, runRollupRebuild } from './rollup-rebuild';
import { runTaskReminders, TASK_REMINDERS_JOB } from './task-reminders';

/** Refreshes the planner statistics (issue 12: PGlite has no autovacuum; imports and edits add rows all day). */
const ANALYZE_JOB = { name: 'database-analyze', cron: '*/30 * * * *' } as const;
/** Purges expired sessions hourly (an expired token already signs no one in; the rows only accumulate). */
export const SESSION_PURGE_JOB = { name: 'session-purge', cron: '17 * * * *' } as const;

/**
 * pg-boss's `db` adapter over the embedded database's one-connection pool, mirroring pg-boss's own `fromPglite`:
 * no parameters → simple protocol (pg-boss sends multi-statement `BEGIN … COMMIT` blocks, whose result arrays
 * pg-boss unwraps itself); a failed statement rolls back an aborted transaction on that same connection, so it never
 * poisons the next statement. Each call holds the connection for its one round trip, so a job's statements queue
 * with the requests' statements and never enter a request's transaction. No `listen`: pg-boss then polls.
 */
function fromOneConnectionPool(pool: DatabaseHandle['pool']) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        return await client.query(text, values?.length ? values : undefined);
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}

/**
 * Starts pg-boss on the application's own database (docs/design.md "Shape of the system": jobs on the same database): on PGlite through
 * the same one-connection pool as the application (no second process may open the data dir), on PostgreSQL by URL.
 * Schedules the daily task reminders (plan 54 V.1.a) and sends notification e-mails (reminders to units behind on
 * a target) outside the request, with retries; registers the queue for the use cases that enqueue.
 * `opts` shortens the retry delay and polling in tests, and pins the jobs' clock.
 */
export async function startJobs(
  handle: DatabaseHandle,
  log: (msg: string) => void = console.log,
  opts: {
    mailRetryDelaySeconds?: number;
    pollingIntervalSeconds?: number;
    /** The jobs' clock: the rollup rebuild's "today" (a test pins it; packages/db never reads the clock). */
    clock?: () => Date;
  } = {},
) {
  const clock = opts.clock ?? (() => new Date());
  const boss =
    handle.kind === 'pglite'
      ? new PgBoss({ db: fromOneConnectionPool(handle.pool) })
      : new PgBoss({ connectionString: handle.url! });
  boss.on('error', (error) => log(`pg-boss: ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  await boss.createQueue(TASK_REMINDERS_JOB.name);
  await boss.schedule(TASK_REMINDERS_JOB.name, TASK_REMINDERS_JOB.cron, {}, { tz: TASK_REMINDERS_JOB.tz });
  await boss.work(TASK_REMINDERS_JOB.name, async (jobs) => {
    for (const job of jobs) {
      const payload = TASK_REMINDERS_JOB.payload.parse(job.data ?? {});
      const result = await runTaskReminders({
        db: handle.db,
        now: payload.now ? new Date(payload.now) : new Date(),
      });
      log(
        `Đôn đốc nhiệm vụ: ${result.sent} nhắc việc (${result.emailed} e-mail), ${result.alreadySent} đã gửi trước đó`,
      );
    }
  });

  await boss.createQueue(ANALYZE_JOB.name);
  await boss.schedule(ANALYZE_JOB.name, ANALYZE_JOB.cron, {});
  await boss.work(ANALYZE_JOB.name, async () => {
    await analyzeDatabase(handle.db);
  });

  await boss.createQueue(ROLLUP_REBUILD_JOB.name);
  await boss.schedule(ROLLUP_REBUILD_JOB.name, ROLLUP_REBUILD_JOB.cron, {}, { tz: ROLLUP_REBUILD_JOB.tz });
  await boss.work(ROLLUP_REBUILD_JOB.name, async () => {
    await runRollupRebuild({ db: handle.db, now: clock(), log });
  });
  // Once at start-up (a singleton key: several processes starting together queue it once).
  await boss.send(ROLLUP_REBUILD_JOB.name, {}, { singletonKey: 'start-up', singletonSeconds: 60 });

  await boss.createQueue(SESSION_PURGE_JOB.name);
  await boss.schedule(SESSION_PURGE_JOB.name, SESSION_PURGE_JOB.cron, {});
  await boss.work(SESSION_PURGE_JOB.name, async () => {
    const purged = await deleteExpiredSessions(handle.db, new Date());
    if (purged) log(`Xoá ${purged} phiên đăng nhập đã hết hạn`);
  });

  await boss.createQueue(NOTIFICATION_MAIL_JOB.name, {
    retryLimit: NOTIFICATION_MAIL_JOB.retryLimit,
    retryDelay: opts.mailRetryDelaySeconds ?? NOTIFICATION_MAIL_JOB.retryDelay,
    retryBackoff: true,
  });
  await boss.schedule(
    NOTIFICATION_MAIL_JOB.name,
    NOTIFICATION_MAIL_JOB.sweepCron,
    {},
    { tz: NOTIFICATION_MAIL_JOB.tz },
  );
  await boss.work(
    NOTIFICATION_MAIL_JOB.name,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
    async (jobs) => {
      for (const job of jobs) {
        const payload = NOTIFICATION_MAIL_JOB.payload.parse(job.data ?? {});
        const result = await runNotificationMails({
          db: handle.db,
          now: new Date(),
          notificationIds: payload.notificationIds ?? null,
          finalAttempt: job.retryCount >= NOTIFICATION_MAIL_JOB.retryLimit,
        });
        if (result.sent || result.failed || result.retrying)
          log(
            `Gửi e-mail thông báo: ${result.sent} đã gửi, ${result.retrying} sẽ gửi lại, ${result.failed} lỗi`,
          );
        if (result.retrying) throw new MailRetryError(result);
      }
    },
  );
  registerJobQueue(handle.db, {
    send: async (name, data) => {
      await boss.send(name, data);
    },
  });
  boss.on('stopped', () => registerJobQueue(handle.db, null));
  return boss;
}
