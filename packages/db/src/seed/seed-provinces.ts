import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CatalogueProvince, checkCatalogue, readCatalogueRows } from '@dx/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { listCatalogue } from '../queries/provinces';
import { provinceCatalogue, setting } from '../schema';
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

/** What the first start chose to load (README "First start"): Hải Phòng's data, or an empty platform. */
export type SeedChoice = 'haiphong' | 'none';

/**
 * The seed choice of this database: the one recorded at its first start, else `requested` (recorded now). A database
 * that already holds the Hải Phòng seed from before the choice existed counts as 'haiphong', so a later
 * `SEED=none` never hides data, and a later plain `npm start` never loads Hải Phòng into an empty platform.
 */
export async function seedChoiceOf(db: Db, requested: SeedChoice): Promise<SeedChoice> {
  const [chosen] = await db.select().from(setting).where(eq(setting.key, 'seed.choice'));
  if (chosen) return chosen.value as SeedChoice;
  const [seeded] = await db.select().from(setting).where(eq(setting.key, 'seed.units'));
  const choice: SeedChoice = seeded ? 'haiphong' : requested;
  await db.insert(setting).values({ key: 'seed.choice', value: choice }).onConflictDoNothing();
  return choice;
}
