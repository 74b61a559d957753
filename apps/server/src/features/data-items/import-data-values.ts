import {
  type DataValueRow,
  insertDataValue,
  latestDataValue,
  listDataValues,
  listPeriodReports,
  unitKindsAndGroups,
  updateDataValueRow,
} from '@dx/db';
import {
  AppError,
  type Cell,
  type DataItemUnit,
  doesUnitReportItem,
  foldVietnamese,
  impossibleDataValue,
  type MessageCode,
  type MessageParams,
  said,
  worded,
} from '@dx/domain';
import { readTable } from '../../lib/tabular';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { loadPeriod } from '../reports/load-report';
import { presentDataValue } from './data-items.presenter';
import { slotWords } from './data-values-template';
import { columnsOfPeriod, type DataColumn, slotKey } from './unit-data-values';

/** A cell's problem: the column, the Vietnamese default and the sentence's code for the web (issue 18). */
type ImportProblem = { column: string; message: string; reason?: MessageCode; params?: MessageParams };

const MAX_ROWS = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A number as a Vietnamese sheet writes it: 1500, "1.500", "1 500", "12,5"; null when it is not one. */
export function parseFigure(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  if (typeof c !== 'string') return null;
  let s = c.trim().replace(/[\s\u00a0]/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '');
  s = s.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

const isBlank = (c: Cell) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/**
 * Imports a period's figures from the filled template (issue 16), for the DX office collecting units' sheets: a dry
 * run explains every row cell by cell (unknown unit, not a number, negative, above 100%, above the unit's
 * population, not asked of the unit, already sent or accepted); `confirm` writes every value in one transaction —
 * none when any row has a problem. Imported values stand as sent (the unit's sheet is its submission), for review.
 */
export async function importDataValues({
  ctx,
  periodId,
  fileName,
  content,
  confirm,
}: {
  ctx: UseCaseContext;
  periodId: string;
  fileName: string;
  content: Buffer;
  confirm: boolean;
}) {
  const period = await loadPeriod(ctx, periodId, 'report.manage');
  const asked = await columnsOfPeriod(ctx, period);
  const table = await readTable(content, fileName, { userId: ctx.actor.userId, maxRows: MAX_ROWS });
  // "[code]" for an item asked once in the period, "[code@2023-02-01]" for one of its own periods (a month).
  const columns = table.headers.map((h): DataColumn | null => {
    const m = /\[([A-Za-z0-9_.-]+)(?:@(\d{4}-\d{2}-\d{2}))?\]\s*$/.exec(String(h ?? ''));
    if (!m) return null;
    const of = asked.filter((c) => c.item.code === m[1]);
    return (m[2] ? of.find((c) => c.from === m[2]) : of.length === 1 ? of[0] : undefined) ?? null;
  });
  if (!columns.some(Boolean)) throw new AppError('IMPORT.INVALID_FILE', said('dataImport.noColumns'));
  const required = await listPeriodReports(ctx.db, period.id, period.periodTo);
  const byName = new Map(required.map((r) => [foldVietnamese(r.unitName), r.unitId]));
  const idsInFile = table.rows.map((r) => String(r.cells[0] ?? '').trim()).filter((s) => UUID.test(s));
  const units = await unitKindsAndGroups(
    ctx.db,
    period.provinceId,
    [...new Set([...required.map((r) => r.unitId), ...idsInFile])],
    period.periodTo,
  );
  const existing = await listDataValues(ctx.db, {
    itemIds: [...new Set(asked.map((c) => c.item.id))],
    periodFrom: period.periodFrom,
    periodTo: period.periodTo,
  });
  const stored = new Map(existing.map((v) => [`${v.unitId}:${slotKey(v.itemId, v.periodFrom)}`, v]));

  type Write = { unitId: string; column: DataColumn; value: number; old: DataValueRow | undefined };
  const writes: Write[] = [];
  const rows = [];
  for (const r of table.rows) {
    const problems: ImportProblem[] = [];
    const idCell = String(r.cells[0] ?? '').trim();
    const nameCell = String(r.cells[1] ?? '').trim();
    const unitId = UUID.test(idCell) ? idCell : (byName.get(foldVietnamese(nameCell)) ?? null);
    const unit = unitId ? units.get(unitId) : undefined;
    const filled = columns.flatMap((column, j) =>
      column && !isBlank(r.cells[j]) ? [{ column, item: column.item, cell: r.cells[j] }] : [],
    );
    if (!unit || !unitId) {
      if (filled.length > 0 || nameCell || idCell)
        problems.push({
          column: 'Đơn vị',
          ...worded('dataImport.unitNotFound', { unit: nameCell || idCell }),
        });
      rows.push({
        row: r.row,
        unitId: null,
        unitName: nameCell,
        outcome: problems.length ? ('error' as const) : ('empty' as const),
        values: 0,
        problems,
      });
      continue;
    }
    const inRow = new Map<string, number>();
    for (const { column: c, cell } of filled) {
      const n = parseFigure(cell);
      if (n !== null) {
        inRow.set(slotKey(c.item.id, c.from), n);
        if (!inRow.has(c.item.id)) inRow.set(c.item.id, n);
      }
    }
    let values = 0;
    for (const { column: slot, item, cell } of filled) {
      const isWhole = slot.from === period.periodFrom && slot.to === period.periodTo;
      const column = isWhole ? item.nameVi : `${item.nameVi} — ${slotWords(item.frequency, slot.from)}`;
      const n = parseFigure(cell);
      if (n === null) {
        problems.push({ column, ...worded('dataImport.notANumber', { cell: String(cell) }) });
        continue;
      }
      if (n < 0) {
        problems.push({ column, ...worded('dataImport.negative') });
        continue;
      }
      if (!doesUnitReportItem(item, unit)) {
        problems.push({ column, ...worded('dataImport.unitNotRequired') });
        continue;
      }
      const old = stored.get(`${unitId}:${slotKey(item.id, slot.from)}`);
      if (old && (old.status === 'submitted' || old.status === 'accepted')) {
        if (Number(old.value) !== n)
          problems.push({
            column,
            ...worded(old.status === 'accepted' ? 'dataImport.acceptedLocked' : 'dataImport.awaitingReview'),
          });
        continue;
      }
      let population: number | null = null;
      if (!item.mayExceedPopulation && item.populationItemId)
        population =
          inRow.get(slotKey(item.populationItemId, slot.from)) ??
          inRow.get(item.populationItemId) ??
          (await latestDataValue(ctx.db, item.populationItemId, unitId, slot.to));
      const bad = impossibleDataValue(
        { unitOfMeasure: item.unitOfMeasure as DataItemUnit, mayExceedPopulation: item.mayExceedPopulation },
        n,
        population,
      );
      if (bad) {
        problems.push({ column, ...worded(bad.reason, bad.params) });
        continue;
      }
      writes.push({ unitId, column: slot, value: n, old });
      values++;
    }
    rows.push({
      row: r.row,
      unitId,
      unitName: unit.name,
      outcome: problems.length ? ('error' as const) : values > 0 ? ('ok' as const) : ('empty' as const),
      values,
      problems,
    });
  }
  const errors = rows.filter((r) => r.outcome === 'error').length;
  const doWrite = confirm && errors === 0 && writes.length > 0;
  if (doWrite)
    await inTransaction(ctx, async (tx) => {
      const after = [];
      for (const w of writes) {
        const sent = { status: 'submitted', submittedAt: ctx.now, submittedBy: ctx.actor.userId };
        const row = w.old
          ? await updateDataValueRow(tx, w.old.id, w.old.version, { value: String(w.value), ...sent })
          : await insertDataValue(tx, {
              provinceId: period.provinceId,
              itemId: w.column.item.id,
              unitId: w.unitId,
              periodFrom: w.column.from,
              periodTo: w.column.to,
              value: String(w.value),
              createdBy: ctx.actor.userId,
              ...sent,
            });
        if (!row) throw versionConflict({ unitId: w.unitId, itemId: w.column.item.id });
        after.push(presentDataValue(row));
      }
      await audit(tx, ctx, {
        action: 'data_value.import',
        entityType: 'data_value',
        entityId: period.id,
        provinceId: period.provinceId,
        after: { fileName, values: after },
      });
    });
  return { confirmed: doWrite, fileName, rows, values: writes.length, errors };
}
