import { inForceOn } from '../dates';
import { foldVietnamese } from '../text';

/*
 * The national catalogue of provincial-level units through time (issue 15; data and provenance in
 * packages/db/data/provinces/README.md). A system administrator adds a province from it instead of typing it.
 */

/** The two kinds of provincial-level unit (Hiến pháp 2013, Điều 110): a province or a centrally-run city. */
export const PROVINCE_ADMIN_TYPES = ['Tỉnh', 'Thành phố Trung ương'] as const;
export type ProvinceAdminType = (typeof PROVINCE_ADMIN_TYPES)[number];

/** One provincial-level unit over one period; [validFrom, validTo) like org_unit_version. */
export type CatalogueProvince = {
  code: string;
  name: string;
  adminType: ProvinceAdminType;
  validFrom: string | null;
  validTo: string | null;
  predecessorCodes: string[];
  legalBasis: string | null;
};

/** The province's own word: "tỉnh" or "thành phố" (its People's Committee is "UBND tỉnh …" / "UBND thành phố …"). */
export function provinceWord(adminType: string): 'tỉnh' | 'thành phố' {
  return adminType === 'Tỉnh' ? 'tỉnh' : 'thành phố';
}

/** True when the row is in force on `date` (half-open, as every "as of" in the platform). */
export function catalogueInForce(p: Pick<CatalogueProvince, 'validFrom' | 'validTo'>, date: string): boolean {
  return inForceOn(p, date);
}

/** Rows in force on `date`, by name (Vietnamese order). */
export function provincesOn<T extends CatalogueProvince>(rows: T[], date: string): T[] {
  return rows.filter((r) => catalogueInForce(r, date)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Whether two periods overlap (a province added twice for overlapping periods is the same province). */
export function periodsOverlap(
  a: { validFrom: string | null; validTo: string | null },
  b: { validFrom: string | null; validTo: string | null },
): boolean {
  const startsBeforeEnd = (x: typeof a, y: typeof a) =>
    x.validFrom === null || y.validTo === null || x.validFrom < y.validTo;
  return startsBeforeEnd(a, b) && startsBeforeEnd(b, a);
}

/** Reads the catalogue's CSV rows (header names as in vietnam-provinces.csv); throws on a malformed row. */
export function readCatalogueRows(rows: Record<string, string>[]): CatalogueProvince[] {
  return rows.map((r, i) => {
    const where = `province catalogue row ${i + 2}`;
    if (!/^\d{2}$/.test(r.code ?? '')) throw new Error(`${where}: code "${r.code}" is not two digits`);
    if (!PROVINCE_ADMIN_TYPES.includes(r.admin_type as ProvinceAdminType))
      throw new Error(`${where}: admin_type "${r.admin_type}"`);
    const date = (s: string | undefined) => {
      if (!s) return null;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new Error(`${where}: date "${s}"`);
      return s;
    };
    return {
      code: r.code!,
      name: r.name!.normalize('NFC'),
      adminType: r.admin_type as ProvinceAdminType,
      validFrom: date(r.valid_from),
      validTo: date(r.valid_to),
      predecessorCodes: (r.predecessor_codes ?? '').split(';').filter(Boolean),
      legalBasis: r.legal_basis || null,
    };
  });
}

/**
 * Consistency of a catalogue (problems as sentences; empty = consistent): a code names one row on any day, names
 * start with their type word, and every predecessor ends the day its successor starts.
 */
export function checkCatalogue(rows: CatalogueProvince[]): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, CatalogueProvince[]>();
  for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  for (const [code, list] of byCode)
    for (const [i, a] of list.entries())
      for (const b of list.slice(i + 1))
        if (periodsOverlap(a, b)) problems.push(`code ${code}: ${a.name} and ${b.name} overlap`);
  for (const r of rows) {
    const word = r.adminType === 'Tỉnh' ? 'tinh ' : 'thanh pho ';
    if (!foldVietnamese(r.name).startsWith(word))
      problems.push(`${r.name}: name does not start with its type`);
    for (const p of r.predecessorCodes) {
      const ended = (byCode.get(p) ?? []).some((x) => x !== r && x.validTo === r.validFrom);
      if (!ended) problems.push(`${r.name}: predecessor ${p} does not end on ${r.validFrom}`);
    }
  }
  return problems;
}
