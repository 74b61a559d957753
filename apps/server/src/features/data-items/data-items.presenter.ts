import type { DataGridOut, DataItemOut, DataValueOut } from '@dx/contracts';
import type { DataItemRow, DataValueRow, ReportPeriodRow } from '@dx/db';

const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

/** The fields of an item that leave the server. */
export function presentDataItem(i: DataItemRow) {
  return {
    id: i.id,
    provinceId: i.provinceId,
    code: i.code,
    nameVi: i.nameVi,
    nameEn: i.nameEn,
    unitOfMeasure: i.unitOfMeasure as DataItemOut['unitOfMeasure'],
    reportingUnitKinds: i.reportingUnitKinds,
    reportingGroupCode: i.reportingGroupCode,
    frequency: i.frequency as DataItemOut['frequency'],
    aggregation: i.aggregation as DataItemOut['aggregation'],
    mayExceedPopulation: i.mayExceedPopulation,
    populationItemId: i.populationItemId,
    validFrom: i.validFrom,
    validTo: i.validTo,
    version: i.version,
  } satisfies DataItemOut;
}

/** The fields of a value that leave the server (not who entered or reviewed it: the report's history says that). */
export function presentDataValue(v: DataValueRow) {
  return {
    id: v.id,
    itemId: v.itemId,
    unitId: v.unitId,
    periodFrom: v.periodFrom,
    periodTo: v.periodTo,
    value: Number(v.value),
    note: v.note,
    status: v.status as DataValueOut['status'],
    submittedAt: iso(v.submittedAt),
    reviewedAt: iso(v.reviewedAt),
    reviewNote: v.reviewNote,
    version: v.version,
  } satisfies DataValueOut;
}

export function presentDataPeriod(p: ReportPeriodRow) {
  return {
    id: p.id,
    label: p.label,
    kind: p.kind as DataGridOut['period']['kind'],
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    status: p.status as DataGridOut['period']['status'],
  } satisfies DataGridOut['period'];
}
