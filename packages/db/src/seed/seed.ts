import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultUnitGroups, foldVietnamese, kindFromAdminType, type OrgUnitKind } from '@dx/domain';
import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { insertAudit } from '../queries/audit';
import { ensureDefaultGroups } from '../queries/provinces';
import { orgUnit, orgUnitSuccession, orgUnitVersion, reorganisation, setting } from '../schema';
import { parseCsv } from './csv';
import { syncProvinceCatalogue } from './seed-provinces';

const UNITS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/units');
const read = (file: string) => parseCsv(readFileSync(resolve(UNITS_DIR, file), 'utf8'));

/** Dates of the reforms the seed files describe. */
export const REFORM_2025_01 = '2025-01-01'; // Nghị quyết 1232/NQ-UBTVQH15 of 24/10/2024 (Hải Phòng, 2023–2025 arrangement)
export const REFORM_2025_07 = '2025-07-01'; // Nghị quyết 202/2025/QH15; 1669/NQ-UBTVQH15
/**
 * The day provinces' merged departments began (Sở Thông tin và Truyền thông into Sở Khoa học và Công nghệ, Sở Kế
 * hoạch và Đầu tư into Sở Tài chính, …): Nghị định 45/2025/NĐ-CP of 28/02/2025 on provinces' specialised agencies,
 * in force 01/03/2025, following Nghị quyết 176/2025/QH15 for the ministries.
 */
export const DEPARTMENT_MERGERS_2025 = '2025-03-01';

/** Successions of the 01/01/2025 arrangement (data/units/README.md); also read by migration 0020's test. */
export const SUCCESSIONS_2025_01 = 'haiphong-successions-2025-01.csv';
export const LEGAL_BASIS_2025_01 = 'Nghị quyết 1232/NQ-UBTVQH15 (24/10/2024)';

type Version = {
  code: string | null;
  name: string;
  kind: OrgUnitKind;
  adminType: string | null;
  parentUnitId: string | null;
  validFrom: string | null;
  validTo: string | null;
};

/**
 * Builds the unit rows in memory and inserts them in bulk: Hải Phòng 2023 → 2025-03 → 2025-07, Hải Dương 2023,
 * the 2025-07 merge mapping, and the city's agencies (verified and likely rows).
 */
class UnitBuilder {
  units: {
    id: string;
    provinceId: string;
    source: string;
    confidence: string | null;
    sourceNote: string | null;
  }[] = [];
  versions: (Version & { unitId: string })[] = [];
  links: {
    predecessorUnitId: string;
    successorUnitId: string;
    share: string;
    effectiveDate: string;
    reorganisationId: string | null;
    receivesRecords?: boolean;
  }[] = [];

  add(
    provinceId: string | null,
    source: string,
    v: Version,
    confidence: string | null = null,
    note: string | null = null,
  ) {
    const id = crypto.randomUUID();
    this.units.push({ id, provinceId: provinceId ?? id, source, confidence, sourceNote: note });
    this.versions.push({ ...v, unitId: id });
    return id;
  }
  current(unitId: string) {
    return this.versions.filter((v) => v.unitId === unitId).at(-1)!;
  }
  change(unitId: string, date: string, patch: Partial<Version>) {
    const cur = this.current(unitId);
    // A unit already known to end later (Hải Dương's communes end on 01/07/2025) keeps that end after the change.
    const end = cur.validTo !== null && cur.validTo > date ? cur.validTo : null;
    cur.validTo = date;
    this.versions.push({ ...cur, ...patch, validFrom: date, validTo: end, unitId });
  }
  end(unitId: string, date: string) {
    this.current(unitId).validTo = date;
  }
}

export type SeedSummary = {
  units: number;
  versions: number;
  successions: number;
  unmatchedMerges: string[];
  renamedFromMergeMapping: number;
};

