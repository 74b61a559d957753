import type { UnitImportOut } from '@dx/contracts';
import { postFile, toQuery } from '../lib/api';

/* Importing a province's units (apps/server/src/features/unit-imports/unit-imports.routes.ts) */

export type UnitImportReport = UnitImportOut;
export type UnitImportRow = UnitImportOut['rows'][number];

export const UNIT_IMPORT_TEMPLATE_URL = '/api/unit-imports/template.xlsx';

/** Dry run (confirm false) or confirm of a file, for a province, with the chosen effective date. */
export const importUnitsFile = (
  file: File,
  o: { provinceId: string; confirm: boolean; effectiveDate?: string },
) =>
  postFile<UnitImportReport>(
    `/unit-imports/file${toQuery({
      provinceId: o.provinceId,
      confirm: String(o.confirm),
      effectiveDate: o.effectiveDate,
    })}`,
    file,
  );
