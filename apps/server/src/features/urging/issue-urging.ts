import {
  insertNotifications,
  insertUrgingNumbered,
  type NewNotification,
  setUrgingDelivery,
  type UrgingRow,
  unitChannelAddresses,
  unitIdsInProvince,
  unitNameOn,
} from '@dx/db';
import {
  AppError,
  addDays,
  consolidatedSettingsOf,
  dispatchCode,
  formatDateVi,
  issuerOn,
  localDateOf,
  said,
  say,
  type UrgingDocument,
  type UrgingSource,
  urgingMessage,
  worded,
} from '@dx/domain';
import { type OutboxSummary, outboxAddresses, sendOutbox } from '../../jobs/notification-mail';
import type { NotificationChannel } from '../../lib/channels/channel';
import { provinceChannels } from '../../lib/channels/config';
import { audit, inTransaction, loadPlanFor, type UseCaseContext } from '../../use-case/context';
import { provinceSettingsInForce } from '../provinces/settings-in-force';
import { collectBehind } from './collect-behind';

/** Days units are given to act (the dispatch names the date). */
const ACT_WITHIN_DAYS = 10;

/**
 * The issuing body's lines on a day, from the province's settings in force that day (issue 15, province settings):
 * the DX office's agency then, else the People's Committee.
 */
export async function urgingFrame(ctx: UseCaseContext, provinceId: string, date: string) {
  const provinceName = (await unitNameOn(ctx.db, provinceId, date)) ?? '';
  const settings = consolidatedSettingsOf(
    await provinceSettingsInForce(ctx.db, provinceId, date),
    provinceName,
  );
  const d = { settings, date, provinceName };
  const v = issuerOn(d, 'dx_office') ?? issuerOn(d, 'committee')!;
  const [first, ...rest] = v.header;
  return {
    issuerParent: rest.length ? first! : null,
    issuer: rest.length ? rest : [first!],
    issuerName: v.name,
    code: dispatchCode(v.code),
    place: settings.place ?? provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, ''),
    signature: v.signature,
    signer: v.signer ?? '',
  };
}

/** The document as stored (the DOCX is rendered from it, so it never changes after issue). */
export function urgingDocumentOf(u: UrgingRow, planRef: string): UrgingDocument {
  return {
    frame: u.frame,
    number: u.number,
    issuedOn: u.issuedOn,
    asOf: u.asOf,
    subject: u.subject,
    planRef,
    // "đôn đốc nộp báo cáo …" → "nộp báo cáo …": what the units have not done.
    what: u.subject.replace(/^đôn đốc\s+/u, ''),
    lines: u.lines,
    actBy: addDays(u.issuedOn, ACT_WITHIN_DAYS),
  };
}

export function planRefOf(plan: {
  code: string | null;
  title: string;
  issuedOn: string | null;
  issuerName: string;
}) {
  const number = plan.code ? `Kế hoạch số ${plan.code}` : 'Kế hoạch';
  const on = plan.issuedOn ? ` ngày ${formatDateVi(plan.issuedOn)}` : '';
  return `${number}${on} của ${plan.issuerName} (${plan.title})`;
}

export type ChannelOutcome = { sent: number; failed: number; noAddress: number; errors: string[] };

async function sendThrough(
  channel: NotificationChannel | null,
  lines: { unitId: string; text: string }[],
  addresses: (unitId: string) => string[],
): Promise<ChannelOutcome | null> {
  if (!channel) return null;
  const out: ChannelOutcome = { sent: 0, failed: 0, noAddress: 0, errors: [] };
  for (const l of lines) {
    const to = addresses(l.unitId);
    if (to.length === 0) out.noAddress++;
    for (const address of to) {
      const r = await channel.send(address, { text: l.text });
      if (r.ok) out.sent++;
      else {
        out.failed++;
        if (out.errors.length < 10) out.errors.push(r.error);
      }
    }
  }
  return out;
}

/**
 * Issues a công văn đôn đốc from a who-is-behind list (issue 19): the next number of the province's year, the
 * units and what each owes, one in-app notification per unit (with the e-mail outbox), all with the audit entry in one
 * transaction; after commit the e-mails are queued and the province's Zalo and SMS channels, when configured, carry
 * the short text to the units' officers, and what happened is recorded on the dispatch.
 */
