import type { DataValuesInput } from '@dx/domain';
import { inTransaction, type UseCaseContext } from '../../use-case/context';
import { checkUnitDataEntries, writeUnitDataEntries } from './unit-data-entries';
import { loadUnitData, presentUnitData, type UnitData } from './unit-data-values';

/**
 * The unit enters (or corrects) its figures for a period alone — its grid row, or a value returned alone after its
 * report was sent. (Its report form saves them with the report: reports/report-step.ts.) Every value is checked
 * first, then all are written in one transaction with one audit entry.
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
  const checked = await checkUnitDataEntries(ctx, u, input.values);
  await inTransaction(ctx, (tx) => writeUnitDataEntries(tx, ctx, u, checked));
  return presentUnitData(await loadUnitData(ctx, periodId, unitId));
}

export type { UnitData };
