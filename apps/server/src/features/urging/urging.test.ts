import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  findPlanByCode,
  listPlanTargetRules,
  queryRows,
  schema,
  seedPlans,
  seedProvinceSettings,
  seedReportingBodies,
  seedTargetDefinitions,
} from '@dx/db';
import { eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotificationMails } from '../../jobs/notification-mail';
import { channelSettingKey } from '../../lib/channels/config';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { type LocalSmtp, startLocalSmtp } from '../../test/smtp';

/** The text of a DOCX's body (runs joined per paragraph). */
async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/**
 * Công văn đôn đốc (issue 19): numbered per province and year, the units and what each owes, sent in-app, by e-mail
 * over real SMTP, and through the province's Zalo OA and SMS accounts (a LOCAL fake of each API; nothing leaves the
 * machine); the DOCX reads as the dispatch.
 */
describe('công văn đôn đốc', () => {
  let t: TestApp;
  let dx: Session;
  let planId: string;
  let planTargetId: string;
  let smtp: LocalSmtp;
  let fake: Server;
  let fakeBase: string;
  const seen: { url: string; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    // Late 2023: plan 54's targets are due and, with no records, units are behind.
    t = await createTestApp({ clock: () => new Date('2023-12-20T03:00:00Z') });
    await seedPlans(t.handle.db);
    await seedTargetDefinitions(t.handle.db);
    await seedReportingBodies(t.handle.db);
    await seedProvinceSettings(t.handle.db);
    planId = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
    planTargetId = (await listPlanTargetRules(t.handle.db, planId))[0]!.planTargetId;
    dx = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    smtp = await startLocalSmtp();
    fake = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => {
        seen.push({ url: req.url ?? '', body: JSON.parse(raw) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            req.url?.includes('/oa/')
              ? { error: 0, message: 'Success', data: { message_id: `z${seen.length}` } }
              : { status: 'accepted', id: `s${seen.length}` },
          ),
        );
      });
    });
    await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
    fakeBase = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise<void>((r) => (fake ? fake.close(() => r()) : r()));
    await smtp?.close();
    await t?.close();
  });

  const issue = (payload: Record<string, unknown>, who: Session = dx) =>
    t.call(who, { method: 'POST', url: `/api/plans/${planId}/urgings`, payload });

  it('numbers dispatches per year, names every unit behind with what it owes, notifies each in-app', async () => {
    const res = await issue({ source: 'target', sourceId: planTargetId });
    expect(res.statusCode, res.body).toBe(201);
    const { urging, email } = res.json();
    expect(urging.number).toBe('1/STTTT');
    expect(urging.issuedOn).toBe('2023-12-20');
    expect(urging.issuer).toBe('Sở Thông tin và Truyền thông');
    expect(urging.lines.length).toBeGreaterThan(1);
    for (const l of urging.lines) expect(l.owes[0]).toMatch(/^Chỉ tiêu I\.2\.a/);
    // Vietnamese order of the units (Đ after D).
    const names: string[] = urging.lines.map((l: { unitName: string }) => l.unitName);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(email.notified).toBe(urging.lines.length);
    const notes = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM notification WHERE urging_id = ${urging.id} AND kind = 'urging'`,
    );
    expect(notes[0]!.n).toBe(urging.lines.length);
    const audits = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE entity_id = ${urging.id}`,
    );
    expect(audits.map((a) => a.action)).toEqual(['urging.issue']);

    const second = await issue({
      source: 'target',
      sourceId: planTargetId,
      unitIds: [urging.lines[0].unitId],
    });
    expect(second.json().urging.number).toBe('2/STTTT');
    expect(second.json().urging.lines).toHaveLength(1);

    const list = await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/urgings` });
    expect(list.json().items.map((u: { number: string }) => u.number)).toEqual(['2/STTTT', '1/STTTT']);
  });

  it('downloads the DOCX in the Decree 30 layout: issuer, number, V/v, Kính gửi, the table, signature', async () => {
    const res = await issue({ source: 'target', sourceId: planTargetId });
    const u = res.json().urging;
    const doc = await t.call(dx, { method: 'GET', url: u.documentUrl });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(doc.rawPayload);
    expect(text).toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(text).toContain(`Số: ${u.number}`);
    expect(text).toContain('V/v đôn đốc thực hiện chỉ tiêu I.2.a của Kế hoạch số 54/KH-UBND');
    expect(text).toContain('Hải Phòng, ngày 20 tháng 12 năm 2023');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Kính gửi');
    expect(text).toContain('Nội dung chưa hoàn thành');
    for (const l of u.lines.slice(0, 3)) expect(text).toContain(l.unitName);
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).toContain('Nơi nhận:');
  });

  it('sends by e-mail over SMTP and through the province Zalo OA and SMS accounts to the unit officers', async () => {
    const first = (await issue({ source: 'target', sourceId: planTargetId })).json().urging;
    const unitId = first.lines[0].unitId as string;
    const officer = `urging_officer_${process.pid}`;
    await t.userWith([{ role: 'unit_officer', unitId }], officer);
    await t.handle.db
      .update(schema.appUser)
      .set({ email: 'vanthu@donvi.example.vn', phone: '0912345678', zaloUserId: '8234567890' })
      .where(eq(schema.appUser.username, officer));
    await t.handle.db
      .insert(schema.setting)
      .values({ key: 'smtp', value: { host: '127.0.0.1', port: smtp.port, from: 'cds@tinh.example.vn' } });
    await t.handle.db.insert(schema.setting).values({
      key: channelSettingKey(t.hp),
      value: {
        zalo: { baseUrl: fakeBase, accessToken: 'token-thu' },
        sms: { baseUrl: fakeBase, apiKey: 'khoa-thu', brandname: 'CDS' },
      },
    });
    seen.length = 0;
    const res = await issue({ source: 'target', sourceId: planTargetId, unitIds: [unitId] });
    expect(res.statusCode, res.body).toBe(201);
    const { urging, email } = res.json();
    expect(email).toMatchObject({ notified: 1, emailQueued: 1, emailStatus: 'queued' });
    expect(urging.delivery.zalo).toEqual({ sent: 1, failed: 0, noAddress: 0, errors: [] });
    expect(urging.delivery.sms).toEqual({ sent: 1, failed: 0, noAddress: 0, errors: [] });
    const zalo = seen.find((s) => s.url === '/v3.0/oa/message/cs')!;
    expect(zalo.body.recipient).toEqual({ user_id: '8234567890' });
    expect((zalo.body.message as { text: string }).text).toContain(`Công văn số ${urging.number}`);
    const sms = seen.find((s) => s.url === '/send')!;
    expect(sms.body).toMatchObject({ brandname: 'CDS', phone: '0912345678' });

    // The unit's officer sees it with its sender and the letter to download.
    const officerSession = await t.signIn(officer);
    const inbox = await t.call(officerSession, { method: 'GET', url: `/api/units/${unitId}/notifications` });
    expect(inbox.statusCode).toBe(200);
    const mine = inbox
      .json()
      .items.find((x: { urgingDocumentUrl: string | null }) => x.urgingDocumentUrl === urging.documentUrl);
    expect(mine).toMatchObject({ kind: 'urging', readAt: null });
    expect(mine.sentByName).toBeTruthy();
    expect(inbox.json().unread).toBeGreaterThan(0);

    const [n] = await queryRows<{ id: string }>(
      t.handle.db,
      sql`SELECT id FROM notification WHERE urging_id = ${urging.id}`,
    );
    const sent = await runNotificationMails({
      db: t.handle.db,
      now: new Date(),
      notificationIds: [n!.id],
      finalAttempt: true,
    });
    expect(sent.sent).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['vanthu@donvi.example.vn']);
    expect(mail.raw).toMatch(/Subject: =\?UTF-8\?/);
  });

  it('refuses a unit officer, a unit outside the province, an empty list, and a target of nothing', async () => {
    const officer = await t.userWith([{ role: 'unit_officer', unitId: t.hp }]);
    expect((await issue({ source: 'target', sourceId: planTargetId }, officer)).statusCode).toBe(403);
    const outside = await issue({ source: 'target', sourceId: planTargetId, unitIds: [t.hd] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.issues[0].path).toEqual(['body', 'unitIds', 0]);
    const noTarget = await issue({ source: 'target' });
    expect(noTarget.statusCode).toBe(400);
    const bad = await issue({ source: 'target', sourceId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(404);
  });
});
