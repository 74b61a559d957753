import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Db } from '../client';
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
  unitPlan,
} from '../schema';

/*
 * The random small province of the property tests (queries/as-of.property.test.ts, queries/rollups.property.test.ts):
 * a province of two districts, four communes with a school each and a department, with channels and people, and the
 * dated actions both tests apply to it — records of each kind and reorganisations (merges, splits with either choice
 * of where the records go). Written straight to the tables: the property is about the queries, not the use cases.
 */

/** A dated record or reorganisation on the small province. */
export type BaseAction =
  | { kind: 'publication'; date: string; channel: number; model: number | null }
  | { kind: 'plan'; date: string; unit: number }
  | { kind: 'event'; date: string; unit: number; type: 'workshop' | 'extracurricular' }
  | { kind: 'training'; date: string; person: number }
  | { kind: 'model'; date: string; unit: number }
  | { kind: 'merge'; date: string; from: number; into: number }
  | { kind: 'split'; date: string; unit: number; recordsToOne: boolean };

/** Days from `from` (yyyy-mm-dd, UTC) for `days` days, as yyyy-mm-dd. */
export const dayArbitrary = (from: string, days: number) =>
  fc
    .integer({ min: 0, max: days })
    .map((n) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10));

/** The base actions on days drawn from `dayArb`. */
export const baseActionArbitraries = (dayArb: fc.Arbitrary<string>): fc.Arbitrary<BaseAction>[] => [
  fc.record({
    kind: fc.constant('publication' as const),
    date: dayArb,
    channel: fc.nat(5),
    model: fc.option<number>(fc.nat(3)),
  }),
  fc.record({ kind: fc.constant('plan' as const), date: dayArb, unit: fc.nat(20) }),
  fc.record({
    kind: fc.constant('event' as const),
    date: dayArb,
    unit: fc.nat(20),
    type: fc.constantFrom('workshop' as const, 'extracurricular' as const),
  }),
  fc.record({ kind: fc.constant('training' as const), date: dayArb, person: fc.nat(5) }),
  fc.record({ kind: fc.constant('model' as const), date: dayArb, unit: fc.nat(20) }),
  fc.record({ kind: fc.constant('merge' as const), date: dayArb, from: fc.nat(20), into: fc.nat(20) }),
  fc.record({
    kind: fc.constant('split' as const),
    date: dayArb,
    unit: fc.nat(20),
    recordsToOne: fc.boolean(),
  }),
];

/** A small province: 2 districts, 4 communes, a school under each commune, a department; channels and people. */
export async function baseProvince(db: Db) {
  const P = crypto.randomUUID();
  const units: { id: string; kind: string; parent: string | null; name: string }[] = [
    { id: P, kind: 'province', parent: null, name: 'Tỉnh Thử' },
  ];
  const add = (kind: string, parent: string | null, name: string) => {
    const id = crypto.randomUUID();
    units.push({ id, kind, parent, name });
    return id;
  };
  const dep = add('department', P, 'Sở Một');
  const districts = [add('district', P, 'Huyện A'), add('district', P, 'Huyện B')];
  const communes = [0, 1, 2, 3].map((i) => add('commune', districts[i % 2]!, `Xã ${i}`));
  for (const [i, c] of communes.entries()) add('school', c, `Trường ${i}`);
  await db.insert(orgUnit).values(units.map((u) => ({ id: u.id, provinceId: P })));
  await db
    .insert(orgUnitVersion)
    .values(units.map((u) => ({ unitId: u.id, name: u.name, kind: u.kind, parentUnitId: u.parent })));
  const owners = [dep, ...communes, districts[0]!];
  const channels = owners.map(() => crypto.randomUUID());
  await db.insert(channel).values(
    owners.map((o, i) => ({
      id: channels[i]!,
      provinceId: P,
      ownerUnitId: o,
      kind: 'portal',
      name: `Cổng ${i}`,
      hasDxSection: true,
    })),
  );
  const people = owners.map(() => crypto.randomUUID());
  await db.insert(person).values(
    owners.map((o, i) => ({
      id: people[i]!,
      provinceId: P,
      unitId: o,
      fullName: `Người ${i}`,
      role: 'grassroots_officer',
    })),
  );
  return { P, dep, units, channels, people };
}

export type World = Awaited<ReturnType<typeof baseProvince>> & {
  /** Publications written so far (the rollups property deletes and moves them). */
  publications: string[];
  /** Units in force (id, kind, parent) with the date they started; grows as reorganisations run. */
  live: { id: string; kind: string; parent: string | null; since: string | null }[];
  models: string[];
  lastReorg: string;
};

