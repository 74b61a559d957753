import {
  evaluationDates,
  PLAN_54_TARGET_DEFINITIONS,
  rate,
  targetDefinition,
  trendCheckpoints,
} from '@dx/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Db } from '../client';
import {
  channel,
  dxModel,
  event,
  orgUnit,
  orgUnitSuccession,
  orgUnitVersion,
  person,
  publication,
  publicationModel,
  training,
  trainingAttendance,
  unitGroup,
  unitGroupMember,
  unitPlan,
} from '../schema';
import { createTestDatabase } from '../testing';
import { evaluateTargetFacts, evaluateTargetTotals, listTargetSubjects, type TargetFacts } from './targets';

/*
 * Hand-made Hải Phòng-like data whose answers are worked out by hand in the comments below, including the edge
 * cases of the issue: a commune merged mid-year, a channel without a DX section, a person trained twice, a model
 * featured only on social media, a school whose activity falls outside the period.
 */

let handle: DatabaseHandle;
let db: Db;
const id = () => crypto.randomUUID();
const P = id();
const u = {
  D1: id(),
  D2: id(),
  C1: id(),
  C2: id(),
  C3: id(),
  C4: id(),
  DEP: id(),
  MO: id(),
  PA: id(),
  S1: id(),
  S2: id(),
  S3: id(),
};
const ch = { paper: id(), portal: id(), radio: id(), late: id(), fb: id(), loud: id() };
const pe = { trainedTwice: id(), wrongTag: id(), lastYear: id(), left: id(), c3: id() };
const mo = { mass: id(), socialOnly: id(), unrecognised: id() };

async function units(db: Db) {
  type V = {
    unitId: string;
    name: string;
    kind: string;
    parentUnitId: string | null;
    validFrom?: string;
    validTo?: string;
  };
  const versions: V[] = [
    { unitId: P, name: 'Thành phố Thử Nghiệm', kind: 'province', parentUnitId: null },
    { unitId: u.D1, name: 'Quận Một', kind: 'district', parentUnitId: P },
    { unitId: u.D2, name: 'Huyện Hai', kind: 'district', parentUnitId: P },
    // C1 and C2 merge into C3 on 01/07/2023 (Plan 54 I.2.a: a unit that merged mid-year).
    { unitId: u.C1, name: 'Phường Một A', kind: 'commune', parentUnitId: u.D1, validTo: '2023-07-01' },
    { unitId: u.C2, name: 'Phường Một B', kind: 'commune', parentUnitId: u.D1, validTo: '2023-07-01' },
    { unitId: u.C3, name: 'Phường Một Mới', kind: 'commune', parentUnitId: u.D1, validFrom: '2023-07-01' },
    { unitId: u.C4, name: 'Xã Hai A', kind: 'commune', parentUnitId: u.D2 },
    { unitId: u.DEP, name: 'Sở Thông tin và Truyền thông', kind: 'department', parentUnitId: P },
    { unitId: u.MO, name: 'Hội Liên hiệp Phụ nữ', kind: 'mass_organisation', parentUnitId: P },
    { unitId: u.PA, name: 'Báo Thử Nghiệm', kind: 'press_agency', parentUnitId: P },
    { unitId: u.S1, name: 'Trường THCS Hai A', kind: 'school', parentUnitId: u.C4 },
    { unitId: u.S2, name: 'Trường Tiểu học Một', kind: 'school', parentUnitId: u.C3 },
    { unitId: u.S3, name: 'Trường THPT Hai', kind: 'school', parentUnitId: u.D2 },
  ];
  await db.insert(orgUnit).values(versions.map((v) => ({ id: v.unitId, provinceId: P })));
  await db
    .insert(orgUnitVersion)
    .values(versions.map((v) => ({ ...v, validFrom: v.validFrom ?? null, validTo: v.validTo ?? null })));
  await db.insert(orgUnitSuccession).values([
    { predecessorUnitId: u.C1, successorUnitId: u.C3, effectiveDate: '2023-07-01' },
    { predecessorUnitId: u.C2, successorUnitId: u.C3, effectiveDate: '2023-07-01' },
  ]);
}

