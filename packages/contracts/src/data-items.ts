import {
  DATA_ITEM_AGGREGATIONS,
  DATA_ITEM_FREQUENCIES,
  DATA_ITEM_UNITS,
  dataItemInput,
  dataItemPatch,
  dataValuesInput,
  dataValuesReviewInput,
  REPORT_PERIOD_KINDS,
  REPORT_PERIOD_STATUSES,
  REPORT_STATUSES,
} from '@dx/domain';
import { z } from 'zod';
import { list, messageCode, messageParams } from './common';

// Requests (the bodies' rules live in the domain, packages/domain/src/indicators/data-items.ts)

export const dataItemsQuery = z.strictObject({ provinceId: z.uuid('Mã tỉnh không hợp lệ') });
export const dataItemParams = z.object({ itemId: z.uuid('Mã số liệu không hợp lệ') });
export const dataPeriodParams = z.object({ periodId: z.uuid('Mã kỳ báo cáo không hợp lệ') });
export const dataPeriodUnitParams = dataPeriodParams.extend({ unitId: z.uuid('Mã đơn vị không hợp lệ') });
export const dataImportQuery = z.strictObject({ confirm: z.enum(['true', 'false']).default('false') });
export {
  dataItemInput as dataItemBody,
  dataItemPatch as dataItemPatchBody,
  dataValuesInput as dataValuesBody,
  dataValuesReviewInput as dataValuesReviewBody,
};
export const dataValuesSubmitBody = z.strictObject({});
export type DataItemBody = z.input<typeof dataItemInput>;
export type DataItemPatchBody = z.input<typeof dataItemPatch>;
export type DataValuesBody = z.input<typeof dataValuesInput>;
export type DataValuesReviewBody = z.input<typeof dataValuesReviewInput>;

// Responses

export const dataItemOut = z.object({
  id: z.uuid(),
  provinceId: z.uuid(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitOfMeasure: z.enum(DATA_ITEM_UNITS),
  reportingUnitKinds: z.array(z.string()),
  reportingGroupCode: z.string().nullable(),
  frequency: z.enum(DATA_ITEM_FREQUENCIES),
  aggregation: z.enum(DATA_ITEM_AGGREGATIONS),
  mayExceedPopulation: z.boolean(),
  populationItemId: z.uuid().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  version: z.number(),
});
export type DataItemOut = z.infer<typeof dataItemOut>;
export const dataItemListOut = list(dataItemOut);
export type DataItemListOut = z.infer<typeof dataItemListOut>;

export const dataValueOut = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  unitId: z.uuid(),
  periodFrom: z.string(),
  periodTo: z.string(),
  value: z.number(),
  note: z.string(),
  status: z.enum(REPORT_STATUSES),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  version: z.number(),
});
export type DataValueOut = z.infer<typeof dataValueOut>;

const dataPeriodOut = z.object({
  id: z.uuid(),
  label: z.string(),
  kind: z.enum(REPORT_PERIOD_KINDS),
  periodFrom: z.string(),
  periodTo: z.string(),
  status: z.enum(REPORT_PERIOD_STATUSES),
});

/** A unit's figures for a period: the items asked of it, its values, and what the reader may do now. */
export const unitDataValuesOut = z.object({
  period: dataPeriodOut,
  unit: z.object({ id: z.uuid(), name: z.string() }),
  /** One row per value owed: an item at its own frequency (three monthly rows of an item in a quarter). */
  rows: z.array(
    z.object({
      item: dataItemOut,
      periodFrom: z.string(),
      periodTo: z.string(),
      value: dataValueOut.nullable(),
    }),
  ),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
});
export type UnitDataValuesOut = z.infer<typeof unitDataValuesOut>;

/**
 * A period's grid: units × values owed (an item at its own frequency: `columns`, in the order of each unit's
 * `cells`), each cell the unit's value (or none) and whether it is asked of the unit.
 */
export const dataGridOut = z.object({
  period: dataPeriodOut,
  items: z.array(dataItemOut),
  columns: z.array(z.object({ itemId: z.uuid(), periodFrom: z.string(), periodTo: z.string() })),
  units: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.string(),
      /** The reader may type this unit's open values here (its own officers; saved with PUT …/units/:unitId/data-values). */
      canEdit: z.boolean(),
      cells: z.array(
        z.object({
          itemId: z.uuid(),
          periodFrom: z.string(),
          isAsked: z.boolean(),
          value: dataValueOut.nullable(),
        }),
      ),
    }),
  ),
  canReview: z.boolean(),
});
export type DataGridOut = z.infer<typeof dataGridOut>;

export const dataReviewOut = list(dataValueOut);
export type DataReviewOut = z.infer<typeof dataReviewOut>;

export const DATA_IMPORT_OUTCOMES = ['ok', 'empty', 'error'] as const;
/** A dry run (or a confirmed import) of a filled template: every row explained, cell by cell. */
export const dataImportOut = z.object({
  confirmed: z.boolean(),
  fileName: z.string(),
  rows: z.array(
    z.object({
      row: z.number(),
      unitId: z.uuid().nullable(),
      unitName: z.string(),
      outcome: z.enum(DATA_IMPORT_OUTCOMES),
      values: z.number(),
      problems: z.array(
        z.object({
          column: z.string(),
          message: z.string(),
          reason: messageCode.optional(),
          params: messageParams.optional(),
        }),
      ),
    }),
  ),
  values: z.number(),
  errors: z.number(),
});
export type DataImportOut = z.infer<typeof dataImportOut>;
