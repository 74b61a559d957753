import { createTestDatabase } from '@dx/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_PURGE_JOB, startJobs } from './boss';
import { TASK_REMINDERS_JOB } from './task-reminders';

/** pg-boss on the application's own database: PGlite through `fromPglite`, PostgreSQL by URL (docs/design.md § Traps). */
describe('job queue (pg-boss) on the same database', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const o of opened.reverse()) await o.close();
  });

  it('schedules the daily task reminders and runs one sent on demand', async () => {
    const handle = await createTestDatabase();
    opened.push(handle);
    const log: string[] = [];
    const boss = await startJobs(handle, (m) => log.push(m));
    opened.push({ close: () => boss.stop({ graceful: true, timeout: 5_000 }) });
    const schedules = await boss.getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({
        name: TASK_REMINDERS_JOB.name,
        cron: '0 7 * * *',
        timezone: 'Asia/Ho_Chi_Minh',
      }),
    );
    expect(schedules).toContainEqual(expect.objectContaining({ name: SESSION_PURGE_JOB.name }));
    await boss.send(TASK_REMINDERS_JOB.name, { now: '2023-06-23T00:00:00.000Z' });
    for (let i = 0; i < 60 && !log.some((m) => m.startsWith('Đôn đốc nhiệm vụ')); i++)
      await new Promise((r) => setTimeout(r, 250));
    expect(log).toContainEqual(expect.stringMatching(/^Đôn đốc nhiệm vụ: 0 nhắc việc/));
  }, 60_000);
});
