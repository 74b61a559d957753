import {
  analyzeDatabase,
  type Db,
  existingPublications,
  existingRecordIdentities,
  getUnitScope,
  importPeopleLookups,
  importUnitLookups,
  insertImportedRecords,
  lockForWrite,
  publicationImportLookups,
} from '@dx/db';
import {
  AppError,
  type Cell,
  type CheckedRecord,
  checkRecordRows,
  type ImportIssue,
  isAllowed,
  localDateOf,
  mapImportColumns,
  RECORD_IMPORT_SPECS,
  type RecordImportLookups,
  type RecordType,
  recordImportKey,
} from '@dx/domain';
import { readTable } from '../../lib/tabular';
import { audit, type UseCaseContext } from '../../use-case/context';
import { columnsOf, linksOf } from './record-access';

export type ImportReport = {
  total: number;
  valid: number;
  saved: number;
  batchId: number | null;
  issues: ImportIssue[];
};

/** Rows one file may hold: a year of a city's publications fits in one upload (issue 12); other records are fewer. */
export const MAX_IMPORT_ROWS: Record<RecordType, number> = {
  publication: 100_000,
  unit_plan: 20_000,
  channel: 20_000,
  person: 20_000,
  training: 20_000,
  dx_model: 20_000,
  event: 20_000,
};

/** Who may upload at all: anyone who writes records somewhere in the province (each row is then checked). */
export function authorizeImport(ctx: UseCaseContext, provinceId: string) {
  const grants = ctx.actor.grants;
  const writesSomewhere = grants.some(
    (g) =>
      (g.unitId === null || g.provinceId === provinceId) &&
      ['unit_officer', 'dx_office', 'administrator'].includes(g.role),
  );
  if (!writesSomewhere && !isAllowed(grants, 'record.write_any', { provinceId, path: [provinceId] }))
    throw new AppError('AUTH.FORBIDDEN', 'Bạn không có quyền nhập hồ sơ cho tỉnh, thành phố này');
}

/** Everything a row of `type` may name: units, channels, themes, models, people (as of today). */
export async function loadImportLookups(ctx: UseCaseContext, type: RecordType, provinceId: string) {
  const today = localDateOf(ctx.now);
  const base = await publicationImportLookups(ctx.db, provinceId);
  const units = await importUnitLookups(ctx.db, provinceId, today);
  const people = type === 'training' ? await importPeopleLookups(ctx.db, provinceId) : [];
  // An empty unit cell means the user's unit when they write for exactly one unit.
  const own = [
    ...new Set(
      ctx.actor.grants
        .filter((g) => g.role === 'unit_officer' && g.unitId && g.provinceId === provinceId)
        .map((g) => g.unitId!),
    ),
  ];
  return { ...base, units, people, defaultUnitId: own.length === 1 ? own[0]! : null };
}

/**
 * Imports records of any type from an .xlsx/.csv made from its template. `confirm: false` is the dry run: every row
 * is checked and each problem reported by row and column, nothing saved. `confirm: true` saves every valid row in one
 * transaction (all or nothing) and reports the rows left out.
 */
