import { detectLegacyEncoding, legacyTextMessage } from '../legacy-encoding';
import type { OrgUnitKind } from '../org-unit';
import type { Cell } from '../records/import';
import { foldVietnamese, normalizeText, stripInvisible } from '../text';
import {
  CODE_WIDTH,
  type ColumnMap,
  detectColumns,
  GSO_COLUMNS,
  KNOWN_TYPES_TEXT,
  kindOfType,
  typeFromName,
  UNITS_COLUMNS,
  type UnitImportFormat,
} from './columns';

/*
 * Reading a list of units for a province (issue 15): every row is either understood (a unit to create, with its
 * kind and parent) or explained in Vietnamese; nothing is written unless every row is understood (all or nothing).
 * Pure: the caller passes the province and the units it has on the effective date.
 */

/** A unit the province already has on the effective date. */
export type ExistingUnit = {
  unitId: string;
  code: string | null;
  name: string;
  kind: OrgUnitKind;
  parentUnitId: string | null;
};

export type UnitImportContext = {
  province: { unitId: string; code: string | null; name: string };
  /** The province's units in force on the effective date (the province itself included or not). */
  existing: ExistingUnit[];
};

/** Where a new unit hangs: an existing unit, or another row of the file (by its index in `units`). */
export type ParentRef = { unitId: string } | { newIndex: number };

export type PlannedUnit = {
  row: number;
  code: string | null;
  name: string;
  kind: OrgUnitKind;
  adminType: string | null;
  parent: ParentRef;
  parentName: string;
};

export type RowStatus = 'ok' | 'error' | 'skipped';

/** One line of the dry-run table. */
export type UnitImportRow = {
  row: number;
  status: RowStatus;
  code: string | null;
  name: string;
  kind: OrgUnitKind | null;
  adminType: string | null;
  parentName: string | null;
  /** Problems (status error) or notes (ok / skipped: text normalised, the province's own row…), in Vietnamese. */
  messages: string[];
};

export type UnitImportCheck = {
  format: UnitImportFormat;
  rows: UnitImportRow[];
  /** The units to create, parents before children; meaningful only when `errors` is 0. */
  units: PlannedUnit[];
  errors: number;
  counts: Partial<Record<OrgUnitKind, number>>;
};

export class UnitImportHeaderError extends Error {}

/** Text of a cell: NFC, invisible characters removed, white space collapsed; numbers as their digits. */
function textOf(cell: Cell): { text: string; wasNfd: boolean } {
  if (cell === null || cell === undefined) return { text: '', wasNfd: false };
  if (typeof cell === 'number')
    return { text: Number.isInteger(cell) ? String(cell) : String(cell), wasNfd: false };
  if (cell instanceof Date) return { text: cell.toISOString().slice(0, 10), wasNfd: false };
  const raw = String(cell);
  const clean = normalizeText(stripInvisible(raw));
  return { text: clean, wasNfd: raw.normalize('NFC') !== raw };
}

const key = (s: string) => foldVietnamese(s);

/** Raw fields of one row, in the same shape for both layouts. */
type RawUnit = {
  row: number;
  code: string;
  name: string;
  type: string;
  parent: string;
  /** GSO rows name their district and province by code too. */
  parentCode?: string;
  provinceCode?: string;
  provinceName?: string;
  /** Columns (header names) for messages. */
  columns: { code: string; name: string; type: string; parent: string };
  notes: string[];
  problems: string[];
};

function readCells(
  row: number,
  cells: Cell[],
  pick: Record<string, number | undefined>,
): { values: Record<string, string>; notes: string[]; problems: string[] } {
  const values: Record<string, string> = {};
  const notes: string[] = [];
  const problems: string[] = [];
  let nfd = false;
  for (const [k, i] of Object.entries(pick)) {
    const { text, wasNfd } = textOf(i === undefined ? null : cells[i]);
    nfd ||= wasNfd;
    const legacy = detectLegacyEncoding(text);
    if (legacy) problems.push(legacyTextMessage(text, legacy));
    values[k] = text;
  }
  if (nfd) notes.push('Chữ ở dạng tổ hợp (NFD) đã được chuẩn hoá sang Unicode dựng sẵn (NFC)');
  return { values, notes, problems };
}

