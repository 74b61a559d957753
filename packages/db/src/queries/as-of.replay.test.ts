import {
  evaluationDatesAsOf,
  PLAN_54_TARGET_DEFINITIONS,
  type TargetDefinition,
  targetDefinition,
} from '@dx/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, type Db, queryRows } from '../client';
import {
  channel,
  dxModel,
  event,
  orgUnitSuccession,
  orgUnitVersion,
  person,
  publication,
  training,
  trainingAttendance,
  unitPlan,
} from '../schema';
import { findProvinceByCode, seedUnits } from '../seed/seed';
import { createTestDatabase } from '../testing';
import { inForceOn } from './as-of';
import { evaluateTargetFacts, evaluateTargetTotals, listTargetSubjects, type TargetFacts } from './targets';

/*
 * Replay of Hải Phòng through its three structures (docs/architecture.md § Org units through time; issue 11):
 * 2023 (15 districts, ~217 communes), the 01/01/2025 arrangement (data/units/haiphong-2025-03.csv) and 01/07/2025
 * (districts abolished, 114 communes, Hải Dương merged in). Records are made on each structure; 2023's figures
 * must not move when later records and reorganisations arrive, and as of 01/08/2025 every new commune carries
 * exactly the records of the units that rolled up into it.
 */

let handle: DatabaseHandle;
let db: Db;
let hp: string;
let hd: string;

const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e'] as const;
const defOf = (letter: (typeof LETTERS)[number]): TargetDefinition =>
  targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS[letter]);

/** Every figure of every target of a plan year as of a date (long after: the value at the close of that day). */
async function figures(planYear: number, asOf: string): Promise<Record<string, TargetFacts>> {
  const out: Record<string, TargetFacts> = {};
  for (const letter of LETTERS) {
    const definition = defOf(letter);
    const dates = evaluationDatesAsOf({ definition, planYear, today: '2030-01-01', asOf });
    out[letter] = await evaluateTargetFacts(db, {
      definition,
      ...dates,
      provinceIds: [hp],
      behindLimit: 100_000,
    });
  }
  return out;
}

type Unit = { unit_id: string; kind: string; province_id: string };
const unitsOn = (date: string, kinds: string[]) =>
  queryRows<Unit>(
    db,
    sql`SELECT v.unit_id, v.kind, u.province_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
         WHERE ${inForceOn('v', date)} AND v.kind IN (${sql.join(
           kinds.map((k) => sql`${k}`),
           sql`, `,
         )}) ORDER BY v.unit_id`,
  );

/**
 * One unit's records of a year: plan, channel kept up each quarter, a trained officer, a model, a city event.
 * A channel and a person carry no date (they count whenever their unit is in force): `undated` false records
 * only dated ones — publications on a channel, a training, a plan, a model, an event — for a unit that was
 * already in force on an earlier date under test (recording them is what "something dated later" means).
 */
async function recordFor(unit: Unit, year: number, tag: string, undated = true) {
  const channelId = crypto.randomUUID();
  const personId = crypto.randomUUID();
  const trainingId = crypto.randomUUID();
  const provinceId = unit.province_id;
  await db.insert(unitPlan).values({
    provinceId,
    unitId: unit.unit_id,
    year,
    kind: 'communication_plan',
    status: 'accepted',
    documentNumber: `${tag}/KH`,
    documentDate: `${year}-02-01`,
  });
  if (!undated) {
    await db.insert(event).values({
      provinceId,
      organiserUnitId: unit.unit_id,
      kind: 'workshop',
      level: 'city',
      title: `Hội thảo ${tag}`,
      heldOn: `${year}-06-01`,
      isDx: true,
    });
    return null;
  }
  await db.insert(channel).values({
    id: channelId,
    provinceId,
    ownerUnitId: unit.unit_id,
    kind: 'portal',
    name: `Cổng ${tag}`,
    hasDxSection: true,
  });
  await db.insert(publication).values(
    ['02-01', '05-01', '08-01', '11-01'].map((md) => ({
      provinceId,
      channelId,
      unitId: unit.unit_id,
      title: `Tin ${tag} ${md}`,
      publishedOn: `${year}-${md}`,
      format: 'article',
      isDx: true,
    })),
  );
  await db.insert(person).values({
    id: personId,
    provinceId,
    unitId: unit.unit_id,
    fullName: `Cán bộ ${tag}`,
    role: 'grassroots_officer',
  });
  await db.insert(training).values({
    id: trainingId,
    provinceId,
    organiserUnitId: unit.unit_id,
    title: `Tập huấn ${tag}`,
    heldOn: `${year}-04-01`,
    tags: ['dx_writing'],
  });
  await db.insert(trainingAttendance).values({ trainingId, personId, provinceId });
  await db.insert(dxModel).values({
    provinceId,
    unitId: unit.unit_id,
    kind: 'model',
    name: `Mô hình ${tag}`,
    recognisedOn: `${year}-03-01`,
    recognisedBy: 'UBND',
  });
  await db.insert(event).values({
    provinceId,
    organiserUnitId: unit.unit_id,
    kind: 'workshop',
    level: 'city',
    title: `Hội thảo ${tag}`,
    heldOn: `${year}-06-01`,
    isDx: true,
  });
  return channelId;
}

