import { insertUser, queryRows, replaceGrants, schema, seedPlans } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendixXlsx } from '../features/tasks/appendix-fixture';
import { createTestApp, type TestApp } from '../test/harness';
import { startLocalSmtp } from '../test/smtp';
import { runTaskReminders, TASK_REMINDER_SETTING } from './task-reminders';

const at = (localDate: string) => new Date(`${localDate}T07:00:00+07:00`);

describe('task reminders (đôn đốc, plan 54 V.1.a): scheduled, idempotent, escalated', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startLocalSmtp>>;
  let commune: string;
  let district: string;

  beforeAll(async () => {
    smtp = await startLocalSmtp();
    t = await createTestApp({ clock: () => at('2023-06-01') });
    const planId = (await seedPlans(t.handle.db))!;
    const [mc] = await queryRows<{ unit_id: string; parent_unit_id: string }>(
      t.handle.db,
      sql`SELECT unit_id, parent_unit_id FROM org_unit_version WHERE name = 'Phường Máy Chai' AND valid_from IS NULL`,
    );
    commune = mc!.unit_id;
    district = mc!.parent_unit_id;
    // One task led by one commune, due 30/06/2023 (Quý II/2023).
    const dx = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    const res = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/tasks/import`,
      payload: {
        fileName: 'phu-luc.xlsx',
        contentBase64: await appendixXlsx([
          [1, 'Tuyên truyền trên loa phường', 'Phường Máy Chai', null, 'Quý II/2023', null, null, null],
        ]),
        confirm: true,
      },
    });
    expect(res.json().saved, res.body).toBe(1);
    for (const [unitId, email] of [
      [commune, 'vanphong@maychai.haiphong.gov.vn'],
      [district, 'vanphong@ngoquyen.haiphong.gov.vn'],
    ] as const) {
      const user = await insertUser(t.handle.db, {
        username: email,
        displayName: email,
        email,
        passwordHash: 'x',
      });
      await replaceGrants(t.handle.db, user.id, [{ role: 'unit_officer', unitId }]);
    }
    await t.handle.db.insert(schema.setting).values([
      {
        key: 'smtp',
        value: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'cds@haiphong.gov.vn' },
      },
      { key: TASK_REMINDER_SETTING, value: { escalateAfterDays: 5, overdueEveryDays: 1 } },
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const reminders = () =>
    queryRows<{ kind: string; local_date: string; recipient_unit_id: string; email_status: string }>(
      t.handle.db,
      sql`SELECT kind, local_date::text, recipient_unit_id, email_status FROM task_reminder ORDER BY id`,
    );

  it('nothing to say more than a week before the due date', async () => {
    expect(await runTaskReminders({ db: t.handle.db, now: at('2023-06-20') })).toMatchObject({
      checked: 0,
      sent: 0,
    });
  });

  it('7 days before: one reminder, in-app and by e-mail; a second run the same day sends nothing', async () => {
    const first = await runTaskReminders({ db: t.handle.db, now: at('2023-06-23') });
    expect(first).toMatchObject({ checked: 1, sent: 1, emailed: 1, alreadySent: 0 });
    const second = await runTaskReminders({ db: t.handle.db, now: new Date('2023-06-23T22:00:00+07:00') });
    expect(second).toMatchObject({ sent: 0, emailed: 0, alreadySent: 1 });
    expect(await reminders()).toEqual([
      { kind: 'due_in_7', local_date: '2023-06-23', recipient_unit_id: commune, email_status: 'sent' },
    ]);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['vanphong@maychai.haiphong.gov.vn']);
    expect(smtp.received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
    const [n] = await queryRows<{ kind: string; unit_id: string; body: string; words: unknown }>(
      t.handle.db,
      sql`SELECT kind, unit_id, body, words FROM notification`,
    );
    expect(n).toMatchObject({
      kind: 'task_reminder',
      unit_id: commune,
      body: expect.stringContaining('còn 7 ngày'),
      // By code too, for the web to word in the reader's language (issue 18).
      words: {
        body: {
          reason: 'notification.taskDueIn7',
          params: { task: expect.any(String), due: expect.any(String) },
        },
      },
    });
  });

  it('two runs at once still send one reminder', async () => {
    const results = await Promise.all([
      runTaskReminders({ db: t.handle.db, now: at('2023-06-27') }),
      runTaskReminders({ db: t.handle.db, now: at('2023-06-27') }),
    ]);
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(1);
    expect((await reminders()).filter((r) => r.kind === 'due_in_3')).toHaveLength(1);
  });

  it('on the day, then overdue, then escalated to the supervisor after the configured delay', async () => {
    await runTaskReminders({ db: t.handle.db, now: at('2023-06-30') });
    await runTaskReminders({ db: t.handle.db, now: at('2023-07-01') });
    const late = await runTaskReminders({ db: t.handle.db, now: at('2023-07-05') });
    expect(late).toMatchObject({ sent: 2 });
    const rows = await reminders();
    expect(rows.map((r) => `${r.local_date} ${r.kind}`)).toEqual([
      '2023-06-23 due_in_7',
      '2023-06-27 due_in_3',
      '2023-06-30 due_today',
      '2023-07-01 overdue',
      '2023-07-05 overdue',
      '2023-07-05 escalation',
    ]);
    expect(rows.at(-1)!.recipient_unit_id).toBe(district);
    expect(smtp.received.at(-1)!.to).toEqual(['vanphong@ngoquyen.haiphong.gov.vn']);
  });

  it('a part that is done is no longer urged', async () => {
    await queryRows(t.handle.db, sql`UPDATE task_assignment SET status = 'done'`);
    expect(await runTaskReminders({ db: t.handle.db, now: at('2023-07-06') })).toMatchObject({
      checked: 0,
      sent: 0,
    });
  });
});
