// A province's own words and bodies over time (issue 15): what a province calls itself, its People's Committee,
// its Party committee, the agency acting as DX office, recipients, signature, funding sources, the budget road's
// wording, report defaults. Read through the one "as of" rule (queries/as-of.ts inForceOn).
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { appUser, orgUnit } from './core-schema';

/**
 * One value of one setting of a province for a period [valid_from, valid_to) (null = open). The periods of one key
 * do not overlap (packages/domain province-settings checks it before a write); the value's shape is the key's
 * schema in packages/domain/src/province-settings.
 */
export const provinceSetting = pgTable(
  'province_setting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => orgUnit.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    createdAt: createdAt(),
  },
  (t) => [
    index('province_setting_key_idx').on(t.provinceId, t.key, t.validFrom),
    check(
      'province_setting_range_chk',
      sql`${t.validTo} IS NULL OR ${t.validFrom} IS NULL OR ${t.validFrom} < ${t.validTo}`,
    ),
  ],
);

/** The revision of a province's settings as a whole (optimistic concurrency of the settings screen: 409 when stale). */
export const provinceSettingsRevision = pgTable('province_settings_revision', {
  provinceId: uuid('province_id')
    .primaryKey()
    .references(() => orgUnit.id),
  version: integer('version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => appUser.id),
});