/** Every nth unit (a deterministic sample, so the test stays quick on PGlite). */
const every = <T>(xs: T[], n: number) => xs.filter((_, i) => i % n === 0);

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedUnits(db);
  hp = (await findProvinceByCode(db, '31'))!;
  const [hdRow] = await queryRows<{ id: string }>(
    db,
    sql`SELECT predecessor_unit_id AS id FROM org_unit_succession WHERE successor_unit_id = ${hp}::uuid`,
  );
  hd = hdRow!.id;
});
afterAll(async () => handle?.close());

describe('replay: Hải Phòng 2023 → 01/2025 → 07/2025 with records on every structure', () => {
  /** Channel → owner, for the check as of 01/08/2025. */
  const channelOwner = new Map<string, string>();

  it('keeps every 2023 figure (every target, every breakdown) when later records and reorganisations arrive', async () => {
    const units23 = await unitsOn('2023-06-30', ['department', 'district', 'commune', 'school']);
    const wasInForce = new Set(
      (await unitsOn('2023-12-31', ['department', 'district', 'commune'])).map((u) => u.unit_id),
    );
    const record = async (u: Unit, year: number, tag: string) => {
      const ch = await recordFor(u, year, tag, year === 2023 || !wasInForce.has(u.unit_id));
      if (ch) channelOwner.set(ch, u.unit_id);
    };
    for (const [i, u] of every(units23, 3).entries()) await record(u, 2023, `23-${i}`);
    const before = await figures(2023, '2023-12-31');
    const midYear = await figures(2023, '2023-06-30');
    expect(before.a!.population).toBeGreaterThan(200);
    expect(before.b!.population).toBeGreaterThan(50);

    // Records on the 01/2025 structure, then on the 07/2025 one (a channel "today" for a new commune too).
    const units25 = await unitsOn('2025-03-01', ['department', 'district', 'commune']);
    for (const [i, u] of every(units25, 4).entries()) await record(u, 2025, `25a-${i}`);
    const units257 = await unitsOn('2025-08-01', ['department', 'commune']);
    for (const [i, u] of every(units257, 5).entries()) await record(u, 2025, `25b-${i}`);
    // A reorganisation after all that: two 07/2025 communes merge on 01/09/2025.
    const communes257 = units257.filter((u) => u.kind === 'commune');
    const [gone, into] = [communes257[0]!, communes257[1]!];
    await db
      .update(orgUnitVersion)
      .set({ validTo: '2025-09-01' })
      .where(sql`${orgUnitVersion.unitId} = ${gone.unit_id}::uuid AND ${orgUnitVersion.validTo} IS NULL`);
    await db.insert(orgUnitSuccession).values({
      predecessorUnitId: gone.unit_id,
      successorUnitId: into.unit_id,
      effectiveDate: '2025-09-01',
    });

    expect(await figures(2023, '2023-12-31')).toEqual(before);
    expect(await figures(2023, '2023-06-30')).toEqual(midYear);
  });

  it('as of 01/08/2025, each of the 114 communes carries exactly the records of the units that rolled up into it', async () => {
    const D = '2025-08-01';
    // Partial successions: a split commune's records go to one successor, the seed's choice (seed.ts
    // chooseRecordsSuccessor), as the reorganisation form lets choose: exactly one carrying link per split unit.
    const links = await queryRows<{
      predecessor_unit_id: string;
      successor_unit_id: string;
      share: string;
      effective_date: string;
      receives_records: boolean;
    }>(
      db,
      sql`SELECT predecessor_unit_id, successor_unit_id, share, effective_date::text, receives_records
            FROM org_unit_succession`,
    );
    const partialByPred = new Map<string, (typeof links)[number][]>();
    for (const l of links.filter((x) => x.share === 'partial'))
      partialByPred.set(l.predecessor_unit_id, [...(partialByPred.get(l.predecessor_unit_id) ?? []), l]);
    expect([...partialByPred.values()].filter((ls) => ls.length > 1).length).toBeGreaterThan(0);
    for (const [pred, ls] of partialByPred) expect(ls.filter((l) => l.receives_records).length, pred).toBe(1);
    const carries = (l: (typeof links)[number]) => l.receives_records;

    // The rule, restated: an owner in force on D stands for itself; else follow the carrying successions dated
    // on or before D to the nearest unit in force (ties by id).
    const inForce = new Set(
      (
        await unitsOn(D, [
          'department',
          'commune',
          'district',
          'school',
          'province',
          'press_agency',
          'mass_organisation',
          'other',
          'enterprise',
        ])
      ).map((u) => u.unit_id),
    );
    const standing = (owner: string): string | null => {
      let frontier = [owner];
      const seen = new Set(frontier);
      for (let depth = 0; depth < 9; depth++) {
        const here = frontier.filter((x) => inForce.has(x)).sort();
        if (here.length) return here[0]!;
        frontier = links
          .filter((l) => frontier.includes(l.predecessor_unit_id) && carries(l) && l.effective_date <= D)
          .map((l) => l.successor_unit_id)
          .filter((x) => !seen.has(x));
        for (const x of frontier) seen.add(x);
      }
      return null;
    };

    const definition = defOf('b');
    const dates = evaluationDatesAsOf({ definition, planYear: 2025, today: '2030-01-01', asOf: D });
    const page = await listTargetSubjects(
      db,
      { definition, ...dates, provinceIds: [hp] },
      { state: 'all' },
      { offset: 0, limit: 100_000 },
    );
    const got = new Map(page.items.map((s) => [s.subjectId, s.unitId]));
    const communes = (await unitsOn(D, ['commune'])).filter((u) => u.province_id === hp);
    expect(communes).toHaveLength(114);
    const communeIds = new Set(communes.map((c) => c.unit_id));
    let rolledUp = 0;
    for (const c of communes) {
      const expected = [...channelOwner]
        .filter(([, owner]) => standing(owner) === c.unit_id)
        .map(([ch]) => ch);
      const actual = [...got].filter(([, unit]) => unit === c.unit_id).map(([ch]) => ch);
      expect(actual.sort(), c.unit_id).toEqual(expected.sort());
      rolledUp += expected.filter((ch) => channelOwner.get(ch) !== c.unit_id).length;
    }
    expect(rolledUp).toBeGreaterThan(20);
    // A full succession (the predecessor's only one that carries records): every record is now its successor's.
    const carrying = links.filter(carries);
    const only = (l: (typeof links)[number]) =>
      carrying.filter((x) => x.predecessor_unit_id === l.predecessor_unit_id).length === 1;
    const fulls = links.filter(
      (x) => x.share === 'full' && x.effective_date <= D && communeIds.has(x.successor_unit_id) && only(x),
    );
    expect(fulls.length).toBeGreaterThan(100);
    for (const l of fulls) {
      for (const [ch, owner] of channelOwner)
        if (owner === l.predecessor_unit_id) expect(got.get(ch)).toBe(l.successor_unit_id);
    }
    // Hải Dương's records (its own province until 01/07/2025) count in Hải Phòng as of D, not before.
    expect(links.some((l) => l.predecessor_unit_id === hd)).toBe(true);
  });
  it('the trend statement (standing units computed once per date) gives every evaluation’s due and achieved', async () => {
    const points: { letter: string; planYear: number; asOf: string }[] = [];
    for (const letter of LETTERS)
      for (const [planYear, asOf] of [
        [2023, '2023-06-30'],
        [2023, '2023-12-31'],
        [2025, '2025-03-01'],
        [2025, '2025-08-01'],
        [2025, '2025-12-31'],
      ] as const)
        points.push({ letter, planYear, asOf });
    const inputs = points.map(({ letter, planYear, asOf }) => {
      const definition = defOf(letter as (typeof LETTERS)[number]);
      return {
        definition,
        ...evaluationDatesAsOf({ definition, planYear, today: '2030-01-01', asOf }),
        provinceIds: [hp],
      };
    });
    const totals = await evaluateTargetTotals(db, inputs);
    const each = [];
    for (const input of inputs) {
      const f = await evaluateTargetFacts(db, { ...input, behindLimit: 0 });
      each.push({ due: f.due, achieved: f.achieved });
    }
    expect(totals.map((t) => ({ due: t.due, achieved: t.achieved }))).toEqual(each);
    expect(each.some((e) => e.achieved > 0)).toBe(true);
  });
});