export async function importRecords({
  ctx,
  type,
  provinceId,
  fileName,
  content,
  confirm,
}: {
  ctx: UseCaseContext;
  type: RecordType;
  provinceId: string;
  fileName: string;
  content: Buffer;
  confirm: boolean;
}): Promise<ImportReport> {
  authorizeImport(ctx, provinceId);
  const table = await readTable(content, fileName, {
    userId: ctx.actor.userId,
    maxRows: MAX_IMPORT_ROWS[type],
  });
  const spec = RECORD_IMPORT_SPECS[type];
  const index = mapImportColumns(type, table.headers);
  const rows = table.rows.map((r) => ({
    row: r.row,
    cells: Object.fromEntries(spec.columns.map((c) => [c.key, r.cells[index.get(c.key)!] as Cell])),
  }));

  const loaded = await loadImportLookups(ctx, type, provinceId);
  const today = localDateOf(ctx.now);
  const scopes = new Map<string, boolean>();
  const writable = async (unitIds: Iterable<string>) => {
    for (const unitId of unitIds) {
      if (scopes.has(unitId)) continue;
      const scope = await getUnitScope(ctx.db, unitId, today);
      scopes.set(
        unitId,
        !!scope &&
          (isAllowed(ctx.actor.grants, 'record.write', scope) ||
            isAllowed(ctx.actor.grants, 'record.write_any', scope)),
      );
    }
  };
  const lookups = (existing: Set<string>): RecordImportLookups => ({
    ...loaded,
    existing,
    canWriteFor: (unitId) => scopes.get(unitId) ?? false,
  });
  // First pass: which units the rows name and which rows are candidates; then their rights and stored twins.
  const first = checkRecordRows(type, rows, { ...lookups(new Set()), canWriteFor: () => true });
  await writable(first.unitIds);
  const existing = await storedKeys(ctx.db, type, first.valid);
  const { valid, issues } = checkRecordRows(type, rows, lookups(existing));
  const report: ImportReport = { total: rows.length, valid: valid.length, saved: 0, batchId: null, issues };
  if (!confirm || valid.length === 0) return report;

  const late: ImportIssue[] = [];
  const batchId = await ctx.db.transaction(async (tx) => {
    // The same file confirmed twice at once: the second confirm waits here for the first to commit, then finds
    // its rows stored and saves none of them again (issue 14 "Races").
    await lockForWrite(tx, `import:${type}:${provinceId}`);
    const storedNow = await storedKeys(tx, type, valid);
    const fresh = valid.filter((v) => !storedNow.has(v.key));
    for (const v of valid)
      if (storedNow.has(v.key))
        late.push({
          row: v.row,
          column: null,
          message:
            'Trùng hồ sơ vừa được lưu (tệp được xác nhận nhập hai lần cùng lúc); dòng này không nhập lại',
        });
    if (fresh.length === 0) return null;
    const id = await insertImportedRecords(tx, {
      type,
      provinceId,
      createdBy: ctx.actor.userId,
      fileName,
      rows: fresh.map((v) => toStored(type, v)),
    });
    await audit(tx, ctx, {
      action: `${type}.import`,
      entityType: 'import_batch',
      entityId: String(id),
      provinceId,
      after: {
        fileName,
        recordType: type,
        saved: fresh.length,
        skippedRows: [...new Set([...issues, ...late].map((i) => i.row))],
      },
    });
    return id;
  });
  // Planner statistics for the new rows (issue 12; PGlite has no autovacuum), off the answer's path.
  if (batchId !== null) void analyzeDatabase(ctx.db).catch(() => undefined);
  return {
    ...report,
    valid: valid.length - late.length,
    saved: valid.length - late.length,
    batchId,
    issues: [...issues, ...late].sort((a, b) => a.row - b.row),
  };
}

/** Keys (domain `recordImportKey`) of stored records the checked rows could duplicate. */
async function storedKeys(db: Db, type: RecordType, rows: CheckedRecord[]): Promise<Set<string>> {
  const keys = new Set<string>();
  if (rows.length === 0) return keys;
  if (type === 'publication') {
    const stored = await existingPublications(
      db,
      rows.map((v) => ({
        channelId: v.input.channelId as string,
        publishedOn: v.input.publishedOn as string,
      })),
    );
    for (const s of stored) keys.add(recordImportKey('publication', s));
  } else {
    const stored = await existingRecordIdentities(db, type, [...new Set(rows.map((v) => v.unitId))]);
    for (const s of stored) keys.add(recordImportKey(type, s));
  }
  return keys;
}

function toStored(type: RecordType, v: CheckedRecord) {
  const links = linksOf(v.input);
  const extra =
    type === 'publication' ? { unitId: v.unitId } : type === 'unit_plan' ? { status: 'submitted' } : {};
  return { values: { ...columnsOf(v.input), ...extra }, ...links };
}
