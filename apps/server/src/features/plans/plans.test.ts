import { findProvinceByCode, seedPlans, seedTargetDefinitions } from '@dx/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

type PlanBody = {
  id: string;
  version: number;
  document: Record<string, unknown> & {
    number: string | null;
    targets: {
      id: string;
      letter: string;
      text: string;
      goal: Record<string, unknown>;
      subject: Record<string, unknown>;
    }[];
    themes: {
      id: string;
      label: string;
      title: string;
      bullets: string[];
      children: { id: string; label: string; title: string; bullets: string[] }[];
    }[];
    responsibilities: {
      heading: string;
      unitRefs: { type: string }[];
      items: { unitRefs: { type: string; unitGroupCode?: string }[] }[];
    }[];
  };
  legalBasisLinks: (string | null)[];
  targetIndex: { id: string; code: string }[];
  themeIndex: { id: string; code: string; parentId: string | null }[];
};

describe('plans API (plan 54/KH-UBND as structured data)', () => {
  let t: TestApp;
  let dx: Session;
  let viewer: Session;
  let outsider: Session;
  let plan54: PlanBody;

  beforeAll(async () => {
    t = await createTestApp();
    expect(await seedPlans(t.handle.db)).toEqual(expect.any(String));
    dx = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    viewer = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    outsider = await t.userWith([{ role: 'dx_office', unitId: t.hd }]);
    const list = await t.call(viewer, { method: 'GET', url: `/api/plans?provinceId=${t.hp}` });
    expect(list.statusCode).toBe(200);
    const id = list.json().items.find((p: { number: string }) => p.number === '54/KH-UBND').id;
    plan54 = (await t.call(viewer, { method: 'GET', url: `/api/plans/${id}` })).json();
  });
  afterAll(async () => t?.close());

  it('seeds once: a second run does nothing', async () => {
    expect(await seedPlans(t.handle.db)).toBeNull();
    expect(await findProvinceByCode(t.handle.db, '31')).toBe(t.hp);
  });

  it('holds the six targets with structured goals and subjects, and the themes as rows with codes', () => {
    expect(plan54.document.number).toBe('54/KH-UBND');
    expect(plan54.targetIndex.map((x) => x.code)).toEqual([
      'I.2.a',
      'I.2.b',
      'I.2.c',
      'I.2.d',
      'I.2.đ',
      'I.2.e',
    ]);
    expect(plan54.document.targets[4]!.goal).toEqual({
      comparator: 'between',
      value: 1,
      max: 2,
      unit: 'count',
    });
    expect(plan54.document.targets[5]!.subject).toEqual({ type: 'unit_group', unitGroupCode: 'all-schools' });
    expect(plan54.themeIndex).toHaveLength(14);
    expect(plan54.themeIndex.filter((x) => x.parentId).map((x) => x.code)).toEqual([
      'II.4.a',
      'II.4.b',
      'II.4.c',
      'II.4.d',
      'II.4.đ',
      'II.4.e',
      'II.4.g',
      'II.4.h',
    ]);
    // V: Sở TT&TT and Sở Tài chính link to their units; V.3 a/b to unit groups.
    expect(plan54.document.responsibilities.map((r) => r.unitRefs[0]?.type)).toEqual([
      'unit',
      'unit',
      'unit_group',
    ]);
    expect(plan54.document.responsibilities[2]!.items[1]!.unitRefs.map((u) => u.unitGroupCode)).toEqual([
      'all-districts',
      'all-communes',
    ]);
  });

  it('lets users of another province neither list nor read it', async () => {
    expect((await t.call(outsider, { method: 'GET', url: `/api/plans/${plan54.id}` })).statusCode).toBe(403);
    const list = await t.call(outsider, { method: 'GET', url: '/api/plans' });
    expect(list.json().items).toEqual([]);
    expect((await t.call(null, { method: 'GET', url: `/api/plans/${plan54.id}` })).statusCode).toBe(401);
  });

  it('refuses edits from a viewer', async () => {
    const res = await t.call(viewer, {
      method: 'PATCH',
      url: `/api/plans/${plan54.id}`,
      payload: { version: plan54.version, title: 'x y z' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('links a legal basis to the plan it cites once that plan exists (29/KH-UBND of 2022)', async () => {
    expect(plan54.legalBasisLinks).toEqual([null, null, null, null]);
    const parent = await t.call(dx, {
      method: 'POST',
      url: '/api/plans',
      payload: {
        provinceId: t.hp,
        year: 2022,
        number: '29/KH-UBND',
        date: '2022-02-09',
        title: 'Truyền thông về chuyển đổi số trên địa bàn thành phố Hải Phòng giai đoạn 2022-2025',
      },
    });
    expect(parent.statusCode).toBe(201);
    expect(parent.json().document.issuerName).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG');
    const again = (await t.call(viewer, { method: 'GET', url: `/api/plans/${plan54.id}` })).json();
    expect(again.legalBasisLinks[2]).toBe(parent.json().id);
  });

  it('copies 2023 into a 2024 draft with new target and theme ids', async () => {
    await seedTargetDefinitions(t.handle.db);
    const res = await t.call(dx, {
      method: 'POST',
      url: '/api/plans',
      payload: { provinceId: t.hp, year: 2024, copyFromPlanId: plan54.id },
    });
    expect(res.statusCode).toBe(201);
    const copy: PlanBody = res.json();
    expect(copy.document).toMatchObject({ number: null, date: null, year: 2024 });
    expect(copy.document.title).toMatch(/năm 2024$/);
    expect(copy.targetIndex).toHaveLength(6);
    expect(copy.targetIndex.map((x) => x.id)).not.toContain(plan54.targetIndex[0]!.id);
    const history = (await t.call(dx, { method: 'GET', url: `/api/plans/${copy.id}/revisions` })).json()
      .items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['copy']);
    // Issue 11: the copy computes its targets as the source does (none left "not_defined").
    const evaluation = (
      await t.call(dx, { method: 'GET', url: `/api/plans/${copy.id}/targets/evaluation?asOf=2024-06-30` })
    ).json();
    expect(evaluation.targets.map((x: { status: string }) => x.status)).not.toContain('not_defined');
    expect(evaluation.targets).toHaveLength(6);
  });

  it('edits targets and themes keeping their ids, records history, and refuses a stale version with the current plan', async () => {
    const fresh: PlanBody = (
      await t.call(dx, {
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: t.hp, year: 2025, copyFromPlanId: plan54.id },
      })
    ).json();
    const targets = fresh.document.targets.map((x) =>
      x.letter === 'e' ? { ...x, goal: { comparator: 'gte', value: 60, unit: 'percent' } } : x,
    );
    const themes = fresh.document.themes.map((th) =>
      th.label === '6' ? { ...th, title: 'Hướng dẫn tuyên truyền trên Zalo và mạng xã hội.' } : th,
    );
    const res = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${fresh.id}`,
      payload: { version: fresh.version, targets, themes },
    });
    expect(res.statusCode).toBe(200);
    const saved: PlanBody = res.json();
    expect(saved.version).toBe(fresh.version + 1);
    expect(saved.document.targets[5]!.goal).toEqual({ comparator: 'gte', value: 60, unit: 'percent' });
    expect(saved.targetIndex.map((x) => x.id)).toEqual(fresh.targetIndex.map((x) => x.id));
    expect(saved.themeIndex.map((x) => x.id)).toEqual(fresh.themeIndex.map((x) => x.id));

    const stale = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${fresh.id}`,
      payload: { version: fresh.version, title: 'Một tên khác' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RESOURCE.VERSION_CONFLICT');
    expect(stale.json().error.details.current.version).toBe(saved.version);

    const history = (await t.call(viewer, { method: 'GET', url: `/api/plans/${fresh.id}/revisions` })).json()
      .items;
    expect(history.map((h: { action: string; parts: string[] }) => [h.action, h.parts])).toEqual([
      ['update', ['targets', 'themes']],
      ['copy', []],
    ]);
    const detail = (
      await t.call(viewer, { method: 'GET', url: `/api/plans/${fresh.id}/revisions/${history[0].id}` })
    ).json();
    expect(detail.before.targets[5].goal.value).toBe(50);
    expect(detail.after.targets[5].goal.value).toBe(60);
  });

  it('saves one part without touching the others (kind, period, parts, purposes); a theme nested keeps its id (issue 17)', async () => {
    const fresh: PlanBody = (
      await t.call(dx, {
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: t.hp, year: 2026, copyFromPlanId: plan54.id },
      })
    ).json();
    const shaped = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${fresh.id}`,
      payload: {
        version: fresh.version,
        kind: 'CTr',
        yearTo: 2028,
        parentIssuerName: 'UBND THÀNH PHỐ',
        parts: ['aims', 'objectives', 'themes', 'funding', 'organisation'],
        purposes: ['Nâng cao nhận thức về chuyển đổi số.'],
        legalBases: [{ citation: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015' }],
      },
    });
    expect(shaped.statusCode).toBe(200);
    const recipients = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${fresh.id}`,
      payload: { version: shaped.json().version, recipients: ['Lưu: VT.'] },
    });
    expect(recipients.statusCode).toBe(200);
    expect(recipients.json().document).toMatchObject({
      kind: 'CTr',
      yearTo: 2028,
      parentIssuerName: 'UBND THÀNH PHỐ',
      parts: ['aims', 'objectives', 'themes', 'funding', 'organisation'],
      purposes: ['Nâng cao nhận thức về chuyển đổi số.'],
      legalBases: [
        {
          kind: '',
          number: '',
          title: '',
          citation: 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015',
        },
      ],
      recipients: ['Lưu: VT.'],
    });

    // Theme 6 moved into theme 5 as its a): same row, now II.5.a under theme 5.
    const themes = recipients.json().document.themes as PlanBody['document']['themes'];
    const [five, six] = [themes[4]!, themes[5]!];
    const nested = [
      ...themes.slice(0, 4),
      { ...five, children: [{ id: six.id, label: 'a', title: six.title, bullets: six.bullets }] },
    ];
    const res = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${fresh.id}`,
      payload: { version: recipients.json().version, themes: nested },
    });
    expect(res.statusCode).toBe(200);
    const moved = (res.json() as PlanBody).themeIndex.find((x) => x.id === six.id);
    expect(moved).toMatchObject({ code: 'II.5.a', parentId: five.id });
  });

  it("saves the plan's reporting schedule as data, copied with the plan; refuses a day the month lacks (issue 19)", async () => {
    const fresh: PlanBody = (
      await t.call(dx, {
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: t.hp, year: 2027, copyFromPlanId: plan54.id },
      })
    ).json();
    // The copy keeps plan 54's schedule (6 tháng by 15/6, the year by 15/12).
    expect((fresh.document.reportingSchedule as { due: string }[]).map((d) => d.due)).toEqual([
      '06-15',
      '12-15',
      '12-15',
    ]);
    const schedule = [
      { kind: 'quarter', n: 4, due: '01-10' },
      { kind: 'year', n: 1, due: '12-20' },
    ];
    const saved = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${fresh.id}`,
      payload: { version: fresh.version, reportingSchedule: schedule },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().document.reportingSchedule).toEqual(schedule);
    const bad = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${fresh.id}`,
      payload: {
        version: saved.json().version,
        reportingSchedule: [{ kind: 'half_year', n: 1, due: '06-31' }],
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
    expect(paths).toContain('body.reportingSchedule.0.due');
  });

  it('copies plan 54 into another province: units re-mapped by kind and name, the rest listed to choose (issue 17)', async () => {
    const both = await t.userWith([
      { role: 'dx_office', unitId: t.hp },
      { role: 'dx_office', unitId: t.hd },
    ]);
    const mapping = await t.call(both, {
      method: 'POST',
      url: '/api/plans/copy-mapping',
      payload: { copyFromPlanId: plan54.id, provinceId: t.hd, year: 2024 },
    });
    expect(mapping.statusCode).toBe(200);
    const m = mapping.json() as {
      units: {
        unitId: string;
        kind: string;
        suggestion: { unitId: string } | null;
        candidates: { unitId: string; kind: string }[];
      }[];
      groups: { code: string; exists: boolean }[];
      targetGroups: { code: string }[];
    };
    for (const u of m.units) for (const c of u.candidates) expect(c.kind).toBe(u.kind);
    const unsure = m.units.filter((u) => !u.suggestion);
    const missing = m.groups.filter((g) => !g.exists);
    if (unsure.length || missing.length) {
      // Without choices, the copy is refused and each unmapped unit and group is named on its own path.
      const refused = await t.call(both, {
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: t.hd, year: 2024, copyFromPlanId: plan54.id },
      });
      expect(refused.statusCode).toBe(400);
      const paths = refused.json().error.details.issues.map((i: { path: string[] }) => i.path.join('.'));
      for (const u of unsure) expect(paths).toContain(`body.unitMap.${u.unitId}`);
      for (const g of missing) expect(paths).toContain(`body.groupMap.${g.code}`);
    }
    const fallback = m.targetGroups[0]?.code ?? null;
    const res = await t.call(both, {
      method: 'POST',
      url: '/api/plans',
      payload: {
        provinceId: t.hd,
        year: 2024,
        copyFromPlanId: plan54.id,
        unitMap: Object.fromEntries(unsure.map((u) => [u.unitId, u.candidates[0]?.unitId ?? null])),
        groupMap: Object.fromEntries(missing.map((g) => [g.code, fallback])),
      },
    });
    expect(res.statusCode).toBe(201);
    const copy: PlanBody = res.json();
    expect(copy.document.issuerName).toMatch(/HẢI DƯƠNG$/);
    expect(copy.document.place).toBe('Hải Dương');
    expect(JSON.stringify(copy.document)).not.toContain('Hải Phòng');
    expect(copy.targetIndex).toHaveLength(6);
    const suggested = new Map(m.units.map((u) => [u.unitId, u.suggestion?.unitId]));
    const refs = copy.document.responsibilities.flatMap(
      (r) => r.unitRefs as { type: string; unitId?: string }[],
    );
    for (const r of refs) if (r.type === 'unit') expect(suggested.has(r.unitId!)).toBe(false);
  });

  it('refuses a duplicate number for the same issuer and year with a field error', async () => {
    const draft: PlanBody = (
      await t.call(dx, {
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: t.hp, year: 2023, title: 'Bản nháp thử' },
      })
    ).json();
    const res = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${draft.id}`,
      payload: { version: draft.version, number: '54/KH-UBND', date: '2023-05-01' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PLAN.DUPLICATE_NUMBER');
    expect(res.json().error.details.issues[0].path).toEqual(['body', 'number']);
    // The same number in another year is another document.
    const ok = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${draft.id}`,
      payload: { version: draft.version, number: '54/KH-UBND', date: '2024-03-01' },
    });
    expect(ok.statusCode).toBe(200);
    const malformed = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${draft.id}`,
      payload: { version: 2, number: '54-KH-UBND' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details.issues[0].path).toEqual(['body', 'number']);
  });

  it('refuses a target without a goal and a theme letter out of sequence, naming the field', async () => {
    const { targets, themes } = plan54.document;
    const noGoal = targets.map(({ goal: _goal, ...x }, i) => (i === 0 ? x : { ...x, goal: _goal }));
    const res = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${plan54.id}`,
      payload: { version: plan54.version, targets: noGoal },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toContainEqual(
      expect.objectContaining({
        path: ['body', 'targets', 0, 'goal'],
        message: expect.stringMatching(/mục tiêu định lượng/),
      }),
    );

    const badLetter = themes.map((th) =>
      th.label === '4'
        ? { ...th, children: th.children.map((c) => (c.label === 'g' ? { ...c, label: 'f' } : c)) }
        : th,
    );
    const res2 = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${plan54.id}`,
      payload: { version: plan54.version, themes: badLetter },
    });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.details.issues).toEqual([
      expect.objectContaining({
        path: ['body', 'themes', 3, 'children', 6, 'label'],
        message: expect.stringMatching(/không có f/),
      }),
    ]);

    const unknownGroup = targets.map((x, i) =>
      i === 0 ? { ...x, subject: { type: 'unit_group', unitGroupCode: 'no-such-group' } } : x,
    );
    const res3 = await t.call(dx, {
      method: 'PATCH',
      url: `/api/plans/${plan54.id}`,
      payload: { version: plan54.version, targets: unknownGroup },
    });
    expect(res3.statusCode).toBe(400);
    expect(res3.json().error.details.issues[0].path).toEqual([
      'body',
      'targets',
      0,
      'subject',
      'unitGroupCode',
    ]);
    // Nothing was saved.
    expect((await t.call(viewer, { method: 'GET', url: `/api/plans/${plan54.id}` })).json().version).toBe(
      plan54.version,
    );
  });

  it('downloads the plan as DOCX and PDF', async () => {
    const docx = await t.call(viewer, { method: 'GET', url: `/api/plans/${plan54.id}/export.docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain('Ke-hoach-54-KH-UBND-2023.docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await t.call(viewer, { method: 'GET', url: `/api/plans/${plan54.id}/export.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await t.call(outsider, { method: 'GET', url: `/api/plans/${plan54.id}/export.pdf` })).statusCode,
    ).toBe(403);
  });
});
