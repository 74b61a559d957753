import { listCatalogueWithProvinces } from '@dx/db';
import { catalogueInForce, provinceWord } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';

/**
 * The national catalogue of provinces (reference data any signed-in user may read), each row with the province
 * added from it, if any; `asOf` keeps the rows in force that day (34 from 01/07/2025, 63 before).
 */
export async function listProvinceCatalogue({ ctx, asOf }: { ctx: UseCaseContext; asOf?: string }) {
  const rows = await listCatalogueWithProvinces(ctx.db);
  return rows
    .filter((r) => asOf === undefined || catalogueInForce(r, asOf))
    .sort(
      (a, b) => a.name.localeCompare(b.name, 'vi') || (a.validFrom ?? '').localeCompare(b.validFrom ?? ''),
    )
    .map((r) => ({ ...r, word: provinceWord(r.adminType) }));
}
