import {
  type DataValueRow,
  type Db,
  deleteDataValueRow,
  insertDataValue,
  latestDataValue,
  updateDataValueRow,
} from '@dx/db';
import {
  AppError,
  type DataItemUnit,
  type DataValueEntry,
  type FieldIssue,
  impossibleDataValue,
  validationError,
  worded,
} from '@dx/domain';
import { audit, type UseCaseContext, versionConflict } from '../../use-case/context';
import { presentDataValue } from './data-items.presenter';
import { type DataColumn, decideValue, presentUnitData, slotKey, type UnitData } from './unit-data-values';

/** An entry matched to the value it is for. */
export type CheckedEntry = DataValueEntry & { column: DataColumn; existing: DataValueRow | undefined };

/**
 * Checks the values a unit enters for a period (its grid row, its figures alone, or its report form — issue 16)
 * before anything is written: each is asked of the unit (the item, and the item's own period when it is asked more
 * than once), still editable, at the version read, and possible (a share above 100%, more people reached than the
 * unit's population when the item may not exceed it). Problems come back as field paths under `path`
 * (`body.values.<i>.value`), all at once; a step the report road refuses, or a stale version, throws.
 */
export async function checkUnitDataEntries(
  ctx: Pick<UseCaseContext, 'db'>,
  u: UnitData,
  entries: readonly DataValueEntry[],
  path: readonly (string | number)[] = ['body', 'values'],
): Promise<CheckedEntry[]> {
  const open = u.period.status === 'open';
  const issues: FieldIssue[] = [];
  const checked: CheckedEntry[] = [];
  const resolve = (e: DataValueEntry) => {
    const of = u.columns.filter((c) => c.item.id === e.itemId);
    return e.periodFrom ? of.find((c) => c.from === e.periodFrom) : of.length === 1 ? of[0] : undefined;
  };
  const entered = new Map<string, number>();
  const enteredAnyPeriod = new Map<string, number>();
  for (const e of entries) {
    const c = resolve(e);
    if (c && e.value !== null) {
      entered.set(slotKey(c.item.id, c.from), e.value);
      enteredAnyPeriod.set(c.item.id, e.value);
    }
  }
  for (const [i, e] of entries.entries()) {
    const column = resolve(e);
    if (!column) {
      const asked = u.columns.some((c) => c.item.id === e.itemId);
      issues.push(
        asked
          ? {
              path: [...path, i, 'periodFrom'],
              ...worded('dataItem.choosePeriod'),
            }
          : {
              path: [...path, i, 'itemId'],
              ...worded('dataItem.notRequired'),
            },
      );
      continue;
    }
    const existing = u.values.get(slotKey(column.item.id, column.from));
    const d = decideValue(existing?.status, open, { type: 'save' }, u.actor);
    if (!d.ok) throw new AppError(d.code, d.message, { itemId: e.itemId, periodFrom: column.from });
    checked.push({ ...e, column, existing });
    if (e.value === null) continue;
    const item = column.item;
    let population: number | null = null;
    if (!item.mayExceedPopulation && item.populationItemId) {
      const same =
        entered.get(slotKey(item.populationItemId, column.from)) ??
        enteredAnyPeriod.get(item.populationItemId);
      population = same ?? (await latestDataValue(ctx.db, item.populationItemId, u.unitId, column.to));
    }
    const bad = impossibleDataValue(
      { unitOfMeasure: item.unitOfMeasure as DataItemUnit, mayExceedPopulation: item.mayExceedPopulation },
      e.value,
      population,
    );
    if (bad) issues.push({ path: [...path, i, 'value'], ...bad });
  }
  if (issues.length > 0) throw validationError(issues[0]!.message, issues);
  const stale = () => versionConflict(presentUnitData(u));
  for (const e of checked)
    if (e.existing ? e.version !== e.existing.version : e.version !== undefined) throw stale();
  return checked;
}

/**
 * Writes checked entries inside the caller's transaction, with one audit entry (data_value.save); a row that moved on
 * meanwhile is a 409 that rolls the whole transaction back.
 */
export async function writeUnitDataEntries(
  tx: Db,
  ctx: UseCaseContext,
  u: UnitData,
  entries: readonly CheckedEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const stale = () => versionConflict(presentUnitData(u));
  const before = entries.flatMap((e) => (e.existing ? [presentDataValue(e.existing)] : []));
  const changed: unknown[] = [];
  for (const e of entries) {
    if (e.value === null) {
      if (e.existing && !(await deleteDataValueRow(tx, e.existing.id, e.existing.version))) throw stale();
      continue;
    }
    const row = e.existing
      ? await updateDataValueRow(tx, e.existing.id, e.existing.version, {
          value: String(e.value),
          note: e.note,
        })
      : await insertDataValue(tx, {
          provinceId: u.period.provinceId,
          itemId: e.itemId,
          unitId: u.unitId,
          periodFrom: e.column.from,
          periodTo: e.column.to,
          value: String(e.value),
          note: e.note,
          createdBy: ctx.actor.userId,
        });
    if (!row) throw stale();
    changed.push(presentDataValue(row));
  }
  await audit(tx, ctx, {
    action: 'data_value.save',
    entityType: 'data_value',
    entityId: u.unitId,
    provinceId: u.period.provinceId,
    before,
    after: changed,
  });
}
