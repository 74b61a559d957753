import { queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/**
 * The obstacles register end to end through the API (plan 54, closing paragraph): a commune raises, the DX office
 * consolidates and forwards, leadership directs, the unit given the direction answers, the raising unit reads it.
 */
describe('obstacles and proposals register', () => {
  let t: TestApp;
  let admin: Session;
  let dx: Session;
  let leader: Session;
  let communeOfficer: Session;
  let ownerOfficer: Session;
  let siblingOfficer: Session;
  let viewer: Session;
  let district: string;
  let commune: string;
  let ownerCommune: string;
  let sibling: string;
  // 10/06/2025 09:00 in Hà Nội time; moved forward to test overdue.
  let now = new Date('2025-06-10T02:00:00Z');

  const create = async (name: string, kind: string, parentUnitId: string) => {
    const res = await t.call(admin, {
      method: 'POST',
      url: '/api/reorganisations',
      payload: { type: 'create', effectiveDate: '2023-01-01', unit: { name, kind, parentUnitId } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().createdUnitIds[0] as string;
  };
  const raise = (s: Session, unitId: string, title = 'Thiếu kinh phí in tờ rơi chuyển đổi số') =>
    t.call(s, {
      method: 'POST',
      url: '/api/obstacles',
      payload: {
        unitId,
        kind: 'proposal',
        title,
        description: 'Đề nghị bổ sung kinh phí in 5.000 tờ rơi về dịch vụ công trực tuyến.',
      },
    });
  const step = (s: Session, id: string, type: string, body: Record<string, unknown>) =>
    t.call(s, { method: 'POST', url: `/api/obstacles/${id}/${type}`, payload: body });
  const auditOf = async (id: string) =>
    (
      await queryRows<{ action: string }>(
        t.handle.db,
        sql`SELECT action FROM audit_log WHERE entity_type = 'obstacle' AND entity_id = ${id} ORDER BY id`,
      )
    ).map((r) => r.action);

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
    admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    district = await create('Quận Kiến Nghị', 'district', t.hp);
    commune = await create('Phường Nêu Kiến Nghị', 'commune', district);
    ownerCommune = await create('Phường Được Giao', 'commune', district);
    sibling = await create('Quận Bên Cạnh', 'district', t.hp);
    dx = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    leader = await t.userWith([{ role: 'leadership', unitId: t.hp }]);
    communeOfficer = await t.userWith([{ role: 'unit_officer', unitId: commune }]);
    ownerOfficer = await t.userWith([{ role: 'unit_officer', unitId: ownerCommune }]);
    siblingOfficer = await t.userWith([{ role: 'unit_officer', unitId: sibling }]);
    viewer = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
  });
  afterAll(async () => t?.close());

  it('raise → forward (with a duplicate attached) → direct → answer; the raising units read the answer', async () => {
    const raised = await raise(communeOfficer, commune);
    expect(raised.statusCode, raised.body).toBe(201);
    const o = raised.json();
    expect(o).toMatchObject({
      status: 'raised',
      ownerRole: 'dx_office',
      dueDate: '2025-06-20',
      unitName: 'Phường Nêu Kiến Nghị',
      isOverdue: false,
      actions: [],
    });
    expect(o.steps.map((s: { action: string }) => s.action)).toEqual(['raise']);
    const duplicate = (
      await raise(ownerOfficer, ownerCommune, 'Cần kinh phí in tài liệu tuyên truyền')
    ).json();

    // The DX office sees forward / merge / decline; leadership nothing yet.
    expect((await t.call(dx, { method: 'GET', url: `/api/obstacles/${o.id}` })).json().actions).toEqual([
      'forward',
      'merge',
      'decline',
    ]);
    expect((await t.call(leader, { method: 'GET', url: `/api/obstacles/${o.id}` })).json().actions).toEqual(
      [],
    );
    // Not leadership's step yet, not a unit officer's ever.
    expect((await step(leader, o.id, 'forward', { version: o.version })).statusCode).toBe(403);
    expect((await step(communeOfficer, o.id, 'forward', { version: o.version })).statusCode).toBe(403);

    const forwarded = await step(dx, o.id, 'forward', {
      version: o.version,
      note: 'Tổng hợp 2 kiến nghị cùng nội dung',
      attachIds: [duplicate.id],
    });
    expect(forwarded.statusCode, forwarded.body).toBe(200);
    expect(forwarded.json()).toMatchObject({
      status: 'forwarded',
      ownerRole: 'leadership',
      dueDate: '2025-06-25',
    });
    expect(forwarded.json().merged.map((m: { id: string }) => m.id)).toEqual([duplicate.id]);
    const dup = (await t.call(ownerOfficer, { method: 'GET', url: `/api/obstacles/${duplicate.id}` })).json();
    expect(dup).toMatchObject({ status: 'merged', mergedIntoId: o.id, ownerRole: null, dueDate: null });

    // A second forward with the version read before is stale: 409 with the record as it is now.
    const stale = await step(dx, o.id, 'forward', { version: o.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RESOURCE.VERSION_CONFLICT');
    expect(stale.json().error.details.current.status).toBe('forwarded');

    // Leadership directs: direction, owner unit, due date.
    const v = forwarded.json().version;
    const badOwner = await step(leader, o.id, 'direct', {
      version: v,
      direction: 'Giao phường xử lý',
      ownerUnitId: t.hd,
      dueDate: '2025-07-10',
    });
    expect(badOwner.statusCode).toBe(400);
    expect(badOwner.json().error.details.issues[0].path).toEqual(['body', 'ownerUnitId']);
    const directed = await step(leader, o.id, 'direct', {
      version: v,
      direction: 'Giao Phường Được Giao chủ trì in tờ rơi từ nguồn thường xuyên; báo cáo kết quả.',
      ownerUnitId: ownerCommune,
      dueDate: '2025-07-10',
    });
    expect(directed.statusCode, directed.body).toBe(200);
    expect(directed.json()).toMatchObject({
      status: 'directed',
      ownerRole: 'unit',
      ownerUnitId: ownerCommune,
      ownerUnitName: 'Phường Được Giao',
      dueDate: '2025-07-10',
    });
    const notes = await queryRows<{ unit_id: string; title: string }>(
      t.handle.db,
      sql`SELECT unit_id, title FROM notification WHERE kind = 'obstacle' ORDER BY created_at`,
    );
    expect(notes).toEqual([{ unit_id: ownerCommune, title: `Chỉ đạo xử lý: ${o.title}` }]);

    // Only the unit given the direction (and those above it, the DX office) answers.
    const dv = directed.json().version;
    expect(
      (await step(siblingOfficer, o.id, 'answer', { version: dv, answer: 'Không phải việc của tôi' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await step(communeOfficer, o.id, 'answer', { version: dv, answer: 'Tôi chỉ nêu kiến nghị' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.call(ownerOfficer, { method: 'GET', url: `/api/obstacles/${o.id}` })).json().actions,
    ).toEqual(['answer']);
    const answered = await step(ownerOfficer, o.id, 'answer', {
      version: dv,
      answer: 'Đã in và phát 5.000 tờ rơi ngày 05/07/2025.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({
      status: 'resolved',
      ownerRole: null,
      dueDate: null,
      isOverdue: false,
    });

    // The raising unit reads the direction and the answer; the duplicate's unit reads them through the merged item.
    const seen = (await t.call(communeOfficer, { method: 'GET', url: `/api/obstacles/${o.id}` })).json();
    expect(seen.direction).toMatch(/Giao Phường Được Giao/);
    expect(seen.answer).toBe('Đã in và phát 5.000 tờ rơi ngày 05/07/2025.');
    expect(seen.steps.map((s: { action: string }) => s.action)).toEqual([
      'raise',
      'forward',
      'direct',
      'answer',
    ]);
    const dupSeen = (
      await t.call(ownerOfficer, { method: 'GET', url: `/api/obstacles/${duplicate.id}` })
    ).json();
    expect(dupSeen.mergedInto).toMatchObject({ id: o.id, status: 'resolved', answer: seen.answer });
    const answerNotes = await queryRows<{ unit_id: string }>(
      t.handle.db,
      sql`SELECT unit_id FROM notification WHERE kind = 'obstacle' AND title LIKE 'Đã trả lời%' ORDER BY unit_id`,
    );
    expect(answerNotes.map((n) => n.unit_id).sort()).toEqual([commune, ownerCommune].sort());

    // Every write audited; nothing more to do for anyone.
    expect(await auditOf(o.id)).toEqual([
      'obstacle.raise',
      'obstacle.forward',
      'obstacle.direct',
      'obstacle.answer',
    ]);
    expect(await auditOf(duplicate.id)).toEqual(['obstacle.raise', 'obstacle.merge']);
    expect((await t.call(admin, { method: 'GET', url: `/api/obstacles/${o.id}` })).json().actions).toEqual(
      [],
    );
    const again = await step(dx, o.id, 'forward', { version: answered.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('WORKFLOW.INVALID_TRANSITION');
  });

  it('merge and decline: the DX office consolidates duplicates or declines with a reason the unit reads', async () => {
    const a = (await raise(communeOfficer, commune, 'Chưa có hướng dẫn tiêu chí chuyên mục')).json();
    const b = (await raise(communeOfficer, commune, 'Cần hướng dẫn tiêu chí chuyên mục')).json();
    expect((await step(dx, a.id, 'merge', { version: a.version, intoId: a.id })).statusCode).toBe(409);
    const merged = await step(dx, b.id, 'merge', { version: b.version, intoId: a.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoId: a.id, mergedIntoTitle: a.title });
    const declined = await step(dx, a.id, 'decline', {
      version: a.version,
      reason: 'Đã có Hướng dẫn số 12/HD-STTTT',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({
      status: 'declined',
      declineReason: 'Đã có Hướng dẫn số 12/HD-STTTT',
    });
    // Nothing can be merged into a declined item.
    const c = (await raise(communeOfficer, commune, 'Tiêu chí chuyên mục chưa rõ')).json();
    const refused = await step(dx, c.id, 'merge', { version: c.version, intoId: a.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('WORKFLOW.INVALID_TRANSITION');
  });

  it('overdue: open items past their due date (today in Asia/Ho_Chi_Minh), filter and badge', async () => {
    now = new Date('2025-06-10T02:00:00Z');
    const late = (await raise(communeOfficer, commune, 'Kiến nghị chờ tổng hợp quá lâu')).json();
    expect(late.dueDate).toBe('2025-06-20');
    let reader = viewer;
    const list = async (q: string) =>
      (await t.call(reader, { method: 'GET', url: `/api/obstacles?provinceId=${t.hp}${q}` })).json();
    // Sessions expire when the clock jumps: sign in again at each new "now".
    // 20/06 16:59 UTC is 20/06 23:59 in Hà Nội: due today, not late.
    now = new Date('2025-06-20T16:59:00Z');
    reader = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    expect((await list('&overdue=true')).items.map((i: { id: string }) => i.id)).not.toContain(late.id);
    // 20/06 17:00 UTC is already 21/06 in Hà Nội: late.
    now = new Date('2025-06-20T17:00:00Z');
    reader = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    const overdue = await list('&overdue=true');
    expect(overdue.today).toBe('2025-06-21');
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(late.id);
    expect(overdue.items.every((i: { isOverdue: boolean }) => i.isOverdue)).toBe(true);
    expect(overdue.overdueCount).toBe(overdue.total);
    expect(overdue.overdueCount).toBeGreaterThanOrEqual(1);
    // Filters: status, kind, unit, accent-insensitive search.
    expect(
      (await list('&status=resolved')).items.every((i: { status: string }) => i.status === 'resolved'),
    ).toBe(true);
    expect(
      (await list(`&q=${encodeURIComponent('cho tong hop qua lau')}`)).items.map((i: { id: string }) => i.id),
    ).toEqual([late.id]);
    expect((await list(`&unitId=${sibling}`)).total).toBe(0);
    // Once forwarded the clock restarts for leadership (15 days).
    const fwd = await step(await t.userWith([{ role: 'dx_office', unitId: t.hp }]), late.id, 'forward', {
      version: late.version,
    });
    expect(fwd.json()).toMatchObject({ dueDate: '2025-07-06', isOverdue: false });
    now = new Date('2025-06-10T02:00:00Z');
  });

  it('raise: only for the own unit subtree; links must belong to the unit and the province', async () => {
    expect((await raise(siblingOfficer, commune)).statusCode).toBe(403);
    expect((await raise(viewer, commune)).statusCode).toBe(403);
    // The district officer raises for a commune below it; the DX office for any unit of the province.
    expect(
      (await raise(await t.userWith([{ role: 'unit_officer', unitId: district }]), commune)).statusCode,
    ).toBe(201);
    const badLink = await t.call(communeOfficer, {
      method: 'POST',
      url: '/api/obstacles',
      payload: {
        unitId: commune,
        kind: 'obstacle',
        title: 'Liên kết sai',
        description: 'Nhiệm vụ không tồn tại trong kế hoạch',
        taskId: '00000000-0000-4000-8000-000000000000',
        reportId: '00000000-0000-4000-8000-000000000001',
      },
    });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error.details.issues.map((i: { path: string[] }) => i.path)).toEqual([
      ['body', 'taskId'],
      ['body', 'reportId'],
    ]);
    // Another province's register is not readable.
    const hdViewer = await t.userWith([{ role: 'viewer', unitId: t.hd }]);
    expect(
      (await t.call(hdViewer, { method: 'GET', url: `/api/obstacles?provinceId=${t.hp}` })).statusCode,
    ).toBe(403);
    const own = await t.call(hdViewer, { method: 'GET', url: '/api/obstacles' });
    expect(own.json().items).toEqual([]);
  });
});
