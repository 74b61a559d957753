import { listDataValues, listPeriodReports, readableUnitIds, unitKindsAndGroups } from '@dx/db';
import { doesUnitReportItem, isAllowed } from '@dx/domain';
import { readableIn, type UseCaseContext } from '../../use-case/context';
import { loadPeriod, reportActorFor } from '../reports/load-report';
import { presentDataItem, presentDataPeriod, presentDataValue } from './data-items.presenter';
import { columnsOfPeriod, itemsOfPeriod, slotKey } from './unit-data-values';

/**
 * A period's grid (issue 16): the units that must report (and any other unit that entered a value) × the values the
 * period asks (each item at its own frequency), each cell the unit's value with its status, or none; `isAsked` says
 * whether the item is asked of that unit (its kind or group). The DX office sees every unit of the province; a unit
 * (a commune officer, a district) sees only its own unit(s) — the subtrees its grants sit on (report.read_item) — and
 * may type the open values of those it writes reports for (`canEdit`).
 */
export async function getDataGrid({ ctx, periodId }: { ctx: UseCaseContext; periodId: string }) {
  const period = await loadPeriod(ctx, periodId);
  const columns = await columnsOfPeriod(ctx, period);
  const items = await itemsOfPeriod(ctx, period);
  const values = await listDataValues(ctx.db, {
    itemIds: items.map((i) => i.id),
    periodFrom: period.periodFrom,
    periodTo: period.periodTo,
  });
  const required = await listPeriodReports(ctx.db, period.id, period.periodTo);
  const unitIds = await readableUnitIds(
    ctx.db,
    period.provinceId,
    [...new Set([...required.map((r) => r.unitId), ...values.map((v) => v.unitId)])],
    readableIn(ctx, 'report.read_item', period.provinceId),
  );
  const units = await unitKindsAndGroups(ctx.db, period.provinceId, unitIds, period.periodTo);
  const canReview = isAllowed(ctx.actor.grants, 'report.manage', {
    provinceId: period.provinceId,
    path: [period.provinceId],
  });
  // A unit's own officers type its values in their grid; the DX office reviews and imports instead.
  const editable = new Set<string>();
  if (!canReview && period.status === 'open')
    for (const id of unitIds)
      if ((await reportActorFor(ctx, id, period.provinceId)).canWrite) editable.add(id);
  const cell = new Map(values.map((v) => [`${v.unitId}:${slotKey(v.itemId, v.periodFrom)}`, v]));
  const rows = unitIds
    .map((id) => ({ id, u: units.get(id) }))
    .filter((x) => x.u !== undefined)
    .map(({ id, u }) => ({
      id,
      name: u!.name,
      kind: u!.kind,
      canEdit: editable.has(id),
      cells: columns.map((c) => {
        const v = cell.get(`${id}:${slotKey(c.item.id, c.from)}`);
        return {
          itemId: c.item.id,
          periodFrom: c.from,
          isAsked: doesUnitReportItem(c.item, u!),
          value: v ? presentDataValue(v) : null,
        };
      }),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'vi'));
  return {
    period: presentDataPeriod(period),
    items: items.map(presentDataItem),
    columns: columns.map((c) => ({ itemId: c.item.id, periodFrom: c.from, periodTo: c.to })),
    units: rows,
    canReview,
  };
}
