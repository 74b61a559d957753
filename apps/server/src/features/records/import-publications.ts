import {
  existingPublications,
  getUnitScope,
  insertImportedPublications,
  publicationImportLookups,
} from '@dx/db';
import {
  AppError,
  type Cell,
  checkPublicationRows,
  foldVietnamese,
  type ImportIssue,
  isAllowed,
  localDateOf,
  PUBLICATION_IMPORT_COLUMNS,
  type PublicationImportColumn,
  publicationKey,
} from '@dx/domain';
import { audit, type UseCaseContext } from '../../http/context';
import { readTable } from '../../lib/tabular';

export type ImportReport = {
  total: number;
  valid: number;
  saved: number;
  batchId: number | null;
  issues: ImportIssue[];
};

const MAX_ROWS = 20_000;
const headKey = (h: string) => foldVietnamese(h.replace(/\(.*$/, ''));

/**
 * Imports publications from an .xlsx/.csv made from the template. `confirm: false` is the dry run: every row is
 * checked and each problem reported by row and column, nothing saved. `confirm: true` saves every valid row in one
 * transaction (all or nothing) and reports the rows left out.
 */
export async function importPublications({
  ctx,
  provinceId,
  fileName,
  content,
  confirm,
}: {
  ctx: UseCaseContext;
  provinceId: string;
  fileName: string;
  content: Buffer;
  confirm: boolean;
}): Promise<ImportReport> {
  const grants = ctx.actor.grants;
  const provinceScope = { provinceId, path: [provinceId] };
  const writesSomewhere = grants.some(
    (g) =>
      (g.unitId === null || g.provinceId === provinceId) &&
      ['unit_officer', 'dx_office', 'administrator'].includes(g.role),
  );
  if (!writesSomewhere && !isAllowed(grants, 'record.write_any', provinceScope)) {
    throw new AppError('AUTH.FORBIDDEN', 'Bạn không có quyền nhập hồ sơ cho tỉnh, thành phố này');
  }
  const table = await readTable(content, fileName);
  if (!table)
    throw new AppError('IMPORT.INVALID_FILE', 'Tệp không đọc được: dùng tệp .xlsx hoặc .csv theo mẫu');
  if (table.rows.length > MAX_ROWS)
    throw new AppError('IMPORT.INVALID_FILE', `Tệp có quá ${MAX_ROWS} dòng; chia thành nhiều tệp`);

  // Columns by header (accent-insensitive, ignoring the hint in brackets), else by position as in the template.
  const folded = table.headers.map(headKey);
  const index = new Map<PublicationImportColumn, number>();
  PUBLICATION_IMPORT_COLUMNS.forEach((c, i) => {
    const at = folded.indexOf(headKey(c.header));
    index.set(c.key, at >= 0 ? at : i);
  });
  const rows = table.rows.map((r) => ({
    row: r.row,
    cells: Object.fromEntries(
      PUBLICATION_IMPORT_COLUMNS.map((c) => [c.key, r.cells[index.get(c.key)!] as Cell]),
    ),
  }));

  const lookups = await publicationImportLookups(ctx.db, provinceId);
  const scopes = new Map<string, boolean>();
  const today = localDateOf(ctx.now);
  for (const unitId of new Set(lookups.channels.map((c) => c.ownerUnitId))) {
    const scope = await getUnitScope(ctx.db, unitId, today);
    scopes.set(
      unitId,
      !!scope && (isAllowed(grants, 'record.write', scope) || isAllowed(grants, 'record.write_any', scope)),
    );
  }
  const canWriteFor = (unitId: string) => scopes.get(unitId) ?? false;
  const first = checkPublicationRows(rows, { ...lookups, existing: new Set(), canWriteFor });
  const stored = await existingPublications(
    ctx.db,
    first.valid.map((v) => ({ channelId: v.input.channelId, publishedOn: v.input.publishedOn })),
  );
  const existing = new Set(stored.map((s) => publicationKey(s.channelId, s.publishedOn, s.title)));
  const { valid, issues } = existing.size
    ? checkPublicationRows(rows, { ...lookups, existing, canWriteFor })
    : first;
  const report: ImportReport = { total: rows.length, valid: valid.length, saved: 0, batchId: null, issues };
  if (!confirm || valid.length === 0) return report;

  const batchId = await ctx.db.transaction(async (tx) => {
    const id = await insertImportedPublications(tx, {
      provinceId,
      createdBy: ctx.actor.userId,
      fileName,
      rows: valid.map((v) => ({ ...v.input, unitId: v.unitId })),
    });
    await audit(tx, ctx, {
      action: 'publication.import',
      entityType: 'import_batch',
      entityId: String(id),
      provinceId,
      after: { fileName, saved: valid.length, skippedRows: [...new Set(issues.map((i) => i.row))] },
    });
    return id;
  });
  return { ...report, saved: valid.length, batchId };
}
