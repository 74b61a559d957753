import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CatalogueProvince, checkCatalogue, readCatalogueRows } from '@dx/domain';
import type { Db } from '../client';
import { listCatalogue } from '../queries/provinces';
import { provinceCatalogue } from '../schema';
import { parseCsv } from './csv';

const CATALOGUE_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/provinces/vietnam-provinces.csv',
);

/** The catalogue as shipped (packages/db/data/provinces/README.md), checked for consistency. */
export function loadProvinceCatalogue(): CatalogueProvince[] {
  const rows = readCatalogueRows(parseCsv(readFileSync(CATALOGUE_FILE, 'utf8')));
  const problems = checkCatalogue(rows);
  if (problems.length > 0) throw new Error(`province catalogue: ${problems.join('; ')}`);
  return rows;
}

const keyOf = (r: { code: string; validFrom: string | null }) => `${r.code}@${r.validFrom ?? ''}`;

/**
 * Makes the stored catalogue what the shipped file says (at every start, every seed choice included): rows are
 * reference data, matched by code and start; a corrected name or date in a new release replaces the stored one.
 * Provinces already added keep their own org_unit rows (they are not linked by id).
 */
export async function syncProvinceCatalogue(db: Db): Promise<{ rows: number; changed: boolean }> {
  const rows = loadProvinceCatalogue();
  const stored = await listCatalogue(db);
  const same =
    stored.length === rows.length &&
    stored.every((s) => {
      const r = rows.find((x) => keyOf(x) === keyOf(s));
      return (
        !!r &&
        r.name === s.name &&
        r.adminType === s.adminType &&
        r.validTo === s.validTo &&
        r.legalBasis === s.legalBasis &&
        r.predecessorCodes.join(';') === s.predecessorCodes.join(';')
      );
    });
  if (same) return { rows: rows.length, changed: false };
  await db.transaction(async (tx) => {
    await tx.delete(provinceCatalogue);
    await tx.insert(provinceCatalogue).values(rows);
  });
  return { rows: rows.length, changed: true };
}