async function records(db: Db) {
  const plan = (unitId: string, year: number, status: string, kind = 'communication_plan') => ({
    provinceId: P,
    unitId,
    year,
    kind,
    status,
    documentNumber: `${year}/KH`,
    documentDate: `${year}-02-01`,
  });
  await db.insert(unitPlan).values([
    plan(u.C1, 2023, 'accepted'), // inherited by C3 after the merger
    plan(u.DEP, 2023, 'accepted', 'dx_plan'),
    plan(u.D1, 2023, 'submitted'),
    plan(u.D2, 2023, 'returned'),
    plan(u.MO, 2022, 'accepted'), // another year
    plan(u.C4, 2023, 'accepted', 'work_programme'),
  ]);
  const c = (
    cid: string,
    ownerUnitId: string,
    kind: string,
    hasDxSection: boolean,
    dxSectionSince: string | null = null,
  ) => ({
    id: cid,
    provinceId: P,
    ownerUnitId,
    kind,
    name: `Kênh ${kind}`,
    hasDxSection,
    dxSectionSince,
  });
  await db.insert(channel).values([
    c(ch.paper, u.PA, 'newspaper', true),
    c(ch.portal, u.DEP, 'portal', true),
    c(ch.radio, u.D1, 'district_radio', false), // no DX section: behind whatever it publishes
    c(ch.late, u.D2, 'portal', true, '2023-08-15'), // section opened in Q3: Q1, Q2 not due
    c(ch.fb, u.DEP, 'facebook', true),
    c(ch.loud, u.C4, 'commune_loudspeaker', false),
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
  const pubs = [
    ...['2023-02-01', '2023-05-01', '2023-08-01', '2023-11-01'].map((d) => pub(ch.paper, u.PA, d)),
    ...['2023-02-01', '2023-05-01', '2023-11-01'].map((d) => pub(ch.portal, u.DEP, d)), // Q3 missing
    ...['2023-02-01', '2023-05-01', '2023-08-01', '2023-11-01'].map((d) => pub(ch.radio, u.D1, d)),
    pub(ch.late, u.D2, '2023-09-01'),
    pub(ch.late, u.D2, '2023-12-01'),
    pub(ch.late, u.D2, '2023-10-05', false),
  ];
  const featureMass = pub(ch.paper, u.PA, '2023-06-01');
  const featureSocial = pub(ch.fb, u.DEP, '2023-06-02');
  await db.insert(publication).values([...pubs, featureMass, featureSocial]);

  const p = (pid: string, unitId: string, role: string, leftOn: string | null = null) => ({
    id: pid,
    provinceId: P,
    unitId,
    fullName: `Người ${pid.slice(0, 4)}`,
    role,
    leftOn,
  });
  await db
    .insert(person)
    .values([
      p(pe.trainedTwice, u.PA, 'reporter'),
      p(pe.wrongTag, u.PA, 'editor'),
      p(pe.lastYear, u.C4, 'grassroots_officer'),
      p(pe.left, u.PA, 'reporter', '2023-06-01'),
      p(pe.c3, u.C3, 'grassroots_officer'),
    ]);
  const t = (heldOn: string, tags: string[]) => ({
    id: id(),
    provinceId: P,
    organiserUnitId: u.DEP,
    title: 'Tập huấn',
    heldOn,
    tags,
  });
  const [t1, t2, t3, t4] = [
    t('2023-04-01', ['dx_writing']),
    t('2023-09-01', ['dx_writing']),
    t('2023-05-01', ['other']),
    t('2022-10-01', ['dx_writing']),
  ];
  await db.insert(training).values([t1!, t2!, t3!, t4!]);
  const a = (trainingId: string, personId: string) => ({ trainingId, personId, provinceId: P });
  await db
    .insert(trainingAttendance)
    .values([
      a(t1!.id, pe.trainedTwice),
      a(t2!.id, pe.trainedTwice),
      a(t3!.id, pe.wrongTag),
      a(t4!.id, pe.lastYear),
      a(t2!.id, pe.c3),
    ]);

  const m = (mid: string, recognisedOn: string | null) => ({
    id: mid,
    provinceId: P,
    unitId: u.C4,
    kind: 'model',
    name: `Mô hình ${mid.slice(0, 4)}`,
    recognisedOn,
    recognisedBy: recognisedOn ? 'UBND thành phố' : null,
  });
  await db
    .insert(dxModel)
    .values([m(mo.mass, '2023-03-01'), m(mo.socialOnly, '2023-03-01'), m(mo.unrecognised, null)]);
  await db.insert(publicationModel).values([
    { publicationId: featureMass.id, modelId: mo.mass },
    { publicationId: featureMass.id, modelId: mo.unrecognised },
    { publicationId: featureSocial.id, modelId: mo.socialOnly },
  ]);

  const e = (organiserUnitId: string, kind: string, level: string, heldOn: string, isDx = true) => ({
    provinceId: P,
    organiserUnitId,
    kind,
    level,
    title: `${kind} ${heldOn}`,
    heldOn,
    isDx,
  });
  await db.insert(event).values([
    e(u.DEP, 'contest', 'city', '2023-05-01'),
    e(u.DEP, 'workshop', 'city', '2023-10-01'),
    e(u.D1, 'workshop', 'district', '2023-06-01'), // district level: not counted by I.2.đ
    e(u.DEP, 'contest', 'city', '2022-11-01'), // previous year
    e(u.DEP, 'contest', 'city', '2023-07-01', false), // not about DX
    e(u.S1, 'extracurricular', 'unit', '2023-10-10'),
    e(u.S2, 'extracurricular', 'unit', '2022-12-20'), // a school's activity outside the period
  ]);
}

async function evaluate(
  letter: keyof typeof PLAN_54_TARGET_DEFINITIONS,
  today = '2024-01-15',
  ownerUnitIds?: string[],
) {
  const definition = targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS[letter]);
  const dates = evaluationDates({ definition, planYear: 2023, today });
  return evaluateTargetFacts(db, { definition, ...dates, provinceIds: [P], ownerUnitIds });
}

const district = (f: TargetFacts, key: string | null) => {
  const r = f.byDistrict.find((b) => b.key === key);
  return r ? [r.due, r.achieved] : null;
};
const kind = (f: TargetFacts, key: string) => {
  const r = f.byKind.find((b) => b.key === key);
  return r ? [r.due, r.achieved] : null;
};

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await units(db);
  await records(db);
});
afterAll(async () => handle?.close());