/** Applies one action; reorganisations only after the last one (as the planner requires). */
export async function applyBase(db: Db, w: World, a: BaseAction) {
  const P = w.P;
  const owners = w.live.filter((u) => u.kind !== 'province');
  const ownerAt = (i: number) => owners[i % owners.length]!;
  switch (a.kind) {
    case 'publication': {
      const [p] = await db
        .insert(publication)
        .values({
          provinceId: P,
          channelId: w.channels[a.channel % w.channels.length]!,
          unitId: w.dep,
          title: `Tin ${a.date}`,
          publishedOn: a.date,
          format: 'article',
          isDx: true,
        })
        .returning({ id: publication.id });
      if (a.model !== null && w.models.length > 0)
        await db
          .insert(publicationModel)
          .values({ publicationId: p!.id, modelId: w.models[a.model % w.models.length]! });
      return;
    }
    case 'plan':
      await db.insert(unitPlan).values({
        provinceId: P,
        unitId: ownerAt(a.unit).id,
        year: Number(a.date.slice(0, 4)),
        kind: 'communication_plan',
        status: 'accepted',
        documentNumber: `${a.date}/KH`,
        documentDate: a.date,
      });
      return;
    case 'event':
      await db.insert(event).values({
        provinceId: P,
        organiserUnitId: ownerAt(a.unit).id,
        kind: a.type,
        level: a.type === 'workshop' ? 'city' : 'unit',
        title: `Sự kiện ${a.date}`,
        heldOn: a.date,
        isDx: true,
      });
      return;
    case 'training': {
      const [t] = await db
        .insert(training)
        .values({
          provinceId: P,
          organiserUnitId: w.dep,
          title: 'Tập huấn',
          heldOn: a.date,
          tags: ['dx_writing'],
        })
        .returning({ id: training.id });
      await db
        .insert(trainingAttendance)
        .values({ provinceId: P, trainingId: t!.id, personId: w.people[a.person % w.people.length]! });
      return;
    }
    case 'model': {
      const [m] = await db
        .insert(dxModel)
        .values({
          provinceId: P,
          unitId: ownerAt(a.unit).id,
          kind: 'model',
          name: `Mô hình ${a.date}`,
          recognisedOn: a.date,
          recognisedBy: 'UBND',
        })
        .returning({ id: dxModel.id });
      w.models.push(m!.id);
      return;
    }
    case 'merge':
    case 'split': {
      if (a.date <= w.lastReorg) return;
      const communes = w.live.filter((u) => u.kind === 'commune');
      if (communes.length < 2) return;
      const from = communes[(a.kind === 'merge' ? a.from : a.unit) % communes.length]!;
      const close = async (u: (typeof w.live)[number]) => {
        await db
          .update(orgUnitVersion)
          .set({ validTo: a.date })
          .where(sql`${orgUnitVersion.unitId} = ${u.id}::uuid AND ${orgUnitVersion.validTo} IS NULL`);
        w.live = w.live.filter((x) => x.id !== u.id);
      };
      // Children (schools) of an ended commune move to the successor on the same date.
      const moveChildren = async (to: string) => {
        for (const child of w.live.filter((x) => x.parent === from.id)) {
          await db
            .update(orgUnitVersion)
            .set({ validTo: a.date })
            .where(sql`${orgUnitVersion.unitId} = ${child.id}::uuid AND ${orgUnitVersion.validTo} IS NULL`);
          await db.insert(orgUnitVersion).values({
            unitId: child.id,
            name: 'Trường',
            kind: child.kind,
            parentUnitId: to,
            validFrom: a.date,
          });
          child.parent = to;
        }
      };
      if (a.kind === 'merge') {
        const into = communes.filter((c) => c.id !== from.id)[a.into % (communes.length - 1)]!;
        await moveChildren(into.id);
        await close(from);
        await db
          .insert(orgUnitSuccession)
          .values({ predecessorUnitId: from.id, successorUnitId: into.id, effectiveDate: a.date });
      } else {
        const parent = from.parent;
        const created = [crypto.randomUUID(), crypto.randomUUID()];
        await db.insert(orgUnit).values(created.map((id) => ({ id, provinceId: P })));
        await db.insert(orgUnitVersion).values(
          created.map((id, i) => ({
            unitId: id,
            name: `Xã mới ${i}`,
            kind: 'commune',
            parentUnitId: parent,
            validFrom: a.date,
          })),
        );
        await moveChildren(created[0]!);
        await close(from);
        await db.insert(orgUnitSuccession).values(
          created.map((id, i) => ({
            predecessorUnitId: from.id,
            successorUnitId: id,
            share: 'partial',
            receivesRecords: !a.recordsToOne || i === 0,
            effectiveDate: a.date,
          })),
        );
        for (const id of created) w.live.push({ id, kind: 'commune', parent, since: a.date });
      }
      w.lastReorg = a.date;
      return;
    }
  }
}

/** A world on a fresh small province: every unit in force since the start, nothing recorded yet. */
export async function newWorld(db: Db): Promise<World> {
  const base = await baseProvince(db);
  return {
    ...base,
    publications: [],
    live: base.units.map((u) => ({ ...u, since: null })),
    models: [],
    lastReorg: '0000-00-00',
  };
}
