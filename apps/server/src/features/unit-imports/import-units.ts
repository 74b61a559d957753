import {
  analyzeDatabase,
  type Db,
  earliestPlanYear,
  ensureDefaultGroups,
  insertImportedUnits,
  lockForWrite,
  provinceHasDistricts,
  provinceOn,
  provincePeriod,
  unitsOfProvinceOn,
} from '@dx/db';
import {
  AppError,
  addDays,
  checkUnitImport,
  defaultEffectiveDate,
  defaultUnitGroups,
  formatDateVi,
  localDateOf,
  said,
  type UnitImportCheck,
  UnitImportHeaderError,
  validationError,
  worded,
} from '@dx/domain';
import { readTable, type Table } from '../../lib/tabular';
import { audit, authorizeProvince, inTransaction, type UseCaseContext } from '../../use-case/context';

/** Rows one file may hold: a province's communes and districts, or its schools (~1,000 in a city, docs/brief.md). */
export const MAX_UNIT_IMPORT_ROWS = 20_000;

export type UnitImportReport = Omit<UnitImportCheck, 'units'> & {
  fileName: string;
  effectiveDate: string;
  /** The date offered when none was chosen: 1 January of the earliest plan year (or this year). */
  defaultEffectiveDate: string;
  total: number;
  created: number;
  reorganisationId: string | null;
  /** Default groups the province received with this import (a district level brings its group). */
  groupsAdded: string[];
};

/**
 * Imports a province's units (administrative units, agencies, press, schools, mass organisations) from an .xlsx or
 * .csv in the platform's layout or the statistics office's (issue 15). `confirm: false` is the dry run: every row is
 * understood or explained, nothing written. `confirm: true` creates every unit in one transaction only when every row
 * is understood (all or nothing), with the effective date the user chose; it is refused without one, so units never
 * silently start today. Only a system administrator or the province's administrator imports; audited.
 */
export async function importUnits({
  ctx,
  provinceId,
  fileName,
  content,
  confirm,
  effectiveDate,
}: {
  ctx: UseCaseContext;
  provinceId: string;
  fileName: string;
  content: Buffer;
  confirm: boolean;
  effectiveDate?: string;
}): Promise<UnitImportReport> {
  authorizeProvince(ctx, 'org_unit.reorganise', provinceId);
  const period = await provincePeriod(ctx.db, provinceId);
  if (!period) throw new AppError('ORG_UNIT.NOT_FOUND', said('province.none'));
  const offered = defaultEffectiveDate(
    await earliestPlanYear(ctx.db, provinceId),
    localDateOf(ctx.now),
    period,
  );
  if (confirm && !effectiveDate)
    throw validationError(said('unitImport.chooseDate'), [
      {
        path: ['querystring', 'effectiveDate'],
        ...worded('unitImport.chooseDateField', { offered: formatDateVi(offered) }),
      },
    ]);
  const date = effectiveDate ?? offered;
  if (
    (period.validFrom !== null && date < period.validFrom) ||
    (period.validTo !== null && date >= period.validTo)
  )
    throw validationError(said('unitImport.dateOutside'), [
      {
        path: ['querystring', 'effectiveDate'],
        ...worded('unitImport.dateRange', {
          name: period.name,
          from: period.validFrom ? formatDateVi(period.validFrom) : '…',
          to: period.validTo ? formatDateVi(addDays(period.validTo, -1)) : '…',
        }),
      },
    ]);

  const table = await readTable(content, fileName, {
    userId: ctx.actor.userId,
    maxRows: MAX_UNIT_IMPORT_ROWS,
  });
  const checked = await check(ctx.db, provinceId, date, table);
  const report = (
    c: UnitImportCheck,
    created: number,
    reorganisationId: string | null,
    groupsAdded: string[],
  ) => {
    const { units: _units, ...rest } = c;
    return {
      ...rest,
      fileName,
      effectiveDate: date,
      defaultEffectiveDate: offered,
      total: table.rows.length,
      created,
      reorganisationId,
      groupsAdded,
    };
  };
  if (!confirm || checked.errors > 0 || checked.units.length === 0) return report(checked, 0, null, []);

  const result = await inTransaction(ctx, async (tx) => {
    // The same file confirmed twice at once: the second waits here, then finds every unit there and creates none.
    await lockForWrite(tx, `units:import:${provinceId}`);
    const again = await check(tx, provinceId, date, table);
    if (again.errors > 0) return { checked: again, created: null };
    const created = await insertImportedUnits(tx, {
      provinceId,
      effectiveDate: date,
      units: again.units,
      actorId: ctx.actor.userId,
      fileName,
    });
    const hasDistricts = (again.counts.district ?? 0) > 0 || (await provinceHasDistricts(tx, provinceId));
    const groupsAdded = await ensureDefaultGroups(tx, provinceId, defaultUnitGroups({ hasDistricts }));
    await audit(tx, ctx, {
      action: 'org_unit.import',
      entityType: 'reorganisation',
      entityId: created.reorganisationId,
      provinceId,
      after: {
        fileName,
        format: again.format,
        effectiveDate: date,
        created: created.unitIds.length,
        counts: again.counts,
        groupsAdded,
      },
    });
    return { checked: again, created, groupsAdded };
  });
  if (!result.created) return report(result.checked, 0, null, []);
  // Planner statistics for the new rows (PGlite has no autovacuum), off the answer's path.
  void analyzeDatabase(ctx.db).catch(() => undefined);
  return report(
    result.checked,
    result.created.unitIds.length,
    result.created.reorganisationId,
    result.groupsAdded ?? [],
  );
}

async function check(db: Db, provinceId: string, date: string, table: Table): Promise<UnitImportCheck> {
  const province = await provinceOn(db, provinceId, date);
  if (!province) throw new AppError('ORG_UNIT.NOT_VALID_AT_DATE', said('province.notInForce'));
  const existing = await unitsOfProvinceOn(db, provinceId, date);
  try {
    return checkUnitImport(table.headers, table.rows, { province, existing });
  } catch (error) {
    if (error instanceof UnitImportHeaderError) throw new AppError('IMPORT.INVALID_FILE', error.message);
    throw error;
  }
}
