import {
  INDICATOR_FIXTURES,
  type IndicatorRuleInput,
  indicatorDates,
  indicatorRule,
  indicatorValueOf,
  indicatorWarnings,
} from '@dx/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Db } from '../client';
import {
  channel,
  dataItem,
  dataValue,
  dxModel,
  event,
  orgUnit,
  orgUnitVersion,
  person,
  publication,
  training,
  trainingAttendance,
  unitGroup,
  unitGroupMember,
  unitPlan,
} from '../schema';
import { createTestDatabase } from '../testing';
import { indicatorRuleFacts, upsertVocabularyTerms } from './indicators';
import { evaluateTargetFacts, type TargetFacts } from './targets';

/*
 * The target texts of issue 16 (packages/domain/src/indicators/fixtures.ts), each expressed in parts, evaluated on
 * data generated here whose answers are worked out by hand in the comments; then one test per part and per
 * combination that matters (windows × at least N, owner filters, levels, groups, reported figures, scope).
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
  DEP1: id(),
  DEP2: id(),
  MO1: id(),
  MO2: id(),
  PA: id(),
  S1: id(),
  S2: id(),
};
const TODAY = '2023-10-15';

async function seed(db: Db) {
  const v = (unitId: string, name: string, kind: string, parentUnitId: string | null) => ({
    unitId,
    name,
    kind,
    parentUnitId,
  });
  const versions = [
    v(P, 'Tỉnh Thử Nghiệm', 'province', null),
    v(u.D1, 'Huyện Một', 'district', P),
    v(u.D2, 'Huyện Hai', 'district', P),
    v(u.C1, 'Xã Một A', 'commune', u.D1),
    v(u.C2, 'Xã Một B', 'commune', u.D1),
    v(u.C3, 'Xã Hai A', 'commune', u.D2),
    v(u.C4, 'Xã Hai B', 'commune', u.D2),
    v(u.DEP1, 'Sở Một', 'department', P),
    v(u.DEP2, 'Sở Hai', 'department', P),
    v(u.MO1, 'Hội Một', 'mass_organisation', P),
    v(u.MO2, 'Hội Hai', 'mass_organisation', P),
    v(u.PA, 'Báo Thử Nghiệm', 'press_agency', P),
    v(u.S1, 'Trường Một', 'school', u.C1),
    v(u.S2, 'Trường Hai', 'school', u.C3),
  ];
  await db.insert(orgUnit).values(versions.map((x) => ({ id: x.unitId, provinceId: P })));
  await db.insert(orgUnitVersion).values(versions);
  const [g1] = await db
    .insert(unitGroup)
    .values({ provinceId: P, code: 'communes-d1', name: 'Xã của Huyện Một', rule: null })
    .returning();
  await db.insert(unitGroupMember).values([
    { groupId: g1!.id, unitId: u.C1 },
    { groupId: g1!.id, unitId: u.C2 },
  ]);
  await db
    .insert(unitGroup)
    .values({ provinceId: P, code: 'departments', name: 'Sở, ngành', rule: { kinds: ['department'] } });

  // People. 10 commune officials (5 in C1, 5 in C3), 7 trained in digital skills in 2023, one more in 2022.
  const pe = (role: string, unitId: string) => ({
    id: id(),
    provinceId: P,
    unitId,
    fullName: `${role} ${unitId}`,
    role,
  });
  const officials = Array.from({ length: 10 }, (_, i) => pe('commune_official', i < 5 ? u.C1 : u.C3));
  // 4 leaders, 1 trained in data skills.
  const leaders = [u.DEP1, u.DEP2, u.D1, u.D2].map((x) => pe('leader', x));
  // Radio operators of communes C1, C2, C4 and one of a department (not a commune): C1's and DEP1's trained.
  const radio = [u.C1, u.C2, u.C4, u.DEP1].map((x) => pe('commune_radio_operator', x));
  // 30 volunteers of C2, all at one digital-skills training.
  const volunteers = Array.from({ length: 30 }, () => pe('volunteer', u.C2));
  await db.insert(person).values([...officials, ...leaders, ...radio, ...volunteers]);
  const tr = (tag: string, heldOn: string) => ({
    id: id(),
    provinceId: P,
    organiserUnitId: u.DEP1,
    title: `Tập huấn ${tag} ${heldOn}`,
    heldOn,
    tags: [tag],
  });
  const T0 = tr('digital_skills', '2022-11-01');
  const T1 = tr('digital_skills', '2023-03-01');
  const T2 = tr('data_skills', '2023-04-01');
  const T3 = tr('dx_writing', '2023-05-01');
  const T4 = tr('digital_skills', '2023-09-01');
  await db.insert(training).values([T0, T1, T2, T3, T4]);
  const at = (t: { id: string }, p: { id: string }) => ({ trainingId: t.id, personId: p.id, provinceId: P });
  await db
    .insert(trainingAttendance)
    .values([
      ...officials.slice(0, 7).map((p) => at(T1, p)),
      at(T0, officials[9]!),
      at(T2, leaders[0]!),
      at(T3, radio[0]!),
      at(T3, radio[3]!),
      ...volunteers.map((p) => at(T4, p)),
    ]);

  // Models: two "model"s recognised in 2023, one in 2022, a role model in 2023, one not recognised.
  const mo = (kind: string, recognisedOn: string | null) => ({
    provinceId: P,
    unitId: u.C1,
    kind,
    name: `Mô hình ${kind} ${recognisedOn}`,
    recognisedBy: recognisedOn ? 'UBND' : null,
    recognisedOn,
  });
  await db
    .insert(dxModel)
    .values([
      mo('model', '2023-02-01'),
      mo('model', '2023-06-01'),
      mo('model', '2022-05-01'),
      mo('role_model', '2023-03-01'),
      mo('model', null),
    ]);

  // Channels.
  const ch = (kind: string, ownerUnitId: string, hasDxSection: boolean) => ({
    id: id(),
    provinceId: P,
    ownerUnitId,
    kind,
    name: `Kênh ${kind}`,
    hasDxSection,
  });
  const PT1 = ch('portal', u.C1, true); // 4 DX items every month → kept up
  const PT2 = ch('portal', u.C3, false); // only 3 in March → behind; no DX section
  const PT3 = ch('portal', u.DEP1, true); // 5 every month
  const L1 = ch('commune_loudspeaker', u.C1, false); // a DX item every week
  const L2 = ch('commune_loudspeaker', u.C2, false); // misses the week of 01/05
  const L3 = ch('commune_loudspeaker', u.D1, false); // a district's: not counted
  const NP = ch('newspaper', u.PA, true);
  const TV = ch('tv', u.PA, true);
  const FB = ch('facebook', u.DEP1, true);
  await db.insert(channel).values([PT1, PT2, PT3, L1, L2, L3, NP, TV, FB]);
  const pub = (c: { id: string; ownerUnitId: string }, publishedOn: string, isDx = true) => ({
    provinceId: P,
    channelId: c.id,
    unitId: c.ownerUnitId,
    title: `Tin ${publishedOn}`,
    publishedOn,
    format: 'article',
    isDx,
  });
  const pubs = [];
  for (let m = 1; m <= 9; m++) {
    const mm = String(m).padStart(2, '0');
    for (let k = 1; k <= 5; k++) {
      const day = `2023-${mm}-${String(k * 3).padStart(2, '0')}`;
      if (k <= 4) pubs.push(pub(PT1, day));
      if (k <= 4 && !(m === 3 && k === 4)) pubs.push(pub(PT2, day));
      pubs.push(pub(PT3, day));
    }
  }
  // Wednesdays from 04/01/2023 to 04/10/2023: the 40 weeks from 02/01 to 08/10 (the week of 09/10 is running).
  for (let d = Date.UTC(2023, 0, 4); d <= Date.UTC(2023, 9, 4); d += 7 * 86_400_000) {
    const day = new Date(d).toISOString().slice(0, 10);
    pubs.push(pub(L1, day));
    if (day !== '2023-05-03') pubs.push(pub(L2, day));
    pubs.push(pub(L3, day));
  }
  // Mass media: 12 DX items and 3 others in the newspaper, 5 on TV; 10 on Facebook (not mass media).
  for (let i = 1; i <= 12; i++) pubs.push(pub(NP, `2023-0${(i % 9) + 1}-20`));
  for (let i = 1; i <= 3; i++) pubs.push(pub(NP, `2023-0${i}-21`, false));
  for (let i = 1; i <= 5; i++) pubs.push(pub(TV, `2023-0${i}-22`));
  for (let i = 1; i <= 10; i++) pubs.push(pub(FB, `2023-0${(i % 9) + 1}-23`));
  pubs.push(pub(NP, '2022-12-20')); // last year
  await db.insert(publication).values(pubs);

  // Events: DEP1 a DX workshop; DEP2 a workshop not on DX and a DX contest; D1 two district contests; D2 one
  // district contest and a unit-level workshop.
  const ev = (organiserUnitId: string, kind: string, level: string, isDx = true, heldOn = '2023-06-01') => ({
    provinceId: P,
    organiserUnitId,
    kind,
    level,
    title: `${kind} ${level}`,
    heldOn,
    isDx,
  });
  await db
    .insert(event)
    .values([
      ev(u.DEP1, 'workshop', 'city'),
      ev(u.DEP2, 'workshop', 'city', false),
      ev(u.DEP2, 'contest', 'city'),
      ev(u.D1, 'contest', 'district'),
      ev(u.D1, 'contest', 'district', true, '2023-08-01'),
      ev(u.D2, 'contest', 'district'),
      ev(u.D2, 'workshop', 'unit'),
    ]);

  // Plans: MO1 accepted, MO2 submitted; C1, C2 and school S1 (under C1) have one, whatever its state.
  const pl = (unitId: string, status: string, kind = 'communication_plan') => ({
    provinceId: P,
    unitId,
    year: 2023,
    kind,
    status,
    documentNumber: '1/KH',
    documentDate: '2023-02-01',
  });
  await db
    .insert(unitPlan)
    .values([
      pl(u.MO1, 'accepted'),
      pl(u.MO2, 'submitted'),
      pl(u.C1, 'returned'),
      pl(u.C2, 'accepted', 'dx_plan'),
      pl(u.S1, 'submitted'),
    ]);

  // Reported figures.
  const item = (code: string, aggregation: string, unitOfMeasure: string) => ({
    id: id(),
    provinceId: P,
    code,
    nameVi: code,
    nameEn: code,
    unitOfMeasure,
    reportingUnitKinds: ['commune'],
    frequency: 'quarter',
    aggregation,
  });
  const reached = item('people_reached', 'sum', 'people');
  const pop = item('population', 'last', 'people');
  const visited = item('households_visited', 'sum', 'households');
  const households = item('households', 'last', 'households');
  await db.insert(dataItem).values([reached, pop, visited, households]);
  const val = (
    i: { id: string },
    unitId: string,
    from: string,
    to: string,
    value: number,
    status = 'accepted',
  ) => ({
    provinceId: P,
    itemId: i.id,
    unitId,
    periodFrom: from,
    periodTo: to,
    value: String(value),
    status,
  });
  await db
    .insert(dataValue)
    .values([
      val(pop, u.C1, '2023-01-01', '2023-12-31', 10_000),
      val(pop, u.C2, '2023-01-01', '2023-12-31', 5000),
      val(pop, u.C3, '2023-01-01', '2023-12-31', 8000),
      val(reached, u.C1, '2023-01-01', '2023-03-31', 3000),
      val(reached, u.C1, '2023-04-01', '2023-06-30', 4000),
      val(reached, u.C2, '2023-01-01', '2023-03-31', 2000),
      val(reached, u.C2, '2023-04-01', '2023-06-30', 1000, 'submitted'),
      val(reached, u.C4, '2023-01-01', '2023-03-31', 500),
      val(reached, u.C3, '2022-10-01', '2022-12-31', 900),
      val(households, u.C1, '2023-01-01', '2023-03-31', 1900),
      val(households, u.C1, '2023-07-01', '2023-09-30', 2000),
      val(households, u.C2, '2023-01-01', '2023-03-31', 1000),
      val(visited, u.C1, '2023-01-01', '2023-03-31', 700),
      val(visited, u.C1, '2023-04-01', '2023-06-30', 800),
      val(visited, u.C2, '2023-04-01', '2023-06-30', 900),
    ]);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seed(db);
});
afterAll(async () => {
  await handle?.close();
});

async function evaluate(
  input: IndicatorRuleInput,
  o: { today?: string; provinceIds?: string[] | null } = {},
): Promise<{ facts: TargetFacts; value: number | null }> {
  const rule = indicatorRule.parse(input);
  const dates = indicatorDates({ rule, planYear: 2023, today: o.today ?? TODAY });
  const facts = await evaluateTargetFacts(db, {
    definition: rule,
    ...dates,
    provinceIds: o.provinceIds === undefined ? [P] : o.provinceIds,
  });
  return { facts, value: indicatorValueOf(rule.value, facts) };
}

/** Known answers, worked out from the data above: [due, achieved, value]. */
const EXPECTED: Record<string, [number, number, number | null]> = {
  'commune-officials-digital-skills': [10, 7, 70],
  'leaders-data-skills': [4, 1, 25],
  'commune-radio-operators': [3, 1, 33.3], // the department's operator is not of a commune
  'models-per-year': [2, 2, 2], // the 2022 model, the role model and the unrecognised one do not count
  'portal-news-per-month': [3, 2, 66.7], // months January–September are due on 15/10
  'commune-radio-weekly': [2, 1, 50], // the district's loudspeakers are not a commune's
  'citizens-reached': [4, 2, 60], // (7000 + 2000) / (10000 + 5000): only communes reporting both
  'households-visited': [4, 2, 80], // (1500 + 900) / (2000 + 1000): households is a last value
  'people-reached-total': [4, 3, 9500], // 7000 + 2000 + 500; submitted and 2022 values do not count
  'mass-media-publications': [17, 17, 17],
  'communes-with-dx-section': [4, 1, 25], // C3's portal has no DX section
  'departments-workshop': [2, 1, 50], // DEP2's workshop is not about DX
  'digital-skills-trainings': [2, 2, 2], // the 2022 one does not count
  'districts-two-contests': [2, 1, 50],
  'mass-organisations-plan': [2, 1, 50],
  'people-trained': [48, 40, 40], // 7 officials, 1 leader, 2 operators, 30 volunteers of 48 people
  'trainings-30-attendees': [2, 1, 50],
  'commune-level-units-plan': [6, 3, 50], // four communes and the two schools under them
};