const inputOf = (letter: keyof typeof PLAN_54_TARGET_DEFINITIONS, today = '2024-01-15') => {
  const definition = targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS[letter]);
  return { definition, ...evaluationDates({ definition, planYear: 2023, today }), provinceIds: [P] };
};

describe('trend over the period (value at each month end, then now)', () => {
  it('computes a, b, c and e at every month end of 2023 in one statement, with the answers worked by hand', async () => {
    // DEP's plan was accepted at 03:00 on 01/05/2023 local time (20:00 UTC the day before): not yet on 30/04.
    await db
      .update(unitPlan)
      .set({ reviewedAt: new Date('2023-04-30T20:00:00Z') })
      .where(eq(unitPlan.unitId, u.DEP));
    try {
      const letters = ['a', 'b', 'c', 'e'] as const;
      const inputs = letters.flatMap((letter) => {
        const definition = targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS[letter]);
        return trendCheckpoints({ definition, planYear: 2023, today: '2024-01-15' }).map((c) => ({
          definition,
          ...evaluationDates({ definition, planYear: 2023, today: '2024-01-15' }),
          asOf: c.asOf,
          windows: c.windows,
          until: c.until ?? undefined,
          provinceIds: [P],
        }));
      });
      expect(inputs).toHaveLength(48);
      const totals = await evaluateTargetTotals(db, inputs);
      const series = (i: number) =>
        totals.slice(i * 12, i * 12 + 12).map((t) => [t.due, t.achieved, rate(t.achieved, t.due)]);
      // a: plans dated 01/02 (no review time) count from then; DEP's from 01/05; C1 + C2 → C3 on 01/07, which
      // brings C1's plan along. Jan: 7 units, none; Feb–Apr: C1, C4; May–Jun: + DEP; Jul on: D1 D2 C3 C4 DEP MO.
      expect(series(0)).toEqual([
        [7, 0, 0],
        [7, 2, 28.6],
        [7, 2, 28.6],
        [7, 2, 28.6],
        [7, 3, 42.9],
        [7, 3, 42.9],
        ...Array(6).fill([6, 3, 50]),
      ]);
      // b: nothing due before Q1 ends (not applicable); from 31/03 paper ✓ portal ✓ radio ✗ (the late portal owes
      // nothing before its section opened); from 30/09 the portal misses Q3 and the late portal keeps Q3.
      expect(series(1)).toEqual([
        [0, 0, null],
        [0, 0, null],
        ...Array(6).fill([3, 2, 66.7]),
        ...Array(4).fill([4, 2, 50]),
      ]);
      // c: c3's unit C3 exists only from 01/07 (issue 11: a population is what was in force on the date), so
      // 4 people until "left" leaves on 01/06, then 3, then 4 with c3; trained twice counts from 01/04, c3 from 01/09.
      expect(series(2).map((r) => r[2])).toEqual([0, 0, 0, 25, 25, 33.3, 25, 25, 50, 50, 50, 50]);
      // e: the only school activity in the year is on 10/10.
      expect(series(3).map((r) => r[2])).toEqual([...Array(9).fill(0), 33.3, 33.3, 33.3]);
      // The last point is the live figure.
      const live = await evaluate('a');
      expect(totals[11]).toMatchObject({ due: live.due, achieved: live.achieved });
    } finally {
      await db.update(unitPlan).set({ reviewedAt: null }).where(eq(unitPlan.unitId, u.DEP));
    }
  });
});