function rawUnitsOf(
  map: ColumnMap,
  headers: readonly string[],
  rows: { row: number; cells: Cell[] }[],
): RawUnit[] {
  const header = (i: number | undefined, fallback: string) =>
    i === undefined ? fallback : (headers[i] ?? fallback);
  if (map.format === 'units') {
    const columns = {
      code: header(map.code, 'Mã'),
      name: header(map.name, 'Tên đơn vị'),
      type: header(map.type, 'Loại'),
      parent: header(map.parent, 'Đơn vị cấp trên'),
    };
    return rows.map((r) => {
      const { values, notes, problems } = readCells(r.row, r.cells, {
        code: map.code,
        name: map.name,
        type: map.type,
        parent: map.parent,
      });
      return {
        row: r.row,
        code: values.code!,
        name: values.name!,
        type: values.type!,
        parent: values.parent!,
        columns,
        notes,
        problems,
      };
    });
  }
  // The official list: one row per commune; its district (where any) is implied by the row and created once.
  const out: RawUnit[] = [];
  const districts = new Set<string>();
  for (const r of rows) {
    const { values, notes, problems } = readCells(r.row, r.cells, {
      provinceCode: map.provinceCode,
      provinceName: map.provinceName,
      districtCode: map.districtCode,
      districtName: map.districtName,
      communeCode: map.communeCode,
      communeName: map.communeName,
      level: map.level,
    });
    const hasDistrict = values.districtName !== '' || values.districtCode !== '';
    if (hasDistrict) {
      const dKey = `${values.districtCode}|${key(values.districtName ?? '')}`;
      if (!districts.has(dKey)) {
        districts.add(dKey);
        out.push({
          row: r.row,
          code: values.districtCode!,
          name: values.districtName!,
          type: typeFromName(values.districtName!) ?? '',
          parent: '',
          provinceCode: values.provinceCode,
          provinceName: values.provinceName,
          columns: {
            code: header(map.districtCode, 'Mã QH'),
            name: header(map.districtName, 'Quận Huyện'),
            type: header(map.districtName, 'Quận Huyện'),
            parent: header(map.provinceName, 'Tỉnh / Thành Phố'),
          },
          notes: [],
          problems: [...problems],
        });
      }
    }
    out.push({
      row: r.row,
      code: values.communeCode!,
      name: values.communeName!,
      type: values.level || typeFromName(values.communeName!) || '',
      parent: hasDistrict ? values.districtName! : '',
      parentCode: hasDistrict ? values.districtCode : undefined,
      provinceCode: values.provinceCode,
      provinceName: values.provinceName,
      columns: {
        code: header(map.communeCode, 'Mã PX'),
        name: header(map.communeName, 'Phường Xã'),
        type: header(map.level, 'Cấp'),
        parent: header(map.districtName, 'Quận Huyện'),
      },
      notes,
      problems,
    });
  }
  return out;
}

/** Pads an all-digit official code to its level's width (Excel drops the leading zeros of "00004"). */
function officialCode(code: string, kind: OrgUnitKind | null): string {
  const width = kind ? CODE_WIDTH[kind] : undefined;
  return width && /^\d+$/.test(code) && code.length < width ? code.padStart(width, '0') : code;
}

const CODE_RE = /^[0-9A-Za-z._-]{1,32}$/;

/** Which kinds may sit under which (a commune under a commune is a mistake in the file, not a structure). */
function parentAllowed(child: OrgUnitKind, parent: OrgUnitKind): boolean {
  if (child === 'province') return false;
  if (child === 'district') return parent === 'province';
  if (child === 'commune') return parent === 'province' || parent === 'district';
  return parent !== 'commune' || child === 'school';
}

/**
 * Checks the rows of a file against the province: every row is understood or explained. `headers` and `rows` are
 * the table as read (row numbers as Excel shows them).
 */
