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
  dataItemSlots,
  decideReport,
  doesUnitReportItem,
  type ReportActor,
  type ReportCommand,
  type ReportStatus,
  said,
} from '@dx/domain';
import { authorizeUnit, type UseCaseContext } from '../../use-case/context';
import { loadPeriod, reportActorFor } from '../reports/load-report';
import { presentDataItem, presentDataPeriod, presentDataValue } from './data-items.presenter';

/** One value owed in a report period: an item and one of its own periods inside the report period. */
export type DataColumn = { item: DataItemRow; from: string; to: string };

/** The key of a value by item and the start of its own period (data_value_unit_period_uq without the unit). */
export const slotKey = (itemId: string, periodFrom: string) => `${itemId}:${periodFrom}`;

/**
 * The values a report period asks (issue 16): each item at its own frequency — once for an item of the period's
 * kind, once per month for a monthly item in a quarter (domain dataItemSlots) — by item code, then date.
 */
export async function columnsOfPeriod(ctx: UseCaseContext, period: ReportPeriodRow): Promise<DataColumn[]> {
  return (await listDataItems(ctx.db, period.provinceId)).flatMap((item) =>
    dataItemSlots(item, period).map((s) => ({ item, from: s.from, to: s.to })),
  );
}

/** The items a report period asks at least once. */
export async function itemsOfPeriod(ctx: UseCaseContext, period: ReportPeriodRow): Promise<DataItemRow[]> {
  const seen = new Map<string, DataItemRow>();
  for (const c of await columnsOfPeriod(ctx, period)) seen.set(c.item.id, c.item);
  return [...seen.values()];
}

export type UnitData = {
  period: ReportPeriodRow;
  unitId: string;
  unitName: string;
  columns: DataColumn[];
  /** Stored values by slotKey. */
  values: Map<string, DataValueRow>;
  actor: ReportActor;
};

/**
 * A unit's figures for a period: the period (readable in the actor's province), the unit (read within the actor's
 * reach, as its report is: report.read_item), the values asked of it and those it stored.
 */
export async function loadUnitData(ctx: UseCaseContext, periodId: string, unitId: string): Promise<UnitData> {
  const period = await loadPeriod(ctx, periodId);
  const scope = await authorizeUnit(ctx, 'report.read_item', unitId);
  const units = await unitKindsAndGroups(ctx.db, period.provinceId, [unitId], period.periodTo);
  const unit = units.get(unitId);
  if (!unit || scope.provinceId !== period.provinceId)
    throw new AppError('ORG_UNIT.NOT_FOUND', said('unit.notInPeriodProvince'), { unitId });
  const columns = (await columnsOfPeriod(ctx, period)).filter((c) => doesUnitReportItem(c.item, unit));
  const rows = await listDataValues(ctx.db, {
    itemIds: [...new Set(columns.map((c) => c.item.id))],
    periodFrom: period.periodFrom,
    periodTo: period.periodTo,
    unitIds: [unitId],
  });
  return {
    period,
    unitId,
    unitName: unit.name,
    columns,
    values: new Map(rows.map((v) => [slotKey(v.itemId, v.periodFrom), v])),
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
    rows: u.columns.map((c) => {
      const v = u.values.get(slotKey(c.item.id, c.from));
      return {
        item: presentDataItem(c.item),
        periodFrom: c.from,
        periodTo: c.to,
        value: v ? presentDataValue(v) : null,
      };
    }),
    canEdit: u.columns.some(
      (c) =>
        decideValue(u.values.get(slotKey(c.item.id, c.from))?.status, open, { type: 'save' }, u.actor).ok,
    ),
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
