import type { DatabaseHandle } from '@dx/db';
import { fromPglite, PgBoss } from 'pg-boss';
import { runTaskReminders, TASK_REMINDERS_JOB } from './task-reminders';

/**
 * Starts pg-boss on the application's own database (ARCHITECTURE "jobs on the same database"): on PGlite through its
 * in-process `fromPglite` backend (one connection, no second process may open the data dir), on PostgreSQL by URL.
 * Schedules the daily task reminders (plan 54 V.1.a).
 */
export async function startJobs(handle: DatabaseHandle, log: (msg: string) => void = console.log) {
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
  return boss;
}