/** Seeds units once (idempotent: a second call does nothing). Returns what it inserted. */
export async function seedUnits(db: Db): Promise<SeedSummary | null> {
  // The national catalogue comes with every seed (and alone with SEED=none): provinces are added from it.
  await syncProvinceCatalogue(db);
  const [done] = await db.select().from(setting).where(eq(setting.key, 'seed.units'));
  if (done) return null;
  const b = new UnitBuilder();
  const unmatched: string[] = [];
  const renamed: string[] = [];
  const gso = 'Danh mục ĐVHC (GSO, QĐ 124/2004/QĐ-TTg) — data/units/README.md';

  // Hải Phòng, 10/04/2023. Identity is the surrogate id; codes are kept per version.
  const hp23 = read('haiphong-2023.csv');
  const byName23 = new Map<string, string>();
  const byCode23 = new Map<string, string>();
  let hpId = '';
  for (const r of hp23) {
    const parentId = r.parent_name ? byName23.get(r.parent_name)! : null;
    const id = b.add(
      parentId ? hpId : null,
      'haiphong-2023.csv',
      {
        code: r.code_if_known || null,
        name: r.name!,
        kind: kindFromAdminType(r.type!, parentId !== null),
        adminType: r.type!,
        parentUnitId: parentId,
        validFrom: null,
        validTo: null,
      },
      'verified',
      gso,
    );
    if (!parentId) hpId = id;
    byName23.set(r.name!, id); // names are unique among parents (city, districts); communes repeat across districts
    byCode23.set(r.code_if_known!, id);
  }

  // 01/01/2025 arrangement: same code = same unit (possibly renamed or re-typed); a code that disappears ended.
  const hp25 = read('haiphong-2025-03.csv');
  const byName25 = new Map<string, string>();
  const codes25 = new Set<string>();
  for (const r of hp25) {
    const id = byCode23.get(r.code_if_known!);
    if (!id) throw new Error(`seed: 2025-03 unit ${r.name} has no 2023 code`);
    codes25.add(r.code_if_known!);
    byName25.set(r.name!, id);
  }
  for (const r of hp25) {
    const id = byCode23.get(r.code_if_known!)!;
    const cur = b.current(id);
    const parentId = r.parent_name ? byName25.get(r.parent_name)! : null;
    const kind = kindFromAdminType(r.type!, parentId !== null);
    if (cur.name !== r.name || cur.adminType !== r.type || cur.parentUnitId !== parentId) {
      b.change(id, REFORM_2025_01, { name: r.name!, adminType: r.type!, kind, parentUnitId: parentId });
    }
  }
  for (const r of hp23)
    if (!codes25.has(r.code_if_known!)) b.end(byCode23.get(r.code_if_known!)!, REFORM_2025_01);
  // Who took the units that ended on 01/01/2025 (haiphong-successions-2025-01.csv, see data/units/README.md):
  // without these links their records would count nowhere from that date. Rows without a successor are
  // documented there (the resolution's text is not among this repository's sources yet).
  const reorg2501Id = crypto.randomUUID();
  for (const m of read(SUCCESSIONS_2025_01)) {
    if (!m.new_code) continue;
    const predecessor = byCode23.get(m.old_code!);
    const successor = byCode23.get(m.new_code);
    if (!predecessor || codes25.has(m.old_code!) || !successor || !codes25.has(m.new_code))
      throw new Error(
        `seed: 01/01/2025 succession ${m.old_code} → ${m.new_code} does not match the unit lists`,
      );
    b.links.push({
      predecessorUnitId: predecessor,
      successorUnitId: successor,
      share: 'full',
      effectiveDate: REFORM_2025_01,
      reorganisationId: reorg2501Id,
    });
  }

  // Hải Dương, 10/04/2023; the province merged into Hải Phòng on 01/07/2025.
  const hd = read('haiduong-2023.csv');
  const byNameHd = new Map<string, string>();
  let hdId = '';
  for (const r of hd) {
    const parentId = r.parent_name ? byNameHd.get(r.parent_name)! : null;
    const id = b.add(
      parentId ? hdId : null,
      'haiduong-2023.csv',
      {
        code: r.code_if_known || null,
        name: r.name!,
        kind: kindFromAdminType(r.type!, parentId !== null),
        adminType: r.type!,
        parentUnitId: parentId,
        validFrom: null,
        validTo: REFORM_2025_07,
      },
      'verified',
      gso,
    );
    if (!parentId) hdId = id;
    byNameHd.set(r.name!, id);
  }

  // 01/07/2025: districts abolished; every commune is a new unit directly under the city (codes reused!).
  const valid0630 = new Map<string, string>(); // code → unit id of communes in force on 30/06/2025
  for (const v of b.versions) {
    if (
      (v.kind === 'commune' || v.kind === 'district') &&
      (v.validTo === null || v.validTo > '2025-06-30') &&
      (v.validFrom === null || v.validFrom <= '2025-06-30')
    ) {
      valid0630.set(v.code!, v.unitId);
    }
  }
  for (const v of b.versions) {
    if (v.validTo === null && v.unitId !== hpId && (v.kind === 'district' || v.kind === 'commune'))
      v.validTo = REFORM_2025_07;
  }
  const reorgId = crypto.randomUUID();
  const hp7 = read('haiphong-2025-07.csv');
  const byCode7 = new Map<string, string>();
  for (const r of hp7) {
    if (!r.parent_name) continue; // the city itself continues
    const id = b.add(
      hpId,
      'haiphong-2025-07.csv',
      {
        code: r.code_if_known || null,
        name: r.name!,
        kind: 'commune',
        adminType: r.type!,
        parentUnitId: hpId,
        validFrom: REFORM_2025_07,
        validTo: null,
      },
      'verified',
      'Công văn 1027/CTK-CSCL (25/06/2025); Nghị quyết 1669/NQ-UBTVQH15',
    );
    byCode7.set(r.code_if_known!, id);
  }
  for (const m of read('haiphong-merges-2025-07.csv')) {
    const successor = byCode7.get(m.new_code!);
    const predecessor = valid0630.get(m.old_code!);
    if (!successor || !predecessor) {
      unmatched.push(`${m.old_code} ${m.old_name} → ${m.new_code} ${m.new_name}`);
      continue;
    }
    const oldVersion = b.current(predecessor);
    if (
      foldVietnamese(oldVersion.name) !== foldVietnamese(m.old_name!) &&
      oldVersion.validFrom !== REFORM_2025_01
    ) {
      // Hải Dương's own 01/01/2025 arrangement renamed communes; we only hold its 2023 list. The mapping names
      // the unit as it was on 30/06/2025: record that name from 01/01/2025 (date assumed, see data/units/README.md).
      b.change(predecessor, REFORM_2025_01, {
        name: m.old_name!,
        adminType: m.old_name!.split(' ')[0] === 'Thị' ? 'Thị trấn' : oldVersion.adminType,
      });
      renamed.push(m.old_code!);
    }
    b.links.push({
      predecessorUnitId: predecessor,
      successorUnitId: successor,
      share: m.merge_type === 'partial' ? 'partial' : 'full',
      effectiveDate: REFORM_2025_07,
      reorganisationId: reorgId,
    });
  }
  chooseRecordsSuccessor(b, REFORM_2025_07);
  b.links.push({
    predecessorUnitId: hdId,
    successorUnitId: hpId,
    share: 'full',
    effectiveDate: REFORM_2025_07,
    reorganisationId: reorgId,
  });

  seedAgencies(b, hpId);

  await db.transaction(async (tx) => {
    await tx.insert(reorganisation).values({
      id: reorg2501Id,
      provinceId: hpId,
      type: 'merge',
      effectiveDate: REFORM_2025_01,
      legalBasis: LEGAL_BASIS_2025_01,
      note: 'Sắp xếp ĐVHC cấp huyện, cấp xã của thành phố Hải Phòng giai đoạn 2023–2025 (seed)',
    });
    await tx.insert(reorganisation).values({
      id: reorgId,
      provinceId: hpId,
      type: 'merge',
      effectiveDate: REFORM_2025_07,
      legalBasis: 'Nghị quyết 202/2025/QH15; Nghị quyết 1669/NQ-UBTVQH15',
      note: 'Hợp nhất tỉnh Hải Dương vào thành phố Hải Phòng; bỏ cấp huyện; sắp xếp ĐVHC cấp xã (seed)',
    });
    for (let i = 0; i < b.units.length; i += 500) await tx.insert(orgUnit).values(b.units.slice(i, i + 500));
    for (let i = 0; i < b.versions.length; i += 500)
      await tx.insert(orgUnitVersion).values(b.versions.slice(i, i + 500));
    for (let i = 0; i < b.links.length; i += 500)
      await tx.insert(orgUnitSuccession).values(b.links.slice(i, i + 500));
    for (const provinceId of [hpId, hdId]) await seedDefaultGroups(tx, provinceId);
    const summary = {
      units: b.units.length,
      versions: b.versions.length,
      successions: b.links.length,
      unmatchedMerges: unmatched.length,
      renamedFromMergeMapping: renamed.length,
    };
    await tx.insert(setting).values({ key: 'seed.units', value: summary });
    await insertAudit(tx, {
      actorUserId: null,
      actorName: 'seed',
      action: 'seed.units',
      entityType: 'org_unit',
      entityId: null,
      provinceId: hpId,
      after: summary,
    });
  });
  return {
    units: b.units.length,
    versions: b.versions.length,
    successions: b.links.length,
    unmatchedMerges: unmatched,
    renamedFromMergeMapping: renamed.length,
  };
}

