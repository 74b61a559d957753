import {
  claimNotificationMails,
  type Db,
  getSettingValue,
  type NewNotification,
  recordNotificationMail,
  unitRecipients,
} from '@dx/db';
import { z } from 'zod';
import { createMailer, smtpSettings } from '../lib/mailer';
import { enqueueJob } from './queue';

/**
 * Job definition: sending the e-mails of in-app notifications (reminders — đôn đốc — to units behind on a target,
 * plan 54 V.1.a) outside the request. A job names the notifications it sends; without names it is the sweep, run
 * every few minutes, which sends what an enqueue lost (a crash between commit and enqueue) and sends cut off.
 */
export const NOTIFICATION_MAIL_JOB = {
  name: 'notification-mail',
  sweepCron: '*/5 * * * *',
  tz: 'Asia/Ho_Chi_Minh',
  /** A failed send is retried this many times (exponential backoff from retryDelay seconds), then recorded failed. */
  retryLimit: 4,
  retryDelay: 30,
  /** The sweep leaves a queued notification this long to its own job first. */
  sweepAfterMs: 2 * 60_000,
  /** A notification still 'sending' after this long was cut off (a crash): sent again. */
  stuckAfterMs: 60 * 60_000,
  payload: z.object({ notificationIds: z.array(z.uuid()).max(1000).optional() }).default({}),
} as const;

export type NotificationMailResult = { sent: number; failed: number; retrying: number };

/** Asks the queue to send these notifications' e-mails (after the transaction that wrote them has committed). */
export function enqueueNotificationMails(db: Db, notificationIds: string[]): Promise<boolean> {
  if (notificationIds.length === 0) return Promise.resolve(false);
  return enqueueJob(db, NOTIFICATION_MAIL_JOB.name, { notificationIds });
}

type MailFields = Pick<NewNotification, 'emailStatus' | 'emailTo' | 'emailError'>;

/**
 * The mail fields of notifications to units, before they are written: 'queued' in the outbox for a unit whose
 * officers have an e-mail address when SMTP is configured, otherwise why no e-mail goes out.
 */
export async function outboxAddresses(db: Db, unitIds: string[]): Promise<(unitId: string) => MailFields> {
  const smtp = await getSettingValue(db, 'smtp');
  const configured = smtp ? smtpSettings.safeParse(smtp).success : false;
  const recipients = configured ? await unitRecipients(db, unitIds) : new Map<string, string[]>();
  return (unitId) => {
    const to = recipients.get(unitId) ?? [];
    return {
      emailStatus: !configured ? 'not_configured' : to.length ? 'queued' : 'no_recipient',
      emailTo: to,
      emailError: null,
    };
  };
}

export type OutboxSummary = {
  notified: number;
  /** E-mails waiting in the outbox for the mail job (sent outside the request, retried when a send fails). */
  emailQueued: number;
  /** Units without an officer's e-mail address (in-app notification only). */
  emailNoRecipient: number;
  emailStatus: 'queued' | 'not_configured' | 'no_recipient' | 'partial';
};

/**
 * After the transaction that wrote the notifications has committed (the job must see the rows): enqueues one job for
 * the queued e-mails — if enqueueing fails the outbox keeps them for the sweep — and sums up what happens to mail.
 */
export async function sendOutbox(
  db: Db,
  saved: readonly { id: string; emailStatus: string }[],
): Promise<OutboxSummary> {
  const queued = saved.filter((n) => n.emailStatus === 'queued').map((n) => n.id);
  await enqueueNotificationMails(db, queued).catch(() => false);
  const notConfigured = saved.some((n) => n.emailStatus === 'not_configured');
  return {
    notified: saved.length,
    emailQueued: queued.length,
    emailNoRecipient: saved.filter((n) => n.emailStatus === 'no_recipient').length,
    emailStatus: notConfigured
      ? 'not_configured'
      : queued.length === saved.length
        ? 'queued'
        : queued.length === 0
          ? 'no_recipient'
          : 'partial',
  };
}

/**
 * Sends the claimed notifications' e-mails over SMTP and records each outcome. When a send fails and attempts
 * remain, the notification is marked 'retrying' and the job throws, so pg-boss runs it again later; the sent ones
 * are not sent twice (only rows still in the outbox are claimed). On the last attempt a failure is recorded 'failed'
 * with the error, and the job ends.
 */
export async function runNotificationMails({
  db,
  now,
  notificationIds,
  finalAttempt,
}: {
  db: Db;
  now: Date;
  /** null = the sweep. */
  notificationIds: string[] | null;
  finalAttempt: boolean;
}): Promise<NotificationMailResult> {
  const rows = await claimNotificationMails(db, notificationIds, {
    queuedBefore: new Date(now.getTime() - NOTIFICATION_MAIL_JOB.sweepAfterMs),
    stuckBefore: new Date(now.getTime() - NOTIFICATION_MAIL_JOB.stuckAfterMs),
  });
  const result: NotificationMailResult = { sent: 0, failed: 0, retrying: 0 };
  if (rows.length === 0) return result;
  const smtp = smtpSettings.safeParse((await getSettingValue(db, 'smtp')) ?? null);
  const mailer = smtp.success ? createMailer(smtp.data) : null;
  try {
    for (const n of rows) {
      let error: string | null = null;
      if (!mailer) error = 'Máy chủ thư (SMTP) chưa được cấu hình';
      else {
        try {
          await mailer.send({ to: n.emailTo, subject: n.title, text: n.body });
        } catch (e) {
          error = String((e as Error).message).slice(0, 500);
        }
      }
      if (error === null) {
        await recordNotificationMail(db, n.id, { status: 'sent', error: null });
        result.sent++;
      } else if (finalAttempt) {
        await recordNotificationMail(db, n.id, { status: 'failed', error });
        result.failed++;
      } else {
        await recordNotificationMail(db, n.id, { status: 'retrying', error });
        result.retrying++;
      }
    }
  } finally {
    mailer?.close();
  }
  return result;
}

/** A job attempt that left e-mails to retry (pg-boss runs the job again after a delay). */
export class MailRetryError extends Error {
  constructor(readonly result: NotificationMailResult) {
    super(`${result.retrying} e-mail chưa gửi được, sẽ gửi lại`);
  }
}
