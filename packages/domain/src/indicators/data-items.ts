import { z } from 'zod';
import { worded } from '../messages';

/*
 * Reported figures (issue 16): figures no record holds (people reached by a campaign, households visited) that
 * units report per period, on the road of periodic reports (draft → submitted → returned | accepted; plan 54
 * V.1.a). Only accepted values feed targets.
 */

export const DATA_ITEM_UNITS = ['count', 'people', 'households', 'percent', 'vnd'] as const;
export type DataItemUnit = (typeof DATA_ITEM_UNITS)[number];
export const DATA_ITEM_FREQUENCIES = ['month', 'quarter', 'half_year', 'year'] as const;
/** How a unit's values over the period add up: sum, average, or the last period's value (a stock, not a flow). */
export const DATA_ITEM_AGGREGATIONS = ['sum', 'avg', 'last'] as const;
export type DataItemAggregation = (typeof DATA_ITEM_AGGREGATIONS)[number];

/** A value a unit enters for an item and a period. */
export const dataValueInput = z.object({
  value: z.number('Nhập số liệu').finite().min(0, 'Số liệu không được âm'),
  note: z.string().trim().max(2000).default(''),
});

/**
 * Why a value is impossible, or null: a share above 100%, or more than the population it is a part of (people
 * reached above the commune's population) when the item may not exceed it.
 */
export function impossibleDataValue(
  item: { unitOfMeasure: DataItemUnit; mayExceedPopulation: boolean },
  value: number,
  population: number | null,
): ({ code: 'DATA_VALUE.ABOVE_100' | 'DATA_VALUE.ABOVE_POPULATION' } & ReturnType<typeof worded>) | null {
  if (item.unitOfMeasure === 'percent' && value > 100)
    return { code: 'DATA_VALUE.ABOVE_100', ...worded('dataValue.above100') };
  if (!item.mayExceedPopulation && population !== null && value > population)
    return {
      code: 'DATA_VALUE.ABOVE_POPULATION',
      ...worded('dataValue.abovePopulation', { value, population }),
    };
  return null;
}

const itemCode = z
  .string()
  .trim()
  .min(1, 'Nhập mã số liệu')
  .max(60)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang');
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày không hợp lệ (YYYY-MM-DD)');

/** What the DX office states about an item (issue 16 "Reported figures"): every field but the province. */
export const dataItemFields = z.object({
  code: itemCode,
  nameVi: z.string().trim().min(1, 'Nhập tên số liệu').max(300),
  nameEn: z.string().trim().max(300).default(''),
  unitOfMeasure: z.enum(DATA_ITEM_UNITS, 'Chọn đơn vị tính'),
  /** Unit kinds (org-unit.ts ORG_UNIT_KINDS) that report it; with no kind and no group, every unit asked to report. */
  reportingUnitKinds: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  reportingGroupCode: z.string().trim().min(1).max(60).nullable().default(null),
  frequency: z.enum(DATA_ITEM_FREQUENCIES, 'Chọn kỳ báo cáo'),
  aggregation: z.enum(DATA_ITEM_AGGREGATIONS, 'Chọn cách cộng dồn'),
  mayExceedPopulation: z.boolean().default(true),
  populationItemId: z.uuid('Mã số liệu tổng không hợp lệ').nullable().default(null),
  validFrom: localDate.nullable().default(null),
  validTo: localDate.nullable().default(null),
});
const datesInOrder = (t: { validFrom?: string | null; validTo?: string | null }) =>
  !t.validFrom || !t.validTo || t.validTo > t.validFrom;
