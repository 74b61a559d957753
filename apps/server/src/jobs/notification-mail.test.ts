import {
  findPlanByCode,
  insertNotifications,
  listPlanTargetRules,
  queryRows,
  schema,
  seedPlans,
  seedTargetDefinitions,
} from '@dx/db';
import { eq, sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../test/factories';
import { createTestApp, type Session, type TestApp } from '../test/harness';
import { type LocalSmtp, startLocalSmtp } from '../test/smtp';
import { startJobs } from './boss';
import { runNotificationMails } from './notification-mail';

/** The text of a received message (quoted-printable or base64 body, as nodemailer chose). */
function bodyText(raw: string): string {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: base64/i.test(head!)) return Buffer.from(body, 'base64').toString('utf8');
  const bytes = body
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/**
 * Reminder e-mails leave the request: the reminder use case writes the notifications (the outbox) and enqueues one
 * job; the job sends over real SMTP, retries a failed send, and records every outcome (plan 54 V.1.a đôn đốc).
 */
describe('reminder e-mails through the job queue', () => {
  let t: TestApp;
  let boss: PgBoss;
  let smtp: LocalSmtp;
  let dx: Session;
  let unitId: string;
  let url: string;
  const log: string[] = [];
  let deadPort: number;

  const status = async (id: string) =>
    (
      await queryRows<{ email_status: string; email_error: string | null }>(
        t.handle.db,
        sql`SELECT email_status, email_error FROM notification WHERE id = ${id}`,
      )
    )[0]!;
  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 120; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${what}; log: ${log.join(' | ')}`);
  };
  const useSmtp = (port: number) =>
    t.handle.db
      .update(schema.setting)
      .set({ value: { host: '127.0.0.1', port, from: 'cds@haiphong.example.vn' } })
      .where(eq(schema.setting.key, 'smtp'));

  beforeAll(async () => {
    t = await createTestApp();
    await seedPlans(t.handle.db);
    await seedTargetDefinitions(t.handle.db);
    const planId = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
    const target = (await listPlanTargetRules(t.handle.db, planId))[0]!;
    url = `/api/plans/${planId}/targets/${target.planTargetId}/reminders`;
    unitId = await seededUnit(t, 'Quận Hải An');
    dx = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    const officer = `mail_officer_${process.pid}`;
    await t.userWith([{ role: 'unit_officer', unitId }], officer);
    await t.handle.db
      .update(schema.appUser)
      .set({ email: 'vanphong@haian.example.vn' })
      .where(eq(schema.appUser.username, officer));
    smtp = await startLocalSmtp();
    const dead = await startLocalSmtp();
    deadPort = dead.port;
    await dead.close(); // nothing listens there any more: connections are refused
    await t.handle.db.insert(schema.setting).values({ key: 'smtp', value: {} });
    boss = await startJobs(t.handle, (m) => log.push(m), {
      mailRetryDelaySeconds: 1,
      pollingIntervalSeconds: 0.5,
    });
  }, 60_000);
  afterAll(async () => {
    await boss?.stop({ graceful: true, timeout: 5_000 });
    await smtp?.close();
    await t?.close();
  });

  it('sends the e-mail outside the request; a failed send is retried and recorded until it goes', async () => {
    await useSmtp(deadPort);
    const res = await t.call(dx, {
      method: 'POST',
      url,
      payload: { unitIds: [unitId], message: 'Đề nghị cập nhật kế hoạch' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ notified: 1, emailQueued: 1, emailStatus: 'queued' });
    const [n] = await queryRows<{ id: string }>(
      t.handle.db,
      sql`SELECT id FROM notification WHERE unit_id = ${unitId} ORDER BY created_at DESC LIMIT 1`,
    );
    // The server refuses: the attempt is recorded with its error and the job will run again.
    await until(async () => (await status(n!.id)).email_status === 'retrying', 'a recorded failed attempt');
    expect((await status(n!.id)).email_error).toMatch(/ECONNREFUSED|connect/i);
    expect(smtp.received).toHaveLength(0);

    await useSmtp(smtp.port); // the mail server is back
    await until(async () => (await status(n!.id)).email_status === 'sent', 'the retried send');
    expect(await status(n!.id)).toEqual({ email_status: 'sent', email_error: null });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['vanphong@haian.example.vn']);
    expect(bodyText(smtp.received[0]!.raw)).toContain('Đề nghị cập nhật kế hoạch');
    expect(smtp.received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
  }, 60_000);

  it('records a send that failed every attempt as failed, with the error; sends nothing twice', async () => {
    await useSmtp(deadPort);
    const [row] = await insertNotifications(t.handle.db, [
      {
        provinceId: t.hp,
        unitId,
        kind: 'reminder',
        title: 'Đôn đốc',
        body: 'Nội dung',
        emailStatus: 'queued',
        emailTo: ['vanphong@haian.example.vn'],
      },
    ]);
    const last = await runNotificationMails({
      db: t.handle.db,
      now: new Date(),
      notificationIds: [row!.id],
      finalAttempt: true,
    });
    expect(last).toEqual({ sent: 0, failed: 1, retrying: 0 });
    expect((await status(row!.id)).email_status).toBe('failed');
    expect((await status(row!.id)).email_error).toMatch(/ECONNREFUSED|connect/i);
    // A failed or sent notification is out of the outbox: running again sends nothing.
    await useSmtp(smtp.port);
    const again = await runNotificationMails({
      db: t.handle.db,
      now: new Date(),
      notificationIds: [row!.id],
      finalAttempt: false,
    });
    expect(again).toEqual({ sent: 0, failed: 0, retrying: 0 });
  });

  it('sweeps queued e-mails whose job was lost (a crash between commit and enqueue)', async () => {
    await useSmtp(smtp.port);
    const before = smtp.received.length;
    const [row] = await insertNotifications(t.handle.db, [
      {
        provinceId: t.hp,
        unitId,
        kind: 'reminder',
        title: 'Đôn đốc bị bỏ sót',
        body: 'Nội dung',
        emailStatus: 'queued',
        emailTo: ['vanphong@haian.example.vn'],
      },
    ]);
    // Too recent for the sweep (its own job may still come).
    const early = await runNotificationMails({
      db: t.handle.db,
      now: new Date(),
      notificationIds: null,
      finalAttempt: false,
    });
    expect(early.sent).toBe(0);
    const later = new Date(Date.now() + 3 * 60_000);
    const swept = await runNotificationMails({
      db: t.handle.db,
      now: later,
      notificationIds: null,
      finalAttempt: false,
    });
    expect(swept).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect((await status(row!.id)).email_status).toBe('sent');
    expect(smtp.received).toHaveLength(before + 1);
    expect(bodyText(smtp.received.at(-1)!.raw)).toContain('Nội dung');
  });
});
