import { deleteDataValueRow, insertDataValue, latestDataValue, updateDataValueRow } from '@dx/db';
import {
  AppError,
  type DataItemUnit,
  type DataValuesInput,
  type FieldIssue,
  impossibleDataValue,
  validationError,
} from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { presentDataValue } from './data-items.presenter';
import { decideValue, loadUnitData, presentUnitData, type UnitData } from './unit-data-values';

/**
 * The unit enters (or corrects) its figures for a period — in its period report form or its grid row. Every value is
 * checked first (asked of the unit, still editable, at the version read, possible); then all are written in one
 * transaction with one audit entry. A value that is impossible (a share above 100%, more people reached than the
 * unit's population when the item may not exceed it) is refused with its field path.
 */
export async function saveUnitDataValues({
  ctx,
  periodId,
  unitId,
  input,
}: {
  ctx: UseCaseContext;
  periodId: string;
  unitId: string;
  input: DataValuesInput;
}) {
  const u = await loadUnitData(ctx, periodId, unitId);
  const open = u.period.status === 'open';
  const issues: FieldIssue[] = [];
  const byItem = new Map(u.items.map((i) => [i.id, i]));
  const entered = new Map(input.values.map((e) => [e.itemId, e.value]));
  for (const [i, e] of input.values.entries()) {
    const item = byItem.get(e.itemId);
    if (!item) {
      issues.push({
        path: ['body', 'values', i, 'itemId'],
        message: 'Số liệu này không được yêu cầu đơn vị báo cáo trong kỳ',
      });
      continue;
    }
    const existing = u.values.get(e.itemId);
    const d = decideValue(existing?.status, open, { type: 'save' }, u.actor);
    if (!d.ok) throw new AppError(d.code, d.message, { itemId: e.itemId });
    if (e.value === null) continue;
    let population: number | null = null;
    if (!item.mayExceedPopulation && item.populationItemId) {
      const same = entered.get(item.populationItemId);
      population = same ?? (await latestDataValue(ctx.db, item.populationItemId, unitId, u.period.periodTo));
    }
    const bad = impossibleDataValue(
      { unitOfMeasure: item.unitOfMeasure as DataItemUnit, mayExceedPopulation: item.mayExceedPopulation },
      e.value,
      population,
    );
    if (bad) issues.push({ path: ['body', 'values', i, 'value'], message: bad.message, code: bad.code });
  }
  if (issues.length > 0) throw validationError(issues[0]!.message, issues);
  const stale = () => versionConflict(presentUnitData(u));
  for (const e of input.values) {
    const existing = u.values.get(e.itemId);
    if (existing ? e.version !== existing.version : e.version !== undefined) throw stale();
  }

  await inTransaction(ctx, async (tx) => {
    const before = [...u.values.values()].map(presentDataValue);
    const changed: unknown[] = [];
    for (const e of input.values) {
      const existing = u.values.get(e.itemId);
      if (e.value === null) {
        if (existing && !(await deleteDataValueRow(tx, existing.id, existing.version))) throw stale();
        continue;
      }
      const row = existing
        ? await updateDataValueRow(tx, existing.id, existing.version, {
            value: String(e.value),
            note: e.note,
          })
        : await insertDataValue(tx, {
            provinceId: u.period.provinceId,
            itemId: e.itemId,
            unitId,
            periodFrom: u.period.periodFrom,
            periodTo: u.period.periodTo,
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
      entityId: unitId,
      provinceId: u.period.provinceId,
      before,
      after: changed,
    });
  });
  return presentUnitData(await loadUnitData(ctx, periodId, unitId));
}

export type { UnitData };
