import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Db } from '../client';
import type { PlanBody } from '../plan-schema';
import {
  channel,
  dxModel,
  event,
  orgUnit,
  orgUnitVersion,
  person,
  plan,
  planTheme,
  publication,
  publicationModel,
  publicationTheme,
  task,
  taskAssignment,
  training,
  trainingAttendance,
  unitGroup,
  unitGroupMember,
  unitReport,
} from '../schema';
import { createTestDatabase } from '../testing';
import {
  insertReportPeriod,
  listPeriodReports,
  listReportObligations,
  periodCounts,
  replacePeriodUnits,
  resolveRequiredUnits,
  unitRecordFigures,
  unitsInForce,
} from './reports';

/*
 * Hand-made units: district D1 with communes C1 and C2 that merge into C3 on 01/07/2023, district D2 with commune C4
 * and a school S1 under C4. Answers are worked out in the comments.
 */
let handle: DatabaseHandle;
let db: Db;
const id = () => crypto.randomUUID();
const P = id();
const OTHER = id();
const u = { D1: id(), D2: id(), C1: id(), C2: id(), C3: id(), C4: id(), S1: id() };
const PLAN = id();
const THEME = { a: id(), b: id() };
let districts: string;
let custom: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const versions = [
    { unitId: P, name: 'Thành phố Thử', kind: 'province', parentUnitId: null },
    { unitId: OTHER, name: 'Tỉnh Khác', kind: 'province', parentUnitId: null },
    { unitId: u.D1, name: 'Quận Một', kind: 'district', parentUnitId: P },
    { unitId: u.D2, name: 'Huyện Hai', kind: 'district', parentUnitId: P },
    { unitId: u.C1, name: 'Phường Một A', kind: 'commune', parentUnitId: u.D1, validTo: '2023-07-01' },
    { unitId: u.C2, name: 'Phường Một B', kind: 'commune', parentUnitId: u.D1, validTo: '2023-07-01' },
    { unitId: u.C3, name: 'Phường Một Mới', kind: 'commune', parentUnitId: u.D1, validFrom: '2023-07-01' },
    { unitId: u.C4, name: 'Xã Hai A', kind: 'commune', parentUnitId: u.D2 },
    { unitId: u.S1, name: 'Trường THCS Hai A', kind: 'school', parentUnitId: u.C4 },
  ];
  await db
    .insert(orgUnit)
    .values(versions.map((v) => ({ id: v.unitId, provinceId: v.unitId === OTHER ? OTHER : P })));
  await db.insert(orgUnitVersion).values(
    versions.map((v) => ({
      unitId: v.unitId,
      name: v.name,
      kind: v.kind,
      parentUnitId: v.parentUnitId,
      validFrom: 'validFrom' in v ? (v.validFrom as string) : null,
      validTo: 'validTo' in v ? (v.validTo as string) : null,
    })),
  );
  districts = (
    await db
      .insert(unitGroup)
      .values({ provinceId: P, code: 'districts', name: 'Các quận, huyện', rule: { kinds: ['district'] } })
      .returning({ id: unitGroup.id })
  )[0]!.id;
  custom = (
    await db
      .insert(unitGroup)
      .values({ provinceId: P, code: 'custom', name: 'Nhóm chọn tay', rule: null })
      .returning({ id: unitGroup.id })
  )[0]!.id;
  await db.insert(unitGroupMember).values([
    { groupId: custom, unitId: u.C1 },
    { groupId: custom, unitId: u.D1 },
  ]);
  await db.insert(plan).values({
    id: PLAN,
    provinceId: P,
    issuerName: 'UBND thành phố',
    place: 'Thử',
    year: 2023,
    title: 'Kế hoạch thử',
    signerPosition: 'Chủ tịch',
    body: {} as PlanBody,
  });
  await db.insert(planTheme).values([
    {
      id: THEME.a,
      planId: PLAN,
      provinceId: P,
      code: 'II.1',
      label: 'Nội dung một',
      position: 1,
      title: 'Một',
    },
    {
      id: THEME.b,
      planId: PLAN,
      provinceId: P,
      code: 'II.2',
      label: 'Nội dung hai',
      position: 2,
      title: 'Hai',
    },
  ]);

  // Records: C1 publishes in Q1 (2 themes on one, 1 on another, one non-DX), C3 in Q3, C4 in Q1; S1 (below C4)
  // holds an event in Q1 and one in Q2; a person of C4 trained twice in Q1; a model of C4 featured in Q1.
  const ch1 = id();
  const ch3 = id();
  const ch4 = id();
  await db.insert(channel).values([
    { id: ch1, provinceId: P, ownerUnitId: u.C1, kind: 'portal', name: 'Trang Một A' },
    { id: ch3, provinceId: P, ownerUnitId: u.C3, kind: 'portal', name: 'Trang Một Mới' },
    { id: ch4, provinceId: P, ownerUnitId: u.C4, kind: 'commune_loudspeaker', name: 'Loa Hai A' },
  ]);
  const pub = (channelId: string, unitId: string, publishedOn: string, isDx = true) => ({
    id: id(),
    provinceId: P,
    channelId,
    unitId,
    title: `Tin ${publishedOn}`,
    publishedOn,
    format: 'article',
    isDx,
  });
  const p1 = pub(ch1, u.C1, '2023-02-01');
  const p2 = pub(ch1, u.C1, '2023-03-31');
  const p3 = pub(ch1, u.C1, '2023-03-01', false);
  const p4 = pub(ch3, u.C3, '2023-08-01');
  const p5 = pub(ch4, u.C4, '2023-01-01');
  const p6 = pub(ch4, u.C4, '2022-12-31'); // the day before Q1: outside
  await db.insert(publication).values([p1, p2, p3, p4, p5, p6]);
  await db.insert(publicationTheme).values([
    { publicationId: p1.id, themeId: THEME.a },
    { publicationId: p1.id, themeId: THEME.b },
    { publicationId: p2.id, themeId: THEME.a },
  ]);
  const person1 = id();
  await db
    .insert(person)
    .values({ id: person1, provinceId: P, unitId: u.C4, fullName: 'Lê Văn Một', role: 'grassroots_officer' });
  const t1 = id();
  const t2 = id();
  await db.insert(training).values([
    { id: t1, provinceId: P, organiserUnitId: u.D2, title: 'Tập huấn 1', heldOn: '2023-02-01' },
    { id: t2, provinceId: P, organiserUnitId: u.D2, title: 'Tập huấn 2', heldOn: '2023-03-01' },
  ]);
  await db.insert(trainingAttendance).values([
    { trainingId: t1, personId: person1, provinceId: P },
    { trainingId: t2, personId: person1, provinceId: P },
  ]);
  await db.insert(event).values([
    {
      provinceId: P,
      organiserUnitId: u.S1,
      kind: 'extracurricular',
      level: 'unit',
      title: 'Ngoại khoá',
      heldOn: '2023-03-10',
      participants: 200,
    },
    {
      provinceId: P,
      organiserUnitId: u.S1,
      kind: 'extracurricular',
      level: 'unit',
      title: 'Ngoại khoá 2',
      heldOn: '2023-04-10',
      participants: 50,
    },
  ]);
  const m = id();
  await db.insert(dxModel).values({
    id: m,
    provinceId: P,
    unitId: u.C4,
    kind: 'model',
    name: 'Chợ số',
    recognisedBy: 'UBND huyện',
    recognisedOn: '2023-05-01',
  });
  await db.insert(publicationModel).values({ publicationId: p5.id, modelId: m });
  const [tk] = await db
    .insert(task)
    .values({
      planId: PLAN,
      provinceId: P,
      position: 1,
      title: 'Nhiệm vụ quý I',
      leadText: 'Xã Hai A',
      timeFrameText: 'Quý I',
      timeFrameKind: 'deadline',
      dueDate: '2023-03-31',
      periodFrom: '2023-01-01',
    })
    .returning();
  const [later] = await db
    .insert(task)
    .values({
      planId: PLAN,
      provinceId: P,
      position: 2,
      title: 'Nhiệm vụ quý IV',
      leadText: 'Xã Hai A',
      timeFrameText: 'Quý IV',
      timeFrameKind: 'period',
      periodFrom: '2023-10-01',
      dueDate: '2023-12-31',
    })
    .returning();
  await db.insert(taskAssignment).values([
    { taskId: tk!.id, provinceId: P, unitId: u.C4, role: 'lead', status: 'done' },
    { taskId: later!.id, provinceId: P, unitId: u.C4, role: 'lead', status: 'not_started' },
  ]);
});
afterAll(async () => handle?.close());