const DATES_MESSAGE = { path: ['validTo'], message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực' };

/** A new item of a province. */
export const dataItemInput = dataItemFields
  .extend({ provinceId: z.uuid('Mã tỉnh không hợp lệ') })
  .refine(datesInOrder, DATES_MESSAGE);
export type DataItemInput = z.infer<typeof dataItemInput>;

/** Changes to an item, with the version read (its code stays: rules refer to it). */
export const dataItemPatch = dataItemFields
  .omit({ code: true })
  .partial()
  .extend({ version: z.number().int().min(1).max(2_147_483_647) })
  .refine(datesInOrder, DATES_MESSAGE);
export type DataItemPatch = z.infer<typeof dataItemPatch>;

/**
 * One value a unit enters: `value: null` clears a value not yet submitted; `version` of a stored one; `periodFrom`
 * names which of the item's own periods inside the report period it is for (a monthly item is asked three times in
 * a quarter), and may be left out when the item is asked once.
 */
export const dataValueEntry = z.object({
  itemId: z.uuid('Mã số liệu không hợp lệ'),
  periodFrom: localDate.optional(),
  value: z.number('Nhập số liệu').finite().min(0, 'Số liệu không được âm').max(1e15).nullable(),
  note: z.string().trim().max(2000).default(''),
  version: z.number().int().min(1).max(2_147_483_647).optional(),
});
export type DataValueEntry = z.infer<typeof dataValueEntry>;

/** Values a unit enters for a period (its grid row or its report form's figures saved alone). */
export const dataValuesInput = z.object({
  values: z.array(dataValueEntry).min(1, 'Nhập ít nhất một số liệu').max(400),
});
export type DataValuesInput = z.infer<typeof dataValuesInput>;

/** The DX office accepts or returns values (a comment is required to return, as for reports). */
export const dataValuesReviewInput = z
  .object({
    action: z.enum(['accept', 'return'], 'Chọn tiếp nhận hoặc trả lại'),
    comment: z.string().trim().max(2000).default(''),
    values: z
      .array(
        z.object({
          id: z.uuid('Mã số liệu không hợp lệ'),
          version: z.number().int().min(1).max(2_147_483_647),
        }),
      )
      .min(1, 'Chọn ít nhất một số liệu')
      .max(2000),
  })
  .refine((r) => r.action !== 'return' || r.comment.length > 0, {
    path: ['comment'],
    message: 'Trả lại số liệu phải kèm ý kiến (lý do, nội dung cần sửa)',
  });
export type DataValuesReviewInput = z.infer<typeof dataValuesReviewInput>;

/** A period of an item's own frequency inside a report period: the value a unit owes for it (inclusive dates). */
export type DataItemSlot = { from: string; to: string };

const FREQUENCY_MONTHS: Record<string, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The periods an item is asked for in a report period (issue 16: a report asks the items due in it at their own
 * frequency): an item of the period's own kind once, for the period's dates; a finer one (a monthly item in a
 * quarter) once per calendar month / quarter / half-year lying wholly inside the period; a coarser one never (a
 * yearly item waits for the year's report). Only the item's own periods within its validity count.
 */
export function dataItemSlots(
  item: { frequency: string; validFrom: string | null; validTo: string | null },
  period: { kind: string; periodFrom: string; periodTo: string },
): DataItemSlot[] {
  const inForce = (s: DataItemSlot) =>
    (!item.validFrom || item.validFrom <= s.to) && (!item.validTo || item.validTo > s.from);
  if (item.frequency === period.kind) {
    const whole = { from: period.periodFrom, to: period.periodTo };
    return inForce(whole) ? [whole] : [];
  }
  const months = FREQUENCY_MONTHS[item.frequency];
  const periodMonths = FREQUENCY_MONTHS[period.kind];
  if (!months || !periodMonths || months >= periodMonths) return [];
  const out: DataItemSlot[] = [];
  for (let y = Number(period.periodFrom.slice(0, 4)); y <= Number(period.periodTo.slice(0, 4)); y++)
    for (let m = 1; m <= 12; m += months) {
      const e = m + months - 1;
      const last = new Date(Date.UTC(y, e, 0)).getUTCDate();
      const slot = { from: `${y}-${pad2(m)}-01`, to: `${y}-${pad2(e)}-${pad2(last)}` };
      if (slot.from >= period.periodFrom && slot.to <= period.periodTo && inForce(slot)) out.push(slot);
    }
  return out;
}

/** Whether an item is asked at all in a report period (dataItemSlots). */
export function isItemAskedInPeriod(
  item: { frequency: string; validFrom: string | null; validTo: string | null },
  period: { kind: string; periodFrom: string; periodTo: string },
): boolean {
  return dataItemSlots(item, period).length > 0;
}

/** Whether a unit (its kind, its groups' codes) reports an item: by kind or group; neither stated = every unit asked. */
export function doesUnitReportItem(
  item: { reportingUnitKinds: string[]; reportingGroupCode: string | null },
  unit: { kind: string; groupCodes: ReadonlySet<string> },
): boolean {
  if (item.reportingUnitKinds.length === 0 && !item.reportingGroupCode) return true;
  if (item.reportingUnitKinds.includes(unit.kind)) return true;
  return !!item.reportingGroupCode && unit.groupCodes.has(item.reportingGroupCode);
}