describe('the subjects behind one figure (paged, with the records that count)', () => {
  it('lists one district cell of target a, behind first, paged; a merged commune shows the plan it inherited', async () => {
    const input = inputOf('a');
    const first = await listTargetSubjects(
      db,
      input,
      { state: 'all', districtId: u.D1 },
      { offset: 0, limit: 1 },
    );
    expect(first.total).toBe(2); // D1 itself and C3
    expect(first.items.map((s) => [s.subjectId, s.achieved])).toEqual([[u.D1, false]]);
    // Its own plan is on the road (submitted), not accepted: listed beside the records that count (none).
    expect(first.items[0]!.evidence).toMatchObject({
      records: [],
      others: [expect.objectContaining({ type: 'unit_plan', status: 'submitted' })],
    });
    const second = await listTargetSubjects(
      db,
      input,
      { state: 'all', districtId: u.D1 },
      { offset: 1, limit: 1 },
    );
    expect(second.items.map((s) => [s.subjectId, s.achieved])).toEqual([[u.C3, true]]);
    const records = (
      second.items[0]!.evidence as { records: { type: string; unitId: string; status: string }[] }
    ).records;
    expect(records).toEqual([
      expect.objectContaining({ type: 'unit_plan', unitId: u.C1, status: 'accepted' }),
    ]);
    // The city-level cell (no district): DEP ✓ and MO ✗; only the behind one.
    const city = await listTargetSubjects(
      db,
      input,
      { state: 'behind', districtId: null },
      { offset: 0, limit: 20 },
    );
    expect(city.items.map((s) => s.subjectId)).toEqual([u.MO]);
    expect(city.items[0]!.evidence).toEqual({ records: [], others: [] }); // the absence of a plan is the evidence
  });

  it('lists by state and unit kind with the condition’s own records (a training with another tag is not one)', async () => {
    const input = inputOf('c');
    const achieved = await listTargetSubjects(db, input, { state: 'achieved' }, { offset: 0, limit: 20 });
    expect(achieved.total).toBe(2);
    const twice = achieved.items.find((s) => s.subjectId === pe.trainedTwice)!;
    expect((twice.evidence as { records: unknown[] }).records).toHaveLength(2);
    const press = await listTargetSubjects(
      db,
      input,
      { state: 'behind', unitKind: 'press_agency' },
      { offset: 0, limit: 20 },
    );
    expect(press.items.map((s) => s.subjectId)).toEqual([pe.wrongTag]);
    expect(press.items[0]!.evidence).toMatchObject({ records: [] });
    const one = await listTargetSubjects(db, input, { state: 'all', unitId: u.C3 }, { offset: 0, limit: 20 });
    expect(one.items.map((s) => [s.subjectId, s.achieved])).toEqual([[pe.c3, true]]);
    // Models: the mass-media publication counts, the social-media one does not.
    const d = await listTargetSubjects(db, inputOf('d'), { state: 'all' }, { offset: 0, limit: 20 });
    const social = d.items.find((s) => s.subjectId === mo.socialOnly)!;
    expect(social.evidence).toMatchObject({ records: [] });
    const mass = d.items.find((s) => s.subjectId === mo.mass)!;
    expect((mass.evidence as { records: { channelKind: string }[] }).records).toEqual([
      expect.objectContaining({ channelKind: 'newspaper' }),
    ]);
    // Channels: the first DX publication of each quarter that keeps it; the portal has none in Q3.
    const b = await listTargetSubjects(db, inputOf('b'), { state: 'behind' }, { offset: 0, limit: 20 });
    const portal = b.items.find((s) => s.subjectId === ch.portal)!;
    expect((portal.evidence as { records: { date: string }[] }).records.map((r) => r.date)).toEqual([
      '2023-02-01',
      '2023-05-01',
      '2023-11-01',
    ]);
    // Events that count for a school (target e), none for the school whose activity is outside the period.
    const e = await listTargetSubjects(db, inputOf('e'), { state: 'all' }, { offset: 0, limit: 20 });
    expect(e.total).toBe(3);
    expect(
      (e.items.find((s) => s.subjectId === u.S1)!.evidence as { records: unknown[] }).records,
    ).toHaveLength(1);
    expect(
      (e.items.find((s) => s.subjectId === u.S2)!.evidence as { records: unknown[] }).records,
    ).toHaveLength(0);
  });
});