export async function issueUrging({
  ctx,
  planId,
  source,
  sourceId,
  unitIds,
  asOf,
}: {
  ctx: UseCaseContext;
  planId: string;
  source: UrgingSource;
  sourceId: string | null;
  unitIds?: string[];
  asOf?: string;
}): Promise<{ urging: UrgingRow; email: OutboxSummary }> {
  const plan = await loadPlanFor(ctx, planId, 'target.remind');
  const today = localDateOf(ctx.now);
  const standing = asOf && asOf < today ? asOf : today;
  const behind = await collectBehind(ctx, plan, source, sourceId, standing);
  let lines = behind.lines;
  if (unitIds) {
    const unique = [...new Set(unitIds)];
    const inProvince = await unitIdsInProvince(ctx.db, unique, plan.provinceId);
    const outside = unique.findIndex((u) => !inProvince.has(u));
    if (outside >= 0)
      throw new AppError('VALIDATION.FAILED', said('unit.notInPlanProvince'), {
        issues: [{ path: ['body', 'unitIds', outside], ...worded('unit.invalidOrElsewhere') }],
      });
    lines = lines.filter((l) => unique.includes(l.unitId));
  }
  if (lines.length === 0)
    throw new AppError('VALIDATION.FAILED', said('urging.nobodyBehind'), {
      issues: [{ path: ['body', 'unitIds'], ...worded('urging.listNoLongerBehind') }],
    });
  const frame = await urgingFrame(ctx, plan.provinceId, today);
  const planRef = planRefOf(plan);
  const mail = await outboxAddresses(
    ctx.db,
    lines.map((l) => l.unitId),
  );

  const { urging, saved, texts } = await inTransaction(ctx, async (tx) => {
    const urging = await insertUrgingNumbered(tx, {
      provinceId: plan.provinceId,
      planId,
      year: Number(today.slice(0, 4)),
      source,
      sourceId,
      subject: behind.subject,
      issuedOn: today,
      asOf: standing,
      frame,
      lines,
      createdBy: ctx.actor.userId,
    });
    const doc = urgingDocumentOf(urging, planRef);
    const texts = lines.map((l) => ({ unitId: l.unitId, text: urgingMessage(doc, l) }));
    const urgingTitle = { number: `${urging.number}/${frame.code}`, subject: behind.subject };
    const rows: NewNotification[] = texts.map((t) => ({
      provinceId: plan.provinceId,
      unitId: t.unitId,
      kind: 'urging',
      title: say('notification.urgingTitle', urgingTitle),
      body: t.text,
      // The body is the công văn's own text (an official document), shown as written.
      words: { title: said('notification.urgingTitle', urgingTitle), body: null },
      planTargetId: source === 'target' ? sourceId : null,
      sentBy: ctx.actor.userId,
      urgingId: urging.id,
      ...mail(t.unitId),
    }));
    const saved = await insertNotifications(tx, rows);
    await audit(tx, ctx, {
      action: 'urging.issue',
      entityType: 'urging',
      entityId: urging.id,
      provinceId: plan.provinceId,
      after: {
        number: `${urging.number}/${frame.code}`,
        subject: behind.subject,
        units: lines.map((l) => l.unitName),
        notificationIds: saved.map((n) => n.id),
      },
    });
    return { urging, saved, texts };
  });

  const email = await sendOutbox(ctx.db, saved);
  const channels = await provinceChannels(ctx.db, plan.provinceId);
  if (channels.zalo || channels.sms) {
    const addresses = await unitChannelAddresses(
      ctx.db,
      lines.map((l) => l.unitId),
    );
    const delivery = {
      zalo: await sendThrough(channels.zalo, texts, (u) => addresses.get(u)?.zaloIds ?? []),
      sms: await sendThrough(channels.sms, texts, (u) => addresses.get(u)?.phones ?? []),
    };
    await setUrgingDelivery(ctx.db, urging.id, delivery);
    return { urging: { ...urging, delivery }, email };
  }
  return { urging, email };
}
