import {
  claimReminder,
  completeReminder,
  type Db,
  getSettingValue,
  insertNotifications,
  parentUnitOn,
  reminderCandidates,
  unitRecipients,
} from '@dx/db';
import {
  type AssignmentStatus,
  formatDateVi,
  localDateOf,
  type NotificationWords,
  reminderSettings,
  remindersDue,
  said,
  say,
  TASK_REMINDER_WORDS,
} from '@dx/domain';
import { z } from 'zod';
import { createMailer, smtpSettings } from '../lib/mailer';

/** Job definition: the daily reminders of the appendix's tasks (đôn đốc, plan 54 V.1.a). */
export const TASK_REMINDERS_JOB = {
  name: 'task-reminders',
  /** Every day at 07:00 local time. */
  cron: '0 7 * * *',
  tz: 'Asia/Ho_Chi_Minh',
  payload: z.object({ now: z.iso.datetime().optional() }).default({}),
} as const;

export type TaskReminderResult = {
  checked: number;
  sent: number;
  emailed: number;
  emailFailed: number;
  alreadySent: number;
};

/** The setting holding the reminder delays (`{ escalateAfterDays, overdueEveryDays }`). */
export const TASK_REMINDER_SETTING = 'task.reminders';

/**
 * Sends the reminders due on `now`'s local date: 7 and 3 days before, on the day, while overdue, and the supervisor's
 * copy after the configured delay. Idempotent: each reminder is first claimed in task_reminder under the unique key
 * (assignment, kind, local date), so a second run the same day — or a concurrent one — sends nothing. Works in
 * bounded batches over lead parts not done; in-app notification always, e-mail when SMTP is configured.
 */
export async function runTaskReminders({
  db,
  now,
  batchSize = 200,
}: {
  db: Db;
  now: Date;
  batchSize?: number;
}): Promise<TaskReminderResult> {
  const today = localDateOf(now);
  const settings = reminderSettings.parse((await getSettingValue(db, TASK_REMINDER_SETTING)) ?? {});
  const smtp = smtpSettings.safeParse((await getSettingValue(db, 'smtp')) ?? null);
  const mailer = smtp.success ? createMailer(smtp.data) : null;
  const result: TaskReminderResult = { checked: 0, sent: 0, emailed: 0, emailFailed: 0, alreadySent: 0 };
  let after: string | null = null;
  try {
    for (;;) {
      const batch = await reminderCandidates(db, today, after, batchSize);
      if (batch.length === 0) break;
      after = batch.at(-1)!.assignmentId;
      for (const part of batch) {
        result.checked++;
        for (const kind of remindersDue(
          { status: part.status as AssignmentStatus, dueDate: part.dueDate },
          today,
          settings,
        )) {
          const recipient = kind === 'escalation' ? await parentUnitOn(db, part.unitId, today) : part.unitId;
          if (!recipient) continue;
          const reminderId = await claimReminder(db, {
            assignmentId: part.assignmentId,
            taskId: part.taskId,
            provinceId: part.provinceId,
            kind,
            localDate: today,
            recipientUnitId: recipient,
          });
          if (reminderId === null) {
            result.alreadySent++;
            continue;
          }
          const words: NotificationWords = {
            title: part.planCode
              ? said('notification.taskReminderTitle', { plan: part.planCode })
              : said('notification.taskReminderTitleNoPlan'),
            body: said(TASK_REMINDER_WORDS[kind], { task: part.title, due: formatDateVi(part.dueDate) }),
          };
          const title = say(words.title.reason, words.title.params);
          const body = say(words.body!.reason, words.body!.params);
          const to = mailer ? ((await unitRecipients(db, [recipient])).get(recipient) ?? []) : [];
          let emailStatus = mailer ? (to.length ? 'sent' : 'no_recipient') : 'not_configured';
          let emailError: string | null = null;
          if (mailer && to.length) {
            try {
              await mailer.send({ to, subject: title, text: body });
              result.emailed++;
            } catch (error) {
              emailStatus = 'failed';
              emailError = String((error as Error).message).slice(0, 500);
              result.emailFailed++;
            }
          }
          const [n] = await insertNotifications(db, [
            {
              provinceId: part.provinceId,
              unitId: recipient,
              kind: 'task_reminder',
              title,
              body,
              words,
              emailStatus,
              emailTo: to,
              emailError,
            },
          ]);
          await completeReminder(db, reminderId, n!.id, emailStatus);
          result.sent++;
        }
      }
      if (batch.length < batchSize) break;
    }
  } finally {
    mailer?.close();
  }
  return result;
}
