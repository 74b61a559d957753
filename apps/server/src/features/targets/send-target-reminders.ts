import {
  getPlanRow,
  insertNotifications,
  listPlanTargetRules,
  type NewNotification,
  unitIdsInProvince,
} from '@dx/db';
import { AppError, type NotificationWords, said, say, targetCode, worded } from '@dx/domain';
import { type OutboxSummary, outboxAddresses, sendOutbox } from '../../jobs/notification-mail';
import { audit, authorizeProvince, inTransaction, type UseCaseContext } from '../../use-case/context';

export type ReminderResult = OutboxSummary;

/**
 * Urges units behind on a target (đôn đốc, docs/brief.md "Users"): one in-app notification per unit, written with the audit
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
  if (!plan) throw new AppError('PLAN.NOT_FOUND', said('plan.notFound'), { planId });
  authorizeProvince(ctx, 'target.remind', plan.provinceId);
  const target = (await listPlanTargetRules(ctx.db, planId)).find((t) => t.planTargetId === planTargetId);
  if (!target) throw new AppError('TARGET.NOT_FOUND', said('target.notFound'), { planTargetId });
  const unique = [...new Set(unitIds)];
  const inProvince = await unitIdsInProvince(ctx.db, unique, plan.provinceId);
  const outside = unique.findIndex((unitId) => !inProvince.has(unitId));
  if (outside >= 0) {
    throw new AppError('VALIDATION.FAILED', said('unit.notInPlanProvince'), {
      issues: [{ path: ['body', 'unitIds', outside], ...worded('unit.invalidOrElsewhere') }],
    });
  }

  const code = targetCode(target.letter);
  const own = message?.trim();
  const words: NotificationWords = {
    title: said('notification.targetReminderTitle', { target: code, plan: plan.code ?? plan.title }),
    body: own ? null : said('notification.targetReminderBody', { target: code, text: target.text }),
  };
  const title = say(words.title.reason, words.title.params);
  const body = own || say(words.body!.reason, words.body!.params);

  const mail = await outboxAddresses(ctx.db, unique);
  const rows: NewNotification[] = unique.map((unitId) => ({
    provinceId: plan.provinceId,
    unitId,
    kind: 'reminder',
    title,
    body,
    words,
    planTargetId,
    sentBy: ctx.actor.userId,
    ...mail(unitId),
  }));
  const saved = await inTransaction(ctx, async (tx) => {
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
  return sendOutbox(ctx.db, saved);
}