describe('a target whose population is a unit group', () => {
  it('counts the members of an explicit group, and of a rule group plus its extra members, in the province', async () => {
    const [listGroup, ruleGroup] = await db
      .insert(unitGroup)
      .values([
        { provinceId: P, code: 'nhom-thu-nghiem', name: 'Nhóm thử nghiệm', rule: null },
        { provinceId: P, code: 'quan-huyen-va-so', name: 'Quận, huyện và Sở', rule: { kinds: ['district'] } },
      ])
      .returning();
    await db.insert(unitGroupMember).values([
      { groupId: listGroup!.id, unitId: u.C4 },
      { groupId: listGroup!.id, unitId: u.MO },
      { groupId: listGroup!.id, unitId: u.S1 },
      { groupId: ruleGroup!.id, unitId: u.DEP },
    ]);
    const of = async (code: string) => {
      const definition = targetDefinition.parse({
        ...PLAN_54_TARGET_DEFINITIONS.a,
        population: { record: 'unit', filters: [{ field: 'group', in: [code] }] },
      });
      return evaluateTargetFacts(db, {
        definition,
        ...evaluationDates({ definition, planYear: 2023, today: '2024-01-15' }),
        provinceIds: [P],
      });
    };
    // C4 ✓ (work programme), MO ✗ (2022 only), S1 ✗ (none).
    const list = await of('nhom-thu-nghiem');
    expect([list.population, list.due, list.achieved]).toEqual([3, 3, 1]);
    expect(list.subjects.map((s) => s.subjectId).sort()).toEqual([u.MO, u.S1].sort());
    expect(kind(list, 'school')).toEqual([1, 0]);
    // D1 ✗ (submitted), D2 ✗ (returned) by the rule; DEP ✓ (DX plan) as an extra member.
    const rule = await of('quan-huyen-va-so');
    expect([rule.population, rule.due, rule.achieved]).toEqual([3, 3, 1]);
    expect(district(rule, null)).toEqual([1, 1]);
    // A code unknown in the province: nobody (not applicable).
    const none = await of('khong-co');
    expect([none.population, none.due]).toEqual([0, 0]);
  });
});

