import type { PlanDocumentKind, PlanHeadings, PlanPart, ReportingDeadline, Responsibility } from '@dx/domain';
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
import { createdAt, updatedAt } from './columns';
import { appUser, orgUnit } from './core-schema';

/** Parts of a plan that nothing else refers to by id: kept together as one JSON document on the plan row. */
export type PlanBody = {
  /** Document kind (KH, QĐ, CTr, ĐA, HD); absent in plans stored before kinds existed = KH. */
  kind?: PlanDocumentKind;
  /** The body above a department issuer in the two-line header; absent/null for a People's Committee. */
  parentIssuerName?: string | null;
  /** Last year of a multi-year plan; absent/null for a plan of one year. */
  yearTo?: number | null;
  /** Headings stored before "Mục đích, yêu cầu" existed lack aims/purpose/requirements (the defaults apply). */
  headings: Partial<PlanHeadings> & Omit<PlanHeadings, 'aims' | 'purpose' | 'requirements'>;
  /** Which parts in which order; absent = every part in plan 54's order. */
  parts?: PlanPart[];
  purposes?: string[];
  requirements?: string[];
  preambleLead: string;
  preambleClosing: string;
  generalObjectives: { letter: string; text: string }[];
  tasks: string[];
  funding: string[];
  responsibilities: Responsibility[];
  /** The plan's reporting deadlines; absent in plans stored before it existed = none stated. */
  reportingSchedule?: ReportingDeadline[];
  closing: string;
  recipients: string[];
  signatureAuthority: string;
  signatureDelegation: string | null;
  notes: string[];
};

/**
 * A plan (kế hoạch), e.g. a People's Committee's 54/KH-UBND. Number and code follow Nghị định 30/2020/NĐ-CP
 * (`<number>/<type>-<issuer>`); a number is unique per issuer and year of issue (the decree numbers documents
 * from 01 each year). Targets, themes and legal bases are rows, because later features refer to them by id.
 */
export const plan = pgTable(
  'plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => orgUnit.id),
    issuerName: text('issuer_name').notNull(),
    /** From the code (54/KH-UBND → UBND); null while a draft has no number. */
    issuerCode: text('issuer_code'),
    number: integer('number'),
    typeCode: text('type_code').notNull().default('KH'),
    /** The full code as written: 54/KH-UBND. */
    code: text('code'),
    /** Year of issue (from the date), the scope of the number's uniqueness. */
    issuedYear: integer('issued_year'),
    issuedOn: date('issued_on'),
    place: text('place').notNull(),
    /** The year the plan covers. */
    year: integer('year').notNull(),
    title: text('title').notNull(),
    signerName: text('signer_name').notNull().default(''),
    signerPosition: text('signer_position').notNull(),
    body: jsonb('body').$type<PlanBody>().notNull(),
    copiedFromPlanId: uuid('copied_from_plan_id'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('plan_number_uq').on(t.provinceId, t.issuerCode, t.number, t.issuedYear),
    index('plan_province_year_idx').on(t.provinceId, t.year),
    index('plan_code_idx').on(t.provinceId, t.code),
    check(
      'plan_number_chk',
      sql`(${t.number} IS NULL) = (${t.code} IS NULL) AND (${t.number} IS NULL OR ${t.issuedYear} IS NOT NULL)`,
    ),
  ],
);

/** A document the plan cites as its basis (căn cứ); linked to a stored plan by (province, code, year) on read. */
export const planLegalBasis = pgTable(
  'plan_legal_basis',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer'),
    issuedOn: date('issued_on'),
    title: text('title').notNull(),
    citation: text('citation'),
  },
  (t) => [
    index('plan_legal_basis_plan_idx').on(t.planId, t.position),
    index('plan_legal_basis_number_idx').on(t.number),
  ],
);

/** A specific target (chỉ tiêu) with its goal in structured form and what it is about. */
export const planTarget = pgTable(
  'plan_target',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    /** The item letter (a, b, c, d, đ, e); the code is I.2.<letter>. */
    letter: text('letter').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    comparator: text('comparator').notNull(),
    goalValue: numeric('goal_value', { mode: 'number' }).notNull(),
    goalMax: numeric('goal_max', { mode: 'number' }),
    unit: text('unit').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectUnitGroupCode: text('subject_unit_group_code'),
    subjectRecordKind: text('subject_record_kind'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('plan_target_letter_uq').on(t.planId, t.letter),
    check('plan_target_comparator_chk', sql`${t.comparator} IN ('eq','gte','lte','between')`),
    check('plan_target_unit_chk', sql`${t.unit} IN ('percent','count','people','vnd')`),
    check('plan_target_between_chk', sql`(${t.comparator} = 'between') = (${t.goalMax} IS NOT NULL)`),
    check(
      'plan_target_subject_chk',
      sql`(${t.subjectType} = 'unit_group' AND ${t.subjectUnitGroupCode} IS NOT NULL) OR (${t.subjectType} = 'record' AND ${t.subjectRecordKind} IS NOT NULL)`,
    ),
  ],
);

/** A theme (nội dung tuyên truyền): II.1–6 and the sub-themes II.4.a–h; records are tagged with these ids. */
export const planTheme = pgTable(
  'plan_theme',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    provinceId: uuid('province_id').notNull(),
    parentId: uuid('parent_id'),
    /** II.4, II.4.a */
    code: text('code').notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    bullets: jsonb('bullets').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('plan_theme_code_uq').on(t.planId, t.code),
    index('plan_theme_parent_idx').on(t.parentId),
  ],
);

/** History of a plan: every write stores the document before and after, with who and when. */
export const planRevision = pgTable(
  'plan_revision',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    /** Top-level parts that changed (targets, themes, legalBases…). */
    parts: jsonb('parts').$type<string[]>().notNull().default([]),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
  },
  (t) => [index('plan_revision_plan_idx').on(t.planId, t.version)],
);
