import {
  type DataItemRow,
  type DataValueRow,
  listDataItems,
  listDataValues,
  type ReportPeriodRow,
  unitKindsAndGroups,
} from '@dx/db';
import {
  AppError,
  decideReport,
  doesUnitReportItem,
  isItemAskedInPeriod,
  type ReportActor,
  type ReportCommand,
  type ReportStatus,
} from '@dx/domain';
import { authorizeUnit, type UseCaseContext } from '../../use-case/context';
import { loadPeriod, reportActorFor } from '../reports/load-report';
import { presentDataItem, presentDataPeriod, presentDataValue } from './data-items.presenter';

/** The items of the period's kind (an item's frequency is the kind of report period it is asked in). */
export async function itemsOfPeriod(ctx: UseCaseContext, period: ReportPeriodRow): Promise<DataItemRow[]> {
  return (await listDataItems(ctx.db, period.provinceId)).filter((i) => isItemAskedInPeriod(i, period));
}

export type UnitData = {
  period: ReportPeriodRow;
  unitId: string;
  unitName: string;
  items: DataItemRow[];
  values: Map<string, DataValueRow>;
  actor: ReportActor;
};

/**
 * A unit's figures for a period: the period (readable in the actor's province), the unit (read within the actor's
 * reach, as its report is: report.read_item), the items asked of it and its values.
 */
export async function loadUnitData(ctx: UseCaseContext, periodId: string, unitId: string): Promise<UnitData> {
  const period = await loadPeriod(ctx, periodId);
  const scope = await authorizeUnit(ctx, 'report.read_item', unitId);
  const units = await unitKindsAndGroups(ctx.db, period.provinceId, [unitId], period.periodTo);
  const unit = units.get(unitId);
  if (!unit || scope.provinceId !== period.provinceId)
    throw new AppError('ORG_UNIT.NOT_FOUND', 'Đơn vị không thuộc tỉnh của kỳ báo cáo', { unitId });
  const items = (await itemsOfPeriod(ctx, period)).filter((i) => doesUnitReportItem(i, unit));
  const rows = await listDataValues(ctx.db, {
    itemIds: items.map((i) => i.id),
    periodFrom: period.periodFrom,
    unitIds: [unitId],
  });
  return {
    period,
    unitId,
    unitName: unit.name,
    items,
    values: new Map(rows.map((v) => [v.itemId, v])),
    actor: await reportActorFor(ctx, unitId, period.provinceId),
  };
}

/** Words for a value's step refused by the report road (domain reports/workflow.ts decides; values say "số liệu"). */
const VALUE_MESSAGES: Partial<Record<string, string>> = {
  'REPORT.LOCKED': 'Số liệu đã được tiếp nhận và khoá; không thể thay đổi',
  'WORKFLOW.INVALID_TRANSITION':
    'Số liệu đã gửi và đang chờ Văn phòng CĐS duyệt; chỉ sửa được khi bị trả lại',
  'AUTH.FORBIDDEN': 'Chỉ cán bộ của đơn vị báo cáo được nhập và gửi số liệu',
};

/** A value's step, decided by the reports' state machine (the same road: draft → submitted → returned | accepted). */
export function decideValue(
  status: string | undefined,
  periodOpen: boolean,
  command: ReportCommand,
  actor: ReportActor,
) {
  const d = decideReport({ status: (status ?? 'draft') as ReportStatus, periodOpen }, command, actor);
  if (d.ok) return d;
  const reviewing = command.type === 'accept' || command.type === 'return';
  return { ...d, message: (!reviewing && VALUE_MESSAGES[d.code]) || d.message };
}

/** The unit's figures as its reader sees them, with what the reader may do now. */
export function presentUnitData(u: UnitData) {
  const open = u.period.status === 'open';
  const values = [...u.values.values()];
  return {
    period: presentDataPeriod(u.period),
    unit: { id: u.unitId, name: u.unitName },
    rows: u.items.map((item) => {
      const v = u.values.get(item.id);
      return { item: presentDataItem(item), value: v ? presentDataValue(v) : null };
    }),
    canEdit: u.items.some((i) => decideValue(u.values.get(i.id)?.status, open, { type: 'save' }, u.actor).ok),
    canSubmit: values.some(
      (v) =>
        (v.status === 'draft' || v.status === 'returned') &&
        decideValue(v.status, open, { type: 'submit' }, u.actor).ok,
    ),
  };
}

/** GET: a unit's figures for a period. */
export async function getUnitDataValues({
  ctx,
  periodId,
  unitId,
}: {
  ctx: UseCaseContext;
  periodId: string;
  unitId: string;
}) {
  return presentUnitData(await loadUnitData(ctx, periodId, unitId));
}