describe('plan 54 targets evaluated over hand-made records', () => {
  it('I.2.a: units with an accepted plan; a merged commune inherits its predecessor’s plan', async () => {
    // In force on 31/12/2023: D1, D2, C3, C4, DEP, MO (C1, C2 ended on 01/07). Achieved: C3 (via C1), DEP, C4.
    const f = await evaluate('a');
    expect([f.population, f.due, f.achieved]).toEqual([6, 6, 3]);
    expect(district(f, u.D1)).toEqual([2, 1]);
    expect(district(f, u.D2)).toEqual([2, 1]);
    expect(district(f, null)).toEqual([2, 1]); // cấp thành phố: DEP, MO
    expect(kind(f, 'district')).toEqual([2, 0]);
    expect(kind(f, 'commune')).toEqual([2, 2]);
    const behind = Object.fromEntries(f.subjects.map((s) => [s.subjectId, s.evidence]));
    expect(Object.keys(behind).sort()).toEqual([u.D1, u.D2, u.MO].sort());
    expect(behind[u.D1]).toMatchObject({ others: [expect.objectContaining({ status: 'submitted' })] });
    expect(behind[u.D2]).toMatchObject({ others: [expect.objectContaining({ status: 'returned' })] });
    expect(behind[u.MO]).toEqual({ records: [], others: [] }); // nothing for 2023: the absence is the evidence
  });

  it('I.2.b: channels keeping up a DX section each quarter elapsed', async () => {
    // paper ✓ (Q1–Q4); portal ✗ (no Q3); district radio ✗ (no DX section); late portal ✓ (due Q3, Q4 only).
    const f = await evaluate('b');
    expect([f.population, f.due, f.achieved]).toEqual([4, 4, 2]);
    expect(f.subjects.map((s) => s.subjectId).sort()).toEqual([ch.portal, ch.radio].sort());
    expect(f.subjects.find((s) => s.subjectId === ch.radio)?.evidence).toMatchObject({ subjectOk: false });
    // The portal owes Q3: the window without a DX publication.
    expect(f.subjects.find((s) => s.subjectId === ch.portal)?.evidence).toMatchObject({
      subjectOk: true,
      windowsMissing: [{ from: '2023-07-01', to: '2023-09-30' }],
    });
    expect(district(f, u.D1)).toEqual([1, 0]);
    expect(district(f, u.D2)).toEqual([1, 1]);
  });

  it('I.2.b: nothing is due before the first quarter ends (not applicable, not 0%)', async () => {
    const f = await evaluate('b', '2023-03-20');
    expect([f.population, f.due, f.achieved]).toEqual([4, 0, 0]);
    // On 15/07 only Q1, Q2 are due: the portal kept them, the late portal owes nothing yet.
    const july = await evaluate('b', '2023-07-15');
    expect([july.due, july.achieved]).toEqual([3, 2]);
  });

  it('I.2.c: people trained in DX writing in the year; trained twice counts once', async () => {
    // In force: trainedTwice ✓, wrongTag ✗, lastYear ✗ (2022 training), c3 ✓; "left" left on 01/06.
    const f = await evaluate('c');
    expect([f.population, f.due, f.achieved]).toEqual([4, 4, 2]);
    expect(f.subjects.map((s) => s.subjectId).sort()).toEqual([pe.wrongTag, pe.lastYear].sort());
    expect(kind(f, 'press_agency')).toEqual([2, 1]);
    expect(district(f, u.D1)).toEqual([1, 1]);
  });

  it('I.2.d: recognised models featured in the mass media, not social media only', async () => {
    const f = await evaluate('d');
    expect([f.population, f.due, f.achieved]).toEqual([2, 2, 1]);
    expect(f.subjects.map((s) => s.subjectId)).toEqual([mo.socialOnly]);
    // Its one publication is on social media: no record meets the condition.
    expect(f.subjects[0]!.evidence).toEqual({ records: [] });
  });

  it('I.2.đ: counts city-level DX contests and workshops of the year', async () => {
    const f = await evaluate('đ');
    expect(f.achieved).toBe(2);
    expect(f.subjects).toHaveLength(2); // the events that count
    expect(kind(f, 'department')).toEqual([2, 2]);
  });

  it('I.2.e: schools with a DX activity in the year; an activity outside the period does not count', async () => {
    const f = await evaluate('e');
    expect([f.population, f.due, f.achieved]).toEqual([3, 3, 1]);
    expect(f.subjects.map((s) => s.subjectId).sort()).toEqual([u.S2, u.S3].sort());
    expect(district(f, u.D1)).toEqual([1, 0]); // S2 sits under C3, under D1
    expect(district(f, u.D2)).toEqual([2, 1]);
  });

  it("lists every subject of one unit for its own standing ('what do I still owe')", async () => {
    const f = await evaluate('b', '2024-01-15', [u.DEP]);
    expect(f.subjects.map((s) => [s.subjectId, s.achieved])).toEqual([[ch.portal, false]]);
    const c = await evaluate('c', '2024-01-15', [u.PA]);
    expect(c.subjects.map((s) => s.achieved).sort()).toEqual([false, true]);
  });

  it('reflects a new record on the next evaluation (no stored figures)', async () => {
    await db.insert(unitPlan).values({
      provinceId: P,
      unitId: u.MO,
      year: 2023,
      kind: 'communication_plan',
      status: 'accepted',
      documentNumber: '1/KH',
      documentDate: '2023-03-01',
    });
    const f = await evaluate('a');
    expect(f.achieved).toBe(4);
  });
});
