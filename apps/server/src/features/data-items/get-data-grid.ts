import { listDataValues, listPeriodReports, unitKindsAndGroups } from '@dx/db';
import { doesUnitReportItem, isAllowed } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { loadPeriod } from '../reports/load-report';
import { presentDataItem, presentDataPeriod, presentDataValue } from './data-items.presenter';
import { itemsOfPeriod } from './unit-data-values';

/**
 * The DX office's grid for a period (issue 16): the units that must report (and any other unit that entered a value)
 * × the items of the period's kind, each cell the unit's value with its status, or none; `isAsked` says whether the
 * item is asked of that unit (its kind or group).
 */
export async function getDataGrid({ ctx, periodId }: { ctx: UseCaseContext; periodId: string }) {
  const period = await loadPeriod(ctx, periodId, 'report.manage');
  const items = await itemsOfPeriod(ctx, period);
  const values = await listDataValues(ctx.db, {
    itemIds: items.map((i) => i.id),
    periodFrom: period.periodFrom,
  });
  const required = await listPeriodReports(ctx.db, period.id, period.periodTo);
  const unitIds = [...new Set([...required.map((r) => r.unitId), ...values.map((v) => v.unitId)])];
  const units = await unitKindsAndGroups(ctx.db, period.provinceId, unitIds, period.periodTo);
  const cell = new Map(values.map((v) => [`${v.unitId}:${v.itemId}`, v]));
  const rows = unitIds
    .map((id) => ({ id, u: units.get(id) }))
    .filter((x) => x.u !== undefined)
    .map(({ id, u }) => ({
      id,
      name: u!.name,
      kind: u!.kind,
      cells: items.map((item) => {
        const v = cell.get(`${id}:${item.id}`);
        return {
          itemId: item.id,
          isAsked: doesUnitReportItem(item, u!),
          value: v ? presentDataValue(v) : null,
        };
      }),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'vi'));
  return {
    period: presentDataPeriod(period),
    items: items.map(presentDataItem),
    units: rows,
    canReview: isAllowed(ctx.actor.grants, 'report.manage', {
      provinceId: period.provinceId,
      path: [period.provinceId],
    }),
  };
}
