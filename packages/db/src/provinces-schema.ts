import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The national catalogue of provincial-level units through time (issue 15): the 63 provinces and centrally-run
 * cities in force until 30/06/2025 and the 34 from 01/07/2025 (Nghị quyết 202/2025/QH15), with their official codes
 * (QĐ 124/2004/QĐ-TTg; QĐ 19/2025/QĐ-TTg). Reference data loaded from packages/db/data/provinces/ at every start;
 * a province added to the platform is an org_unit (kind 'province') made from one row, matched by code and dates
 * (codes are not identities: a province's code names it before and after a 2025 merger that absorbed another).
 */
export const provinceCatalogue = pgTable(
  'province_catalogue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** 'Tỉnh' or 'Thành phố Trung ương' (the word official lists use). */
    adminType: text('admin_type').notNull(),
    /** First day in force (inclusive); null = before the catalogue's records. */
    validFrom: date('valid_from'),
    /** First day no longer in force (exclusive), as org_unit_version: the 63 end with valid_to 2025-07-01. */
    validTo: date('valid_to'),
    /** Codes of the catalogue rows this one was formed from (a merger), ';'-separated in the data file. */
    predecessorCodes: text('predecessor_codes').array().notNull().default(sql`'{}'::text[]`),
    legalBasis: text('legal_basis'),
  },
  (t) => [
    uniqueIndex('province_catalogue_code_from_uq').on(t.code, t.validFrom),
    index('province_catalogue_name_idx').on(t.name),
    check(
      'province_catalogue_range_chk',
      sql`${t.validTo} IS NULL OR ${t.validFrom} IS NULL OR ${t.validFrom} < ${t.validTo}`,
    ),
    check('province_catalogue_type_chk', sql`${t.adminType} IN ('Tỉnh','Thành phố Trung ương')`),
  ],
);
