import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { appUser, orgUnit } from './core-schema';

/**
 * A checked import waiting to be confirmed (issue 12 "Imports that scale"): the dry run parses and checks the file
 * once and keeps its valid rows here, ready to insert; confirming copies them into the record tables with one
 * INSERT … SELECT per table instead of reading and checking the file again. `issues` are the dry run's problems,
 * reported again by the confirm so no row goes unreported. A stage belongs to the user who uploaded it and is
 * dropped when confirmed or after a day.
 */
export const importStage = pgTable('import_stage', {
  id: uuid('id').primaryKey().defaultRandom(),
  provinceId: uuid('province_id')
    .notNull()
    .references(() => orgUnit.id),
  recordType: text('record_type').notNull(),
  fileName: text('file_name'),
  /** Rows read from the file (valid or not). */
  total: integer('total').notNull(),
  issues: jsonb('issues').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => appUser.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * One valid row of a stage: the record's column values (database column names, the record's id already chosen),
 * the ids it links to (themes, models, attendees), and its identity for duplicate checks (domain recordImportKey).
 */
export const importStageRow = pgTable(
  'import_stage_row',
  {
    stageId: uuid('stage_id')
      .notNull()
      .references(() => importStage.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    identity: text('identity').notNull(),
    unitId: uuid('unit_id').notNull(),
    record: jsonb('record').notNull(),
    themeIds: uuid('theme_ids').array().notNull(),
    modelIds: uuid('model_ids').array().notNull(),
    attendeeIds: uuid('attendee_ids').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.stageId, t.row] })],
);
