import {
  getPlanRow,
  getSettingValue,
  getUnitScope,
  insertNotifications,
  listPlanTargetRules,
  type NewNotification,
  unitRecipients,
} from '@dx/db';
import { AppError, localDateOf, targetCode } from '@dx/domain';
import { audit, authorizeProvince, type UseCaseContext } from '../../http/context';
import { enqueueNotificationMails } from '../../jobs/notification-mail';
import { smtpSettings } from '../../lib/mailer';

export type ReminderResult = {
  notified: number;
  /** E-mails waiting in the outbox for the mail job (sent outside the request, retried when a send fails). */
  emailQueued: number;
  /** Units without an officer's e-mail address (in-app notification only). */
  emailNoRecipient: number;
  emailStatus: 'queued' | 'not_configured' | 'no_recipient' | 'partial';
};

/**
 * Urges units behind on a target (đôn đốc, BRIEF "Users"): one in-app notification per unit, written with the audit
 * entry in one transaction. When an `smtp` setting exists each notification addressed to officers with an e-mail
 * also sits in the mail outbox ('queued'); after commit one job is enqueued to send them (jobs/notification-mail.ts),
 * so a slow or failing mail server never holds the request, and a send that fails is retried and recorded.
 */
export async function sendTargetReminders({
  ctx,
  planId,
  planTargetId,
  unitIds,
  message,
}: {
  ctx: UseCaseContext;
  planId: string;
  planTargetId: string;
  unitIds: string[];
  message?: string;
}): Promise<ReminderResult> {
  const plan = await getPlanRow(ctx.db, planId);
  if (!plan) throw new AppError('PLAN.NOT_FOUND', 'Không tìm thấy kế hoạch', { planId });
  authorizeProvince(ctx, 'target.remind', plan.provinceId);
  const target = (await listPlanTargetRules(ctx.db, planId)).find((t) => t.planTargetId === planTargetId);
  if (!target) throw new AppError('TARGET.NOT_FOUND', 'Không tìm thấy chỉ tiêu', { planTargetId });
  const today = localDateOf(ctx.now);
  const unique = [...new Set(unitIds)];
  for (const [i, unitId] of unique.entries()) {
    const scope = await getUnitScope(ctx.db, unitId, today);
    if (!scope || scope.provinceId !== plan.provinceId) {
      throw new AppError('VALIDATION.FAILED', 'Đơn vị không thuộc tỉnh, thành phố của kế hoạch', {
        issues: [{ path: ['body', 'unitIds', i], message: 'Đơn vị không hợp lệ hoặc ở tỉnh khác' }],
      });
    }
  }

  const code = targetCode(target.letter);
  const title = `Đôn đốc thực hiện chỉ tiêu ${code} — Kế hoạch ${plan.code ?? plan.title}`;
  const body =
    message?.trim() ||
    `Đề nghị đơn vị khẩn trương thực hiện và cập nhật kết quả chỉ tiêu ${code}: "${target.text}". ` +
      'Xem chi tiết tại mục "Việc của tôi" trên hệ thống.';

  const smtpValue = await getSettingValue(ctx.db, 'smtp');
  const mailConfigured = smtpValue ? smtpSettings.safeParse(smtpValue).success : false;
  const recipients = mailConfigured ? await unitRecipients(ctx.db, unique) : new Map<string, string[]>();
  const rows: NewNotification[] = unique.map((unitId) => {
    const to = recipients.get(unitId) ?? [];
    return {
      provinceId: plan.provinceId,
      unitId,
      kind: 'reminder',
      title,
      body,
      planTargetId,
      sentBy: ctx.actor.userId,
      emailStatus: !mailConfigured ? 'not_configured' : to.length ? 'queued' : 'no_recipient',
      emailTo: to,
      emailError: null,
    };
  });
  const saved = await ctx.db.transaction(async (tx) => {
    const saved = await insertNotifications(tx, rows);
    await audit(tx, ctx, {
      action: 'target.remind',
      entityType: 'plan_target',
      entityId: planTargetId,
      provinceId: plan.provinceId,
      after: {
        unitIds: unique,
        notificationIds: saved.map((n) => n.id),
        emailQueued: saved.filter((n) => n.emailStatus === 'queued').length,
      },
    });
    return saved;
  });
  const queued = saved.filter((n) => n.emailStatus === 'queued').map((n) => n.id);
  // After commit: the job must see the rows. If enqueueing fails the outbox keeps them for the sweep.
  await enqueueNotificationMails(ctx.db, queued).catch(() => false);
  const noRecipient = rows.length - queued.length;
  return {
    notified: rows.length,
    emailQueued: queued.length,
    emailNoRecipient: mailConfigured ? noRecipient : 0,
    emailStatus: !mailConfigured
      ? 'not_configured'
      : queued.length === rows.length
        ? 'queued'
        : queued.length === 0
          ? 'no_recipient'
          : 'partial',
  };
}