export function checkUnitImport(
  headers: readonly string[],
  rows: { row: number; cells: Cell[] }[],
  ctx: UnitImportContext,
): UnitImportCheck {
  const map = detectColumns(headers);
  if (!map)
    throw new UnitImportHeaderError(
      `Không nhận ra dòng tiêu đề. Dùng mẫu của hệ thống (cột: ${UNITS_COLUMNS.name[0]}, ${UNITS_COLUMNS.type[0]}, ${UNITS_COLUMNS.parent[0]}) hoặc danh mục của Tổng cục Thống kê (cột: ${GSO_COLUMNS.communeCode[0]}, ${GSO_COLUMNS.communeName[0]}, ${GSO_COLUMNS.level[0]})`,
    );
  const raws = rawUnitsOf(map, headers, rows);
  const province = ctx.province;
  const provinceKey = key(province.name);
  const isProvince = (name: string, code?: string) =>
    (name !== '' && key(name) === provinceKey) ||
    (!!code && !!province.code && code === province.code && name === '');

  // Existing units by folded name (several may share one: communes of different districts).
  const existingByName = new Map<string, ExistingUnit[]>();
  const existingByCode = new Map<string, ExistingUnit>();
  const existingById = new Map<string, ExistingUnit>();
  for (const u of ctx.existing) {
    existingById.set(u.unitId, u);
    existingByName.set(key(u.name), [...(existingByName.get(key(u.name)) ?? []), u]);
    if (u.code) existingByCode.set(u.code, u);
  }

  const out: UnitImportRow[] = [];
  type Pending = { raw: RawUnit; line: UnitImportRow; kind: OrgUnitKind | null; code: string | null };
  const pending: Pending[] = [];

  for (const raw of raws) {
    const line: UnitImportRow = {
      row: raw.row,
      status: 'ok',
      code: raw.code || null,
      name: raw.name,
      kind: null,
      adminType: raw.type || null,
      parentName: raw.parent || province.name,
      messages: [...raw.problems, ...raw.notes],
    };
    out.push(line);
    if (raw.problems.length > 0) line.status = 'error';
    // The province's own row (data/units/*.csv start with it): understood, nothing to create.
    if (raw.parent === '' && isProvince(raw.name)) {
      line.status = line.status === 'error' ? 'error' : 'skipped';
      line.kind = 'province';
      line.parentName = null;
      line.messages.push('Dòng của chính tỉnh, thành phố: đã có trên hệ thống, không tạo lại');
      continue;
    }
    if (
      raw.provinceName &&
      !isProvince(raw.provinceName) &&
      !(raw.provinceCode && raw.provinceCode === province.code)
    ) {
      line.status = 'error';
      line.messages.push(`Dòng thuộc "${raw.provinceName}", không phải ${province.name}`);
    }
    if (raw.name === '') {
      line.status = 'error';
      line.messages.push(`Thiếu tên đơn vị (cột "${raw.columns.name}")`);
    } else if (raw.name.length > 300) {
      line.status = 'error';
      line.messages.push('Tên đơn vị quá dài (tối đa 300 ký tự)');
    }
    let kind: OrgUnitKind | null = null;
    if (raw.type === '') {
      line.status = 'error';
      line.messages.push(`Thiếu loại đơn vị (cột "${raw.columns.type}"): ghi một trong ${KNOWN_TYPES_TEXT}`);
    } else {
      kind = kindOfType(raw.type, true);
      if (kind === null) {
        line.status = 'error';
        line.messages.push(`Loại "${raw.type}" không rõ: ghi một trong ${KNOWN_TYPES_TEXT}`);
      } else if (kind === 'province') {
        line.status = 'error';
        line.messages.push(
          `Loại "${raw.type}" là cấp tỉnh: mỗi tệp nhập đơn vị cho một tỉnh, thành phố (${province.name})`,
        );
      }
    }
    line.kind = kind;
    const code = raw.code === '' ? null : officialCode(raw.code, kind);
    line.code = code;
    if (code !== null && !CODE_RE.test(code)) {
      line.status = 'error';
      line.messages.push(`Mã "${code}" không hợp lệ: chỉ gồm chữ, số, dấu chấm, gạch (tối đa 32 ký tự)`);
    }
    pending.push({ raw, line, kind, code });
  }

  // Duplicate codes: within the file, and with a unit the province has on the date.
  const byCode = new Map<string, Pending[]>();
  for (const p of pending) if (p.code) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);
  for (const [code, list] of byCode) {
    if (list.length > 1)
      for (const p of list) {
        p.line.status = 'error';
        p.line.messages.push(
          `Mã ${code} trùng với dòng ${list
            .filter((x) => x !== p)
            .map((x) => x.raw.row)
            .join(', ')}`,
        );
      }
    const stored = existingByCode.get(code);
    if (stored)
      for (const p of list) {
        p.line.status = 'error';
        p.line.messages.push(`Mã ${code} đã thuộc "${stored.name}" trên hệ thống vào ngày hiệu lực`);
      }
  }

  // Parents: another row of the file (by name, or by code for the official list) or an existing unit.
  const fileByName = new Map<string, Pending[]>();
  const fileByCode = new Map<string, Pending>();
  for (const p of pending) {
    if (p.raw.name) fileByName.set(key(p.raw.name), [...(fileByName.get(key(p.raw.name)) ?? []), p]);
    if (p.code) fileByCode.set(p.code, p);
  }
  const parentOf = new Map<Pending, { file: Pending } | { unit: ExistingUnit } | { province: true }>();
  for (const p of pending) {
    const parentName = p.raw.parent;
    if (parentName === '' || isProvince(parentName)) {
      parentOf.set(p, { province: true });
      continue;
    }
    const byCodeInFile = p.raw.parentCode
      ? fileByCode.get(officialCode(p.raw.parentCode, 'district'))
      : undefined;
    const inFile = byCodeInFile
      ? [byCodeInFile]
      : (fileByName.get(key(parentName)) ?? []).filter((x) => x !== p);
    const stored = existingByName.get(key(parentName)) ?? [];
    const candidates = inFile.length + stored.length;
    if (candidates === 0) {
      p.line.status = 'error';
      p.line.messages.push(
        `Không tìm thấy đơn vị cấp trên "${parentName}" trong tệp hoặc trong ${province.name}: kiểm tra chính tả, hoặc thêm dòng của đơn vị đó`,
      );
    } else if (candidates > 1) {
      p.line.status = 'error';
      p.line.messages.push(
        `Có ${candidates} đơn vị tên "${parentName}" (${[
          ...inFile.map((x) => `dòng ${x.raw.row}`),
          ...stored.map(() => 'trên hệ thống'),
        ].join(', ')}): ghi tên đầy đủ khác nhau để phân biệt`,
      );
    } else if (inFile[0]) parentOf.set(p, { file: inFile[0] });
    else parentOf.set(p, { unit: stored[0]! });
  }

  // Kinds that cannot sit under their parent; the same name twice under one parent.
  const kindOfParent = (
    ref: { file: Pending } | { unit: ExistingUnit } | { province: true },
  ): OrgUnitKind | null => ('province' in ref ? 'province' : 'file' in ref ? ref.file.kind : ref.unit.kind);
  const siblings = new Map<string, Pending[]>();
  for (const p of pending) {
    const ref = parentOf.get(p);
    if (!ref || !p.kind) continue;
    const parentKind = kindOfParent(ref);
    if (parentKind && !parentAllowed(p.kind, parentKind)) {
      p.line.status = 'error';
      p.line.messages.push(
        `Đơn vị loại "${p.raw.type}" không thể trực thuộc "${p.raw.parent}" (${parentKind === 'commune' ? 'cấp xã' : parentKind === 'district' ? 'cấp huyện' : parentKind})`,
      );
    }
    const parentId =
      'province' in ref ? province.unitId : 'file' in ref ? `row:${ref.file.raw.row}` : ref.unit.unitId;
    const k = `${parentId}|${key(p.raw.name)}`;
    siblings.set(k, [...(siblings.get(k) ?? []), p]);
    const twin = ctx.existing.find(
      (u) =>
        key(u.name) === key(p.raw.name) &&
        (u.parentUnitId ?? province.unitId) ===
          ('province' in ref ? province.unitId : 'unit' in ref ? ref.unit.unitId : ''),
    );
    if (twin && p.raw.name !== '') {
      p.line.status = 'error';
      p.line.messages.push(`"${twin.name}" đã có trên hệ thống (cùng đơn vị cấp trên) vào ngày hiệu lực`);
    }
  }
  for (const list of siblings.values())
    if (list.length > 1)
      for (const p of list) {
        p.line.status = 'error';
        p.line.messages.push(
          `Tên trùng với dòng ${list
            .filter((x) => x !== p)
            .map((x) => x.raw.row)
            .join(', ')} (cùng đơn vị cấp trên)`,
        );
      }

  // A row whose parent row is in error cannot be created either (all or nothing keeps the tree whole).
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of pending) {
      const ref = parentOf.get(p);
      if (p.line.status === 'error' || !ref || !('file' in ref) || ref.file.line.status !== 'error') continue;
      p.line.status = 'error';
      p.line.messages.push(`Đơn vị cấp trên ở dòng ${ref.file.raw.row} có lỗi; sửa dòng đó trước`);
      changed = true;
    }
  }

  // Order: parents before children (depth first from the province), cycles reported.
  const units: PlannedUnit[] = [];
  const indexOfPending = new Map<Pending, number>();
  const visiting = new Set<Pending>();
  const place = (p: Pending): number | null => {
    if (indexOfPending.has(p)) return indexOfPending.get(p)!;
    if (p.line.status === 'error' || !p.kind) return null;
    const ref = parentOf.get(p);
    if (!ref) return null;
    let parent: ParentRef;
    if ('province' in ref) parent = { unitId: province.unitId };
    else if ('unit' in ref) parent = { unitId: ref.unit.unitId };
    else {
      if (visiting.has(p)) {
        p.line.status = 'error';
        p.line.messages.push('Đơn vị cấp trên vòng lại chính nó');
        return null;
      }
      visiting.add(p);
      const i = place(ref.file);
      visiting.delete(p);
      if (i === null) return null;
      parent = { newIndex: i };
    }
    units.push({
      row: p.raw.row,
      code: p.code,
      name: p.raw.name,
      kind: p.kind,
      adminType: p.raw.type || null,
      parent,
      parentName: 'province' in ref ? province.name : p.raw.parent,
    });
    indexOfPending.set(p, units.length - 1);
    return units.length - 1;
  };
  for (const p of pending) place(p);

  const counts: Partial<Record<OrgUnitKind, number>> = {};
  for (const u of units) counts[u.kind] = (counts[u.kind] ?? 0) + 1;
  for (const l of out) if (l.status === 'ok' && l.kind && l.parentName === null) l.parentName = province.name;
  return {
    format: map.format,
    rows: out,
    units,
    errors: out.filter((l) => l.status === 'error').length,
    counts,
  };
}

/**
 * The effective date offered when the user has not chosen one (issue 15): 1 January of the province's earliest plan
 * year, or of the current year when it has no plan — never silently today, so units count for the whole plan year.
 * Kept within the province's life [validFrom, validTo): a province that ended is offered the last 1 January it
 * lived through, one formed later its first day.
 */
export function defaultEffectiveDate(
  earliestPlanYear: number | null,
  today: string,
  period: { validFrom: string | null; validTo: string | null } = { validFrom: null, validTo: null },
): string {
  let date = `${earliestPlanYear ?? Number(today.slice(0, 4))}-01-01`;
  if (period.validTo !== null && date >= period.validTo) {
    const lastYear = Number(period.validTo.slice(0, 4)) - (period.validTo.slice(5) === '01-01' ? 1 : 0);
    date = `${lastYear}-01-01`;
  }
  if (period.validFrom !== null && date < period.validFrom) date = period.validFrom;
  return date;
}
