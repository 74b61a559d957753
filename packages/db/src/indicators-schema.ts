import {
  DATA_ITEM_AGGREGATIONS,
  DATA_ITEM_FREQUENCIES,
  DATA_ITEM_UNITS,
  REPORT_STATUSES,
  VOCABULARIES,
} from '@dx/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from './columns';
import { appUser, orgUnit } from './core-schema';

/*
 * The general indicator engine's data (issue 16): per-province vocabularies (the codes rules filter on, with
 * Vietnamese and English labels), and reported figures — data items and the values units report per period.
 */

/** A term of a province's vocabulary (person roles, training tags, event kinds and levels, model and channel kinds). */
export const vocabularyTerm = pgTable(
  'vocabulary_term',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    vocabulary: text('vocabulary').notNull(),
    /** Stored on records and in rules; never shown (labels are). */
    code: text('code').notNull(),
    labelVi: text('label_vi').notNull(),
    labelEn: text('label_en').notNull(),
    position: integer('position').notNull().default(0),
    /** [valid_from, valid_to): a term retired from a date stays readable on older records. */
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('vocabulary_term_code_uq').on(t.provinceId, t.vocabulary, t.code),
    check('vocabulary_term_vocabulary_chk', sql`${t.vocabulary} IN (${inList(VOCABULARIES)})`),
    check('vocabulary_term_code_chk', sql`${t.code} ~ '^[A-Za-z0-9_.-]+$'`),
    check(
      'vocabulary_term_valid_chk',
      sql`${t.validTo} IS NULL OR ${t.validFrom} IS NULL OR ${t.validTo} > ${t.validFrom}`,
    ),
  ],
);

/** A figure units report (people reached by a campaign, households visited …), defined by the DX office. */
export const dataItem = pgTable(
  'data_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    unitOfMeasure: text('unit_of_measure').notNull(),
    /** Which units report it: these unit kinds, and/or the members of a unit group. */
    reportingUnitKinds: jsonb('reporting_unit_kinds').$type<string[]>().notNull().default([]),
    reportingGroupCode: text('reporting_group_code'),
    frequency: text('frequency').notNull(),
    aggregation: text('aggregation').notNull(),
    /** False: a unit's value may not exceed its value of `population_item_id` (reached ≤ population). */
    mayExceedPopulation: boolean('may_exceed_population').notNull().default(true),
    populationItemId: uuid('population_item_id'),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('data_item_code_uq').on(t.provinceId, t.code),
    check('data_item_unit_chk', sql`${t.unitOfMeasure} IN (${inList(DATA_ITEM_UNITS)})`),
    check('data_item_frequency_chk', sql`${t.frequency} IN (${inList(DATA_ITEM_FREQUENCIES)})`),
    check('data_item_aggregation_chk', sql`${t.aggregation} IN (${inList(DATA_ITEM_AGGREGATIONS)})`),
  ],
);

/** A unit's value of an item for one period, on the report road; only accepted values feed targets. */
export const dataValue = pgTable(
  'data_value',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => dataItem.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    /** Local dates, both inclusive (one of the item's frequency). */
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    value: numeric('value', { precision: 20, scale: 4 }).notNull(),
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => appUser.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewNote: text('review_note'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('data_value_unit_period_uq').on(t.itemId, t.unitId, t.periodFrom),
    index('data_value_eval_idx').on(t.provinceId, t.itemId, t.status, t.periodFrom),
    check('data_value_status_chk', sql`${t.status} IN (${inList(REPORT_STATUSES)})`),
    check('data_value_value_chk', sql`${t.value} >= 0`),
    check('data_value_period_chk', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);
