import type { DatabaseHandle } from '@dx/db';
import { fromPglite, PgBoss } from 'pg-boss';
import { MailRetryError, NOTIFICATION_MAIL_JOB, runNotificationMails } from './notification-mail';
import { registerJobQueue } from './queue';
import { runTaskReminders, TASK_REMINDERS_JOB } from './task-reminders';

/**
 * Starts pg-boss on the application's own database (ARCHITECTURE "jobs on the same database"): on PGlite through its
 * in-process `fromPglite` backend (one connection, no second process may open the data dir), on PostgreSQL by URL.
 * Schedules the daily task reminders (plan 54 V.1.a) and sends notification e-mails (reminders to units behind on
 * a target) outside the request, with retries; registers the queue for the use cases that enqueue.
 * `opts` shortens the retry delay and polling in tests.
 */
export async function startJobs(
  handle: DatabaseHandle,
  log: (msg: string) => void = console.log,
  opts: { mailRetryDelaySeconds?: number; pollingIntervalSeconds?: number } = {},
) {
  const boss = handle.pglite
    ? new PgBoss({ db: fromPglite(handle.pglite) })
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
