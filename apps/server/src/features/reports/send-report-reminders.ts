import {
  getSettingValue,
  insertNotifications,
  insertReportReminders,
  listPeriodReports,
  type NewNotification,
  unitRecipients,
} from '@dx/db';
import {
  formatDateVi,
  mayRemindReport,
  type NotificationWords,
  type ReportStatus,
  said,
  say,
  validationError,
  worded,
} from '@dx/domain';
import { enqueueNotificationMails } from '../../jobs/notification-mail';
import { smtpSettings } from '../../lib/mailer';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { loadPeriod } from './load-report';

export type ReportReminderResult = {
  notified: number;
  /** E-mails waiting in the outbox for the mail job (jobs/notification-mail.ts), sent outside the request. */
  emailQueued: number;
  /** Units without an officer's e-mail address (in-app notification only). */
  emailNoRecipient: number;
  emailStatus: 'queued' | 'not_configured' | 'no_recipient' | 'partial';
};

/**
 * Urges units that have not submitted their report (đôn đốc, plan 54 V.1.a): an in-app notification per unit and an
 * e-mail to its officers when SMTP is configured (the same road as target reminders). Only units required to report
 * and without a submitted report may be reminded; each reminder is recorded for the period.
 */
export async function sendReportReminders({
  ctx,
  periodId,
  unitIds,
  message,
}: {
  ctx: UseCaseContext;
  periodId: string;
  unitIds: string[];
  message?: string;
}): Promise<ReportReminderResult> {
  const period = await loadPeriod(ctx, periodId, 'report.manage');
  const rows = await listPeriodReports(ctx.db, periodId, period.periodTo);
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  const unique = [...new Set(unitIds)];
  const issues = unitIds.flatMap((id, i) => {
    const r = byUnit.get(id);
    if (!r?.isRequired) return [{ path: ['body', 'unitIds', i], ...worded('report.unitNotDue') }];
    if (!mayRemindReport({ isRequired: true, status: (r.report?.status ?? null) as ReportStatus | null }))
      return [{ path: ['body', 'unitIds', i], ...worded('report.alreadySent', { unit: r.unitName }) }];
    return [];
  });
  if (issues.length) throw validationError(said('report.someNotToUrge'), issues);

  const own = message?.trim();
  const words: NotificationWords = {
    title: said('notification.reportReminderTitle', { period: period.label }),
    body: own
      ? null
      : said('notification.reportReminderBody', { period: period.label, due: formatDateVi(period.dueDate) }),
  };
  const title = say(words.title.reason, words.title.params);
  const body = own || say(words.body!.reason, words.body!.params);

  const smtpValue = await getSettingValue(ctx.db, 'smtp');
  const mailConfigured = smtpValue ? smtpSettings.safeParse(smtpValue).success : false;
  const recipients = mailConfigured ? await unitRecipients(ctx.db, unique) : new Map<string, string[]>();
  const notes: NewNotification[] = unique.map((unitId) => {
    const to = recipients.get(unitId) ?? [];
    return {
      provinceId: period.provinceId,
      unitId,
      kind: 'report_reminder',
      title,
      body,
      words,
      sentBy: ctx.actor.userId,
      emailStatus: !mailConfigured ? 'not_configured' : to.length ? 'queued' : 'no_recipient',
      emailTo: to,
      emailError: null,
    };
  });
  const saved = await inTransaction(ctx, async (tx) => {
    const saved = await insertNotifications(tx, notes);
    await insertReportReminders(
      tx,
      saved.map((n) => ({
        periodId,
        provinceId: period.provinceId,
        unitId: n.unitId,
        notificationId: n.id,
        emailStatus: n.emailStatus,
        sentBy: ctx.actor.userId,
      })),
    );
    await audit(tx, ctx, {
      action: 'report_period.remind',
      entityType: 'report_period',
      entityId: periodId,
      provinceId: period.provinceId,
      after: {
        unitIds: unique,
        notificationIds: saved.map((n) => n.id),
        emailQueued: saved.filter((n) => n.emailStatus === 'queued').length,
      },
    });
    return saved;
  });
  const queued = saved.filter((n) => n.emailStatus === 'queued').map((n) => n.id);
  // After commit (the job must see the rows); if enqueueing fails the outbox keeps them for the sweep.
  await enqueueNotificationMails(ctx.db, queued).catch(() => false);
  return {
    notified: notes.length,
    emailQueued: queued.length,
    emailNoRecipient: mailConfigured ? notes.length - queued.length : 0,
    emailStatus: !mailConfigured
      ? 'not_configured'
      : queued.length === notes.length
        ? 'queued'
        : queued.length === 0
          ? 'no_recipient'
          : 'partial',
  };
}