/**
 * A commune split among several new ones (partial successions of 01/07/2025) gives its records to one of them, so a
 * record counts once and in the same place on every database (before, the successor with the lowest random id took
 * them). The seed's choice: the successor that carries on the ended commune's official code (the GSO list gave the
 * new unit the code of one of the units it was formed from), else the one with the lowest code; the other
 * successions keep the link without the records (org_unit_succession.receives_records), and an administrator may
 * choose otherwise in the reorganisation form. Migration 0028 makes the same choice for installs seeded before.
 */
function chooseRecordsSuccessor(b: UnitBuilder, date: string) {
  const codeOf = (unitId: string) => b.current(unitId).code ?? '';
  const splits = new Map<string, (typeof b.links)[number][]>();
  for (const l of b.links) {
    if (l.effectiveDate !== date || l.share !== 'partial') continue;
    splits.set(l.predecessorUnitId, [...(splits.get(l.predecessorUnitId) ?? []), l]);
  }
  for (const [predecessor, links] of splits) {
    if (links.length < 2) continue;
    const oldCode = codeOf(predecessor); // its code on 30/06/2025, as the merge mapping names it
    const byCode = [...links].sort((x, y) =>
      codeOf(x.successorUnitId).localeCompare(codeOf(y.successorUnitId)),
    );
    const chosen = byCode.find((l) => oldCode && codeOf(l.successorUnitId) === oldCode) ?? byCode[0]!;
    for (const l of links) l.receivesRecords = l === chosen;
  }
}