describe('fixture target texts in parts', () => {
  it('covers every fixture', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(INDICATOR_FIXTURES.map((f) => f.key).sort());
  });
  for (const f of INDICATOR_FIXTURES)
    it(`${f.text}`, async () => {
      const { facts, value } = await evaluate(f.rule);
      expect([facts.due, facts.achieved, value]).toEqual(EXPECTED[f.key]);
    });
});

describe('parts and combinations', () => {
  const portals: IndicatorRuleInput = INDICATOR_FIXTURES.find((f) => f.key === 'portal-news-per-month')!.rule;

  it('windows: a month not yet ended is not due; before any window ends nothing is due', async () => {
    // On 15/03 only January and February are due: PT2's short March is not judged yet.
    expect((await evaluate(portals, { today: '2023-03-15' })).value).toBe(100);
    const none = await evaluate(portals, { today: '2023-01-20' });
    expect([none.facts.due, none.value]).toEqual([0, null]);
  });

  it('windows with a required feature: quarters before it are not due, without it nothing is kept', async () => {
    const rule: IndicatorRuleInput = {
      ...portals,
      condition: {
        type: 'linked',
        link: 'publications',
        filters: [{ field: 'isDx', is: true }],
        every: 'quarter',
        subject: [{ field: 'hasDxSection', is: true }],
      },
    };
    const { facts } = await evaluate(rule);
    expect([facts.due, facts.achieved]).toEqual([3, 2]);
    expect(facts.subjects.map((s) => s.evidence?.windowsWithRecords)).toEqual([
      ['2023-01-01', '2023-04-01', '2023-07-01'],
    ]);
  });

  it('at least N once in the period, and filters on the linked record', async () => {
    const rule = (atLeast: number): IndicatorRuleInput => ({
      population: { record: 'channel', filters: [{ field: 'kind', in: ['newspaper', 'tv'] }] },
      condition: { type: 'linked', link: 'publications', filters: [{ field: 'isDx', is: true }], atLeast },
      value: { type: 'count' },
      goal: { comparator: 'gte', value: 1, unit: 'count' },
    });
    expect((await evaluate(rule(5))).value).toBe(2);
    expect((await evaluate(rule(6))).value).toBe(1); // the newspaper's 12; TV has 5
    expect((await evaluate(rule(13))).value).toBe(0); // non-DX and last year's items do not count
  });

  it('owner filters read the owner unit; level reads the parent; groups by kinds or by members', async () => {
    const count = async (record: 'person' | 'unit', filters: IndicatorRuleInput['population']['filters']) =>
      (
        await evaluate({
          population: { record, filters },
          value: { type: 'count' },
          goal: { comparator: 'gte', value: 1, unit: 'count' },
        })
      ).value;
    // Two leaders and one radio operator work for departments.
    expect(await count('person', [{ field: 'ownerKind', in: ['department'] }])).toBe(3);
    // C1 and C2 are the group's members: 5 officials and an operator of C1, an operator and 30 volunteers of C2.
    expect(await count('person', [{ field: 'ownerGroup', in: ['communes-d1'] }])).toBe(37);
    expect(
      await count('person', [
        { field: 'ownerGroup', in: ['communes-d1'] },
        { field: 'role', in: ['commune_official'] },
      ]),
    ).toBe(5);
    expect(await count('unit', [{ field: 'group', in: ['departments'] }])).toBe(2);
    expect(await count('unit', [{ field: 'group', in: ['communes-d1'] }])).toBe(2);
    // Province level: the province, two departments, two mass organisations, the press agency.
    expect(await count('unit', [{ field: 'level', in: ['province'] }])).toBe(6);
    expect(await count('unit', [{ field: 'level', in: ['district'] }])).toBe(2);
    // A flag set to false: channels without a DX section.
    const noSection = await evaluate({
      population: { record: 'channel', filters: [{ field: 'hasDxSection', is: false }] },
      value: { type: 'count' },
      goal: { comparator: 'gte', value: 1, unit: 'count' },
    });
    expect(noSection.value).toBe(4);
  });

  it('scope: another province sees nothing; every province sees all', async () => {
    const rule = INDICATOR_FIXTURES[0]!.rule;
    expect((await evaluate(rule, { provinceIds: [id()] })).facts.population).toBe(0);
    expect((await evaluate(rule, { provinceIds: null })).facts.population).toBe(10);
  });

  it('breakdowns by district and unit kind, and the behind list', async () => {
    const { facts } = await evaluate(INDICATOR_FIXTURES[0]!.rule);
    // By district name: Huyện Hai, Huyện Một.
    expect(facts.byDistrict.map((r) => [r.key, r.population, r.achieved])).toEqual([
      [u.D2, 5, 2],
      [u.D1, 5, 5],
    ]);
    expect(facts.byKind.map((r) => [r.key, r.due, r.achieved])).toEqual([['commune', 10, 7]]);
    expect(facts.behindCount).toBe(3);
    expect(facts.subjects.every((s) => s.unitId === u.C3 && !s.achieved)).toBe(true);
  });

  it('reported figures break down too', async () => {
    const rule = INDICATOR_FIXTURES.find((f) => f.key === 'citizens-reached')!.rule;
    const { facts } = await evaluate(rule);
    expect(facts.byDistrict.map((r) => [r.key, r.numerator, r.denominator])).toEqual([
      [u.D2, null, null],
      [u.D1, 9000, 15_000],
    ]);
  });

  it('warnings from the database: a code not in the vocabulary, a code no record uses, an unknown item', async () => {
    await upsertVocabularyTerms(db, P, [
      {
        vocabulary: 'person_role',
        code: 'commune_official',
        labelVi: 'cán bộ, công chức cấp xã',
        labelEn: 'x',
        position: 0,
      },
      { vocabulary: 'person_role', code: 'librarian', labelVi: 'thủ thư', labelEn: 'librarian', position: 1 },
      {
        vocabulary: 'training_tag',
        code: 'digital_skills',
        labelVi: 'kỹ năng số',
        labelEn: 'digital skills',
        position: 0,
      },
    ]);
    const rule = indicatorRule.parse({
      population: { record: 'person', filters: [{ field: 'role', in: ['commune_official', 'librarian'] }] },
      condition: { type: 'linked', link: 'attended_trainings', filters: [{ field: 'tag', in: ['cooking'] }] },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    });
    const period = { from: '2023-01-01', to: '2023-12-31' };
    const facts = await indicatorRuleFacts(db, { provinceId: P, planId: null, rule, period });
    expect(facts.codeUsage).toEqual({
      person_role: { commune_official: 10, librarian: 0 },
      training_tag: { cooking: 0 },
    });
    expect(facts.knownItems.sort()).toEqual([
      'households',
      'households_visited',
      'people_reached',
      'population',
    ]);
    expect(facts.unitGroupKinds).toEqual({ departments: ['department'] });
    const w = indicatorWarnings(rule, { period, planPeriod: period, facts: { ...facts, population: 10 } });
    expect(w.map((x) => [x.code, x.path.join('.')])).toEqual([
      ['UNUSED_CODE', 'population.filters.0.in.1'],
      ['UNKNOWN_CODE', 'condition.filters.0.in.0'],
    ]);
  });
});
