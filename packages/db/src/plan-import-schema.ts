import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from './columns';
import { appUser, orgUnit } from './core-schema';
import { plan } from './plan-schema';

/** Where an imported plan's text came from (issue 17: DOCX, PDF with a text layer, pasted or OCR text). */
export const PLAN_IMPORT_SOURCES = ['text', 'ocr', 'docx', 'pdf'] as const;
/** A draft waits for review; confirming creates the plan; a discarded draft is kept for the audit trail. */
export const PLAN_IMPORT_STATUSES = ['draft', 'confirmed', 'discarded'] as const;

/**
 * A plan document read into a draft (issue 17): the text as read (after OCR repair), the parsed draft with the
 * source span and confidence of each field, and what became of it. Nothing is a plan until the user confirms.
 */
export const planImportDraft = pgTable(
  'plan_import_draft',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => orgUnit.id),
    uploadedBy: uuid('uploaded_by').references(() => appUser.id),
    fileName: text('file_name'),
    source: text('source').notNull(),
    /** The text the draft was read from (repaired when the source was OCR), which field spans point into. */
    sourceText: text('source_text').notNull(),
    draft: jsonb('draft').notNull(),
    status: text('status').notNull().default('draft'),
    planId: uuid('plan_id').references(() => plan.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('plan_import_draft_province_idx').on(t.provinceId, t.createdAt),
    check('plan_import_draft_source_chk', sql`${t.source} IN (${inList(PLAN_IMPORT_SOURCES)})`),
    check('plan_import_draft_status_chk', sql`${t.status} IN (${inList(PLAN_IMPORT_STATUSES)})`),
    check('plan_import_draft_plan_chk', sql`(${t.status} = 'confirmed') = (${t.planId} IS NOT NULL)`),
  ],
);
