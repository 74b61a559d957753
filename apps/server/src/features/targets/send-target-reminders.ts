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
import { createMailer, smtpSettings } from '../../lib/mailer';

export type ReminderResult = {
  notified: number;
  emailed: number;
  emailFailed: number;
  emailStatus: 'sent' | 'not_configured' | 'partial';
};

/**
 * Urges units behind on a target (đôn đốc, BRIEF "Users"): one in-app notification per unit, and an e-mail to
 * the unit's officers when an `smtp` setting exists. Every notification records how its e-mail went.
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
  const smtp = smtpValue ? smtpSettings.safeParse(smtpValue) : null;
  const mailer = smtp?.success ? createMailer(smtp.data) : null;
  const recipients = mailer ? await unitRecipients(ctx.db, unique) : new Map<string, string[]>();
  const rows: NewNotification[] = [];
  let emailed = 0;
  let emailFailed = 0;
  try {
    for (const unitId of unique) {
      const to = recipients.get(unitId) ?? [];
      let emailStatus = mailer ? (to.length ? 'sent' : 'no_recipient') : 'not_configured';
      let emailError: string | null = null;
      if (mailer && to.length) {
        try {
          await mailer.send({ to, subject: title, text: body });
          emailed++;
        } catch (error) {
          emailStatus = 'failed';
          emailError = String((error as Error).message).slice(0, 500);
          emailFailed++;
        }
      }
      rows.push({
        provinceId: plan.provinceId,
        unitId,
        kind: 'reminder',
        title,
        body,
        planTargetId,
        sentBy: ctx.actor.userId,
        emailStatus,
        emailTo: to,
        emailError,
      });
    }
  } finally {
    mailer?.close();
  }
  await ctx.db.transaction(async (tx) => {
    const saved = await insertNotifications(tx, rows);
    await audit(tx, ctx, {
      action: 'target.remind',
      entityType: 'plan_target',
      entityId: planTargetId,
      provinceId: plan.provinceId,
      after: { unitIds: unique, notificationIds: saved.map((n) => n.id), emailed, emailFailed },
    });
  });
  return {
    notified: rows.length,
    emailed,
    emailFailed,
    emailStatus: !mailer ? 'not_configured' : emailFailed || emailed < rows.length ? 'partial' : 'sent',
  };
}