/**
 * City agencies of Hải Phòng from haiphong-agencies-2023.csv. Rows flagged "unverified" are left out; the
 * People's Committee row is the city unit itself; the city portal and the police publication are channels
 * (recorded with the evidence records), not org units.
 */
function seedAgencies(b: UnitBuilder, hpId: string) {
  const rows = read('haiphong-agencies-2023.csv').filter(
    (r) => r.confidence === 'verified' || r.confidence === 'likely',
  );
  const skip = (r: Record<string, string>) =>
    r.type!.startsWith('UBND cấp tỉnh') ||
    r.type === 'Tổng số' ||
    r.type!.startsWith('Cổng TTĐT') ||
    r.type!.startsWith('Ấn phẩm');
  const kindOf = (type: string): OrgUnitKind =>
    type.startsWith('Cơ quan báo chí')
      ? 'press_agency'
      : type.startsWith('Hội')
        ? 'mass_organisation'
        : 'department';
  const byName = new Map<string, string>();
  for (const r of rows.filter((x) => x.period === '2023' && !skip(x))) {
    byName.set(
      r.name!,
      b.add(
        hpId,
        'haiphong-agencies-2023.csv',
        {
          code: null,
          name: r.name!,
          kind: kindOf(r.type!),
          adminType: r.type!,
          parentUnitId: hpId,
          validFrom: null,
          validTo: null,
        },
        r.confidence!,
        r.evidence!,
      ),
    );
  }
  // 2025 arrangement of departments (plan of 12 → 6 mergers, per the evidence column). Continuing units keep
  // their identity; merged ones end on the day the merged departments began. The file's "2025-07-01" rows are the
  // city's agencies as they stood on that day (the new city's first session), not the day each merger happened:
  // provinces' departments merged from 01/03/2025 (DEPARTMENT_MERGERS_2025). The press merger's own date is not
  // in the sources, so it stays on the day the file first shows the merged agency.
  const mergedOn = (name: string) => (name.startsWith('Sở') ? DEPARTMENT_MERGERS_2025 : REFORM_2025_07);
  const date = REFORM_2025_07;
  const successions: [string, string[], 'full' | 'partial'][] = [
    [
      'Sở Nông nghiệp và Môi trường',
      ['Sở Nông nghiệp và Phát triển nông thôn', 'Sở Tài nguyên và Môi trường'],
      'full',
    ],
    ['Sở Văn hóa, Thể thao và Du lịch', ['Sở Văn hóa và Thể thao', 'Sở Du lịch'], 'full'],
    [
      'Sở Khoa học và Công nghệ (gồm mảng TT&TT cũ trừ báo chí)',
      ['Sở Khoa học và Công nghệ', 'Sở Thông tin và Truyền thông'],
      'full',
    ],
    [
      'Báo và Phát thanh, Truyền hình Hải Phòng',
      ['Báo Hải Phòng', 'Đài Phát thanh và Truyền hình Hải Phòng (THP)'],
      'full',
    ],
  ];
  const absorbed: [string, string][] = [
    ['Sở Nội vụ', 'Sở Lao động - Thương binh và Xã hội'],
    ['Sở Xây dựng', 'Sở Giao thông vận tải'],
    ['Sở Tài chính', 'Sở Kế hoạch và Đầu tư'],
  ];
  for (const r of rows.filter((x) => x.period === date && !skip(x))) {
    if (byName.has(r.name!)) continue; // same department continues (Sở Nội vụ, Sở Xây dựng, Sở GD&ĐT)
    const plan = successions.find(([n]) => n === r.name);
    if (!plan && r.name!.startsWith('Ban Quản lý Khu kinh tế')) continue; // the 2023 board continues
    const name = r.name!.replace(/\s*\(gồm.*\)$/, '');
    const from = mergedOn(name);
    const id = b.add(
      hpId,
      'haiphong-agencies-2023.csv',
      {
        code: null,
        name,
        kind: kindOf(r.type!),
        adminType: r.type!,
        parentUnitId: hpId,
        validFrom: from,
        validTo: null,
      },
      r.confidence!,
      r.evidence!,
    );
    for (const old of plan?.[1] ?? []) {
      const oldId = byName.get(old);
      if (!oldId) continue;
      b.end(oldId, from);
      b.links.push({
        predecessorUnitId: oldId,
        successorUnitId: id,
        share: plan![2],
        effectiveDate: from,
        reorganisationId: null,
      });
    }
  }
  for (const [into, old] of absorbed) {
    const intoId = byName.get(into);
    const oldId = byName.get(old);
    if (!intoId || !oldId) continue;
    b.end(oldId, DEPARTMENT_MERGERS_2025);
    b.links.push({
      predecessorUnitId: oldId,
      successorUnitId: intoId,
      share: 'full',
      effectiveDate: DEPARTMENT_MERGERS_2025,
      reorganisationId: null,
    });
  }
}

/**
 * The groups later targets and tasks refer to ("all departments", "all district People's Committees"…): the rules
 * every province gets (domain defaultUnitGroups), under the names Hải Phòng's plans use.
 */
export async function seedDefaultGroups(db: Db, provinceId: string): Promise<void> {
  await ensureDefaultGroups(
    db,
    provinceId,
    defaultUnitGroups(
      { hasDistricts: true },
      {
        'all-districts': 'UBND các quận, huyện',
        'all-communes': 'UBND các xã, phường, thị trấn',
        'all-local-government': 'Các sở, ban, ngành; UBND các quận, huyện, xã, phường, thị trấn',
      },
    ),
  );
}

/** The province root id for an official code among roots (e.g. '31' Hải Phòng). */
export async function findProvinceByCode(db: Db, code: string): Promise<string | null> {
  const rows = await queryRows<{ unit_id: string }>(
    db,
    sql`SELECT v.unit_id FROM org_unit_version v WHERE v.parent_unit_id IS NULL AND v.code = ${code} LIMIT 1`,
  );
  return rows[0]?.unit_id ?? null;
}
