import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { appUser } from './core-schema';
import { plan } from './plan-schema';

/** One unit named in a công văn đôn đốc and what it still owes, as written in the document. */
export type UrgingLine = { unitId: string; unitName: string; owes: string[] };

/** The issuing body's lines as they stood on the day (Decree 30 header and signature), kept so the DOCX never changes. */
export type UrgingFrame = {
  issuerParent: string | null;
  issuer: string[];
  issuerName: string;
  code: string;
  place: string;
  signature: string[];
  signer: string;
};

/** What happened to the messages outside the app (e-mail via the notification outbox; Zalo, SMS here). */
export type UrgingDelivery = {
  zalo: { sent: number; failed: number; noAddress: number; errors: string[] } | null;
  sms: { sent: number; failed: number; noAddress: number; errors: string[] } | null;
};

/**
 * A numbered official dispatch urging units behind (công văn đôn đốc; plan 54 V.1.a "hướng dẫn, đôn đốc, kiểm tra"):
 * numbered per province and calendar year (Nghị định 30/2020/NĐ-CP, Điều 15: numbers restart on 01/01), generated
 * from a who-is-behind list (a target's subjects, overdue tasks, a report period's missing units).
 */
export const urging = pgTable(
  'urging',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** 'target' | 'tasks' | 'reports': the list it was generated from; `source_id` the target or period. */
    source: text('source').notNull(),
    sourceId: uuid('source_id'),
    subject: text('subject').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** The day the list stood at (a dashboard's as-of date), or the issue date. */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    frame: jsonb('frame').$type<UrgingFrame>().notNull(),
    lines: jsonb('lines').$type<UrgingLine[]>().notNull(),
    delivery: jsonb('delivery').$type<UrgingDelivery>().notNull().default({ zalo: null, sms: null }),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('urging_number_uq').on(t.provinceId, t.year, t.number),
    index('urging_plan_idx').on(t.planId, t.createdAt),
  ],
);
