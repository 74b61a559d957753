import {
  analyzeDatabase,
  confirmImportStage,
  type Db,
  dropStagedRows,
  existingPublications,
  existingRecordIdentities,
  getUnitScope,
  importPeopleLookups,
  importUnitLookups,
  lockForWrite,
  lockImportStage,
  publicationImportLookups,
  publicationsNearStage,
  stagedIdentities,
  stagedUnitIds,
  stageImport,
  vocabularyTermsInForce,
} from '@dx/db';
import {
  AppError,
  type Cell,
  type CheckedRecord,
  checkRecordRowsSteps,
  type ImportIssue,
  type ImportTerm,
  isAllowed,
  localDateOf,
  mapImportColumns,
  RECORD_IMPORT_SPECS,
  type RecordImportLookups,
  type RecordType,
  recordImportKey,
  said,
  type Vocabulary,
  worded,
} from '@dx/domain';
import { runStepsPausing } from '../../lib/steps';
import { readTable } from '../../lib/tabular';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { columnsOf, linksOf } from './record-access';

export type ImportReport = {
  total: number;
  valid: number;
  saved: number;
  batchId: number | null;
  /** The dry run's checked rows, kept for the confirm (null once confirmed or when no row is valid). */
  stageId: string | null;
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
    throw new AppError('AUTH.FORBIDDEN', said('import.forbiddenProvince'));
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
  // The province's vocabularies in force (issue 16): a vocabulary it has set replaces the built-in choices.
  const vocabularies: Partial<Record<Vocabulary, ImportTerm[]>> = await vocabularyTermsInForce(
    ctx.db,
    provinceId,
    today,
  );
  return { ...base, units, people, vocabularies, defaultUnitId: own.length === 1 ? own[0]! : null };
}

/** How long a dry run's checked rows wait for their confirm. */
const STAGE_HOURS = 24;

/**
 * Imports records of any type from an .xlsx/.csv made from its template. The file is read and every row checked
 * once; each problem is reported by row and column, and the valid rows are kept as a stage (`stageId`). With
 * `confirm: false` (the dry run) nothing else happens: the user reads the report and confirms the stage
 * (confirmImport). With `confirm: true` the stage is confirmed at once. Either way nothing is saved to the record
 * tables until a confirm, which saves every valid row in one transaction (all or nothing).
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
  const scopes = await writableUnits(ctx);
  const lookups = (existing: Set<string>, canWriteFor: (unitId: string) => boolean): RecordImportLookups => ({
    ...loaded,
    existing,
    canWriteFor,
  });
  // Checked once as if every unit were writable and nothing stored; checked again only when a named unit is not
  // writable or a row matches a stored record (rare), since either changes what the rows report.
  let checked = await runStepsPausing(
    checkRecordRowsSteps(
      type,
      rows,
      lookups(new Set(), () => true),
    ),
  );
  const allowed = await scopes(checked.unitIds);
  const existing = await storedKeys(ctx.db, type, checked.valid);
  if ([...checked.unitIds].some((u) => !allowed(u)) || checked.valid.some((v) => existing.has(v.key)))
    checked = await runStepsPausing(checkRecordRowsSteps(type, rows, lookups(existing, allowed)));
  const { valid, issues } = checked;

  let stageId: string | null = null;
  if (valid.length > 0)
    stageId = await inTransaction(ctx, (tx) =>
      stageImport(tx, {
        type,
        provinceId,
        createdBy: ctx.actor.userId,
        fileName,
        total: rows.length,
        issues,
        now: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + STAGE_HOURS * 3_600_000),
        rows: valid.map((v) => ({ ...toStored(type, v), row: v.row, identity: v.key, unitId: v.unitId })),
      }),
    );
  const report: ImportReport = {
    total: rows.length,
    valid: valid.length,
    saved: 0,
    batchId: null,
    stageId,
    issues,
  };
  if (!confirm || stageId === null) return report;
  return confirmImport({ ctx, type, stageId });
}

/** May the actor write records for a unit (role and org-unit scope, as of today)? Cached per unit. */
function writableUnits(ctx: UseCaseContext) {
  const today = localDateOf(ctx.now);
  const scopes = new Map<string, boolean>();
  return async (unitIds: Iterable<string>) => {
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
    return (unitId: string) => scopes.get(unitId) ?? false;
  };
}

const STAGE_GONE = 'Không tìm thấy lần chạy thử này (đã được xác nhận hoặc đã quá hạn); hãy chạy thử lại tệp';

/**
 * Saves a dry run's stage: its rows go into the record tables with one INSERT … SELECT per table, in one
 * transaction. Rights are checked again (they may have changed since the dry run), and rows stored meanwhile by
 * someone else are left out and reported, so the report names every row not saved.
 */
export async function confirmImport({
  ctx,
  type,
  stageId,
}: {
  ctx: UseCaseContext;
  type: RecordType;
  stageId: string;
}): Promise<ImportReport> {
  return inTransaction(ctx, async (tx) => {
    // Two confirms of one stage: the second waits on the stage's row lock, then finds it gone.
    const stage = await lockImportStage(tx, stageId, ctx.now);
    if (!stage || stage.recordType !== type) throw new AppError('RESOURCE.NOT_FOUND', STAGE_GONE);
    authorizeImport(ctx, stage.provinceId);
    // A dry run is confirmed by whoever uploaded it: its rows were checked against that user's rights.
    if (stage.createdBy !== ctx.actor.userId)
      throw new AppError('AUTH.FORBIDDEN', said('import.notUploader'));
    const unitIds = await stagedUnitIds(tx, stage.id);
    const allowed = await writableUnits({ ...ctx, db: tx })(unitIds);
    if (unitIds.some((u) => !allowed(u))) throw new AppError('AUTH.FORBIDDEN', said('import.rightsChanged'));
    // The same file confirmed twice at once (two stages): the second waits here for the first to commit, then
    // finds its rows stored and saves none of them again (issue 14 "Races").
    await lockForWrite(tx, `import:${type}:${stage.provinceId}`);
    const stored = await storedKeysOfStage(tx, type, stage.id, unitIds);
    const late: ImportIssue[] = [];
    if (stored.size > 0) {
      const twins = (await stagedIdentities(tx, stage.id)).filter((k) => stored.has(k));
      for (const row of await dropStagedRows(tx, stage.id, twins))
        late.push({
          row,
          column: null,
          ...worded('import.duplicateConcurrent'),
        });
    }
    const { batchId, saved } = await confirmImportStage(tx, stage);
    const issues = [...stage.issues, ...late].sort((a, b) => a.row - b.row);
    await audit(tx, ctx, {
      action: `${type}.import`,
      entityType: 'import_batch',
      entityId: String(batchId),
      provinceId: stage.provinceId,
      after: {
        fileName: stage.fileName,
        recordType: type,
        saved,
        skippedRows: [...new Set(issues.map((i) => i.row))],
      },
    });
    // Planner statistics for the new rows (issue 12; PGlite has no autovacuum), off the answer's path.
    if (saved > 0) setImmediate(() => void analyzeDatabase(ctx.db).catch(() => undefined));
    return { total: stage.total, valid: saved, saved, batchId, stageId: null, issues };
  });
}

/** Keys of stored records a stage's rows could duplicate. */
async function storedKeysOfStage(db: Db, type: RecordType, stageId: string, unitIds: string[]) {
  const keys = new Set<string>();
  const stored =
    type === 'publication'
      ? await publicationsNearStage(db, stageId)
      : await existingRecordIdentities(db, type, unitIds);
  for (const s of stored) keys.add(recordImportKey(type, s));
  return keys;
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