describe('resolveRequiredUnits', () => {
  it('resolves groups as of the period end and keeps each unit once (explicit wins over a group)', async () => {
    const q1 = await resolveRequiredUnits(db, {
      provinceId: P,
      groupIds: [districts, custom],
      unitIds: [u.D1],
      asOf: '2023-03-31',
    });
    expect(new Map(q1.map((r) => [r.unitId, r.viaGroupId]))).toEqual(
      new Map([
        [u.D1, null],
        [u.D2, districts],
        [u.C1, custom],
      ]),
    );
    // On 30/09 C1 has merged away: an explicit member no longer in force is not required.
    const q3 = await resolveRequiredUnits(db, {
      provinceId: P,
      groupIds: [custom],
      unitIds: [],
      asOf: '2023-09-30',
    });
    expect(q3.map((r) => r.unitId)).toEqual([u.D1]);
  });
  it('a group of another province resolves to nobody', async () => {
    expect(
      await resolveRequiredUnits(db, {
        provinceId: OTHER,
        groupIds: [districts],
        unitIds: [],
        asOf: '2023-03-31',
      }),
    ).toEqual([]);
  });
  it('unitsInForce refuses other provinces and units not in force', async () => {
    expect(await unitsInForce(db, P, [u.C1, u.C3, OTHER], '2023-03-31')).toEqual(new Set([u.C1]));
    expect(await unitsInForce(db, P, [u.C1, u.C3], '2023-09-30')).toEqual(new Set([u.C3]));
  });
});

describe('unitRecordFigures', () => {
  const figures = (unitId: string, from: string, to: string) =>
    unitRecordFigures(db, { planId: PLAN, unitId, from, to, today: '2023-04-15' });

  it('counts a district’s subtree within the period: themes, channels, non-DX publications apart', async () => {
    const f = await figures(u.D1, '2023-01-01', '2023-03-31');
    // D1, C1, C2 (C3 starts later).
    expect(f.unitCount).toBe(3);
    expect(f.publications).toEqual({
      total: 3,
      dx: 2,
      byTheme: [
        { themeId: THEME.a, code: 'II.1', name: 'Một', count: 2 },
        { themeId: THEME.b, code: 'II.2', name: 'Hai', count: 1 },
      ],
      byChannel: [{ channelId: expect.any(String), name: 'Trang Một A', kind: 'portal', count: 3 }],
    });
  });
  it('a year report keeps a commune merged mid-year (its records up to the merger) and its successor', async () => {
    const f = await figures(u.D1, '2023-01-01', '2023-12-31');
    expect(f.unitCount).toBe(4);
    expect(f.publications.total).toBe(4);
  });
  it('counts people trained once however many trainings, events of units below, models featured in the period', async () => {
    const f = await figures(u.D2, '2023-01-01', '2023-03-31');
    expect(f.unitCount).toBe(3); // D2, C4, S1
    expect(f.publications.total).toBe(1); // 31/12/2022 is outside
    // One person ("người"), trained twice ("lượt").
    expect(f.trainings).toEqual({ count: 2, peopleTrained: 1, attendances: 2 });
    expect(f.events).toEqual({
      total: 1,
      participants: 200,
      dx: 1,
      dxParticipants: 200,
      byKind: [{ kind: 'extracurricular', count: 1 }],
    });
    // Recognised models only: the model featured in Q1 was recognised only in May.
    expect(f.models).toEqual({ total: 0, recognisedInPeriod: 0, featuredInPeriod: 0 });
  });
  it('task parts: the unit’s own, of the plan, begun by the period end; overdue judged on today', async () => {
    const q1 = await figures(u.C4, '2023-01-01', '2023-03-31');
    expect(q1.tasks).toMatchObject({ total: 1, done: 1, overdue: 0 });
    const year = await figures(u.C4, '2023-01-01', '2023-12-31');
    expect(year.tasks).toMatchObject({ total: 2, done: 1, notStarted: 1 });
    expect(year.tasks.items.map((t) => t.title)).toEqual(['Nhiệm vụ quý I', 'Nhiệm vụ quý IV']);
    // A district has no part of its own: the communes' parts are theirs.
    expect((await figures(u.D2, '2023-01-01', '2023-12-31')).tasks.total).toBe(0);
  });
  it('a unit with no records has zeros and empty lists, never nulls', async () => {
    const f = await figures(u.C2, '2023-07-01', '2023-09-30');
    expect(f).toMatchObject({
      unitCount: 1,
      publications: { total: 0, dx: 0, byTheme: [], byChannel: [] },
      events: { total: 0, participants: 0, byKind: [] },
      tasks: { total: 0, items: [] },
    });
  });
});

describe('periods, reports and obligations', () => {
  it('lists required units with their reports, counts by status, and a unit’s obligations', async () => {
    const period = await insertReportPeriod(db, {
      planId: PLAN,
      provinceId: P,
      kind: 'quarter',
      label: 'Quý I/2023',
      periodFrom: '2023-01-01',
      periodTo: '2023-03-31',
      dueDate: '2023-04-10',
    });
    await replacePeriodUnits(db, period.id, P, [
      { unitId: u.D1, viaGroupId: districts },
      { unitId: u.D2, viaGroupId: districts },
    ]);
    await db.insert(unitReport).values([
      { periodId: period.id, provinceId: P, unitId: u.D1, status: 'accepted' },
      // A report of a unit no longer required stays visible (not applicable).
      { periodId: period.id, provinceId: P, unitId: u.C4, status: 'draft' },
    ]);
    const rows = await listPeriodReports(db, period.id, period.periodTo);
    expect(rows.map((r) => [r.unitName, r.isRequired, r.report?.status ?? null])).toEqual([
      ['Xã Hai A', false, 'draft'],
      ['Huyện Hai', true, null],
      ['Quận Một', true, 'accepted'],
    ]);
    expect((await periodCounts(db, [period.id])).get(period.id)).toEqual({
      required: 2,
      submitted: 0,
      accepted: 1,
      returned: 0,
    });
    const mine = await listReportObligations(db, [u.D1, u.C4]);
    expect(mine.map((m) => [m.unitName, m.report?.status])).toEqual([['Quận Một', 'accepted']]);
  });
});
