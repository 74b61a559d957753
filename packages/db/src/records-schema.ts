import {
  type NotificationWords,
  PUBLICATION_FORMATS,
  type TargetRule,
  UNIT_PLAN_KINDS,
  UNIT_PLAN_STATUSES,
} from '@dx/domain';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, inList, updatedAt } from './columns';
import { appUser, orgUnit } from './core-schema';
import { planTarget, planTheme } from './plan-schema';
import { urging } from './urging-schema';

/*
 * Role, channel kind, model kind, event kind and level are codes of the province's vocabularies
 * (indicators-schema.ts vocabulary_term, issue 16), checked by the application against them, not by a fixed list.
 *
 * Evidence records (docs/brief.md "every unit records what it did once"): what the six targets of Plan 54 I.2 are
 * computed from, live. Every row carries province_id (sharding by province stays possible) and a version for
 * optimistic locking; units are org_unit ids (identities, not versions: a record keeps its unit across renames).
 */

/**
 * A unit's communication plan for the year, or the DX plan / work programme into which DX communication is
 * integrated (Plan 54 I.2.a); the DX office accepts or returns it.
 */
export const unitPlan = pgTable(
  'unit_plan',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    documentNumber: text('document_number').notNull(),
    documentDate: date('document_date').notNull(),
    /** Reference of an uploaded file (storage key), optional. */
    fileRef: text('file_ref'),
    status: text('status').notNull().default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => appUser.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('unit_plan_eval_idx').on(t.provinceId, t.year, t.status, t.unitId),
    index('unit_plan_unit_idx').on(t.unitId, t.year),
    check('unit_plan_kind_chk', sql`${t.kind} IN (${inList(UNIT_PLAN_KINDS)})`),
    check('unit_plan_status_chk', sql`${t.status} IN (${inList(UNIT_PLAN_STATUSES)})`),
  ],
);

/**
 * A channel (newspaper, TV, radio, portal, district radio system, commune loudspeakers, Zalo OA, Facebook page,
 * YouTube) with its owner unit and its "Chuyển đổi số" section (Plan 54 I.2.b). Mass media (newspaper, tv,
 * radio, press_portal) and social channels are told apart by kind (Plan 54 I.2.d counts mass media only).
 */
export const channel = pgTable(
  'channel',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    hasDxSection: boolean('has_dx_section').notNull().default(false),
    dxSectionUrl: text('dx_section_url'),
    /** First day the DX section ran; quarters before it are not due. */
    dxSectionSince: date('dx_section_since'),
    closedOn: date('closed_on'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('channel_eval_idx').on(t.provinceId, t.kind), index('channel_owner_idx').on(t.ownerUnitId)],
);

/** A publication (tin, bài) on a channel; `is_dx` = part of the DX section / DX content. */
export const publication = pgTable(
  'publication',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => channel.id),
    /** The channel's owner at the time of entry (scope checks without a join). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    title: text('title').notNull(),
    url: text('url'),
    publishedOn: date('published_on').notNull(),
    format: text('format').notNull(),
    isDx: boolean('is_dx').notNull().default(true),
    reach: integer('reach'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Plan 54 I.2.b: "at least one DX publication per quarter" scans a channel's publications by date.
    index('publication_channel_date_idx').on(t.channelId, t.publishedOn).where(sql`${t.isDx}`),
    index('publication_province_date_idx').on(t.provinceId, t.publishedOn),
    check('publication_format_chk', sql`${t.format} IN (${inList(PUBLICATION_FORMATS)})`),
    check('publication_reach_chk', sql`${t.reach} IS NULL OR ${t.reach} >= 0`),
  ],
);

export const publicationTheme = pgTable(
  'publication_theme',
  {
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publication.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => planTheme.id),
  },
  (t) => [
    primaryKey({ columns: [t.publicationId, t.themeId] }),
    index('publication_theme_theme_idx').on(t.themeId),
  ],
);

/** A reporter, editor or grassroots information officer (Plan 54 I.2.c) of a unit. */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    fullName: text('full_name').notNull(),
    role: text('role').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** Left the role; not counted as of later dates. */
    leftOn: date('left_on'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('person_eval_idx').on(t.provinceId, t.role), index('person_unit_idx').on(t.unitId)],
);

/** A training event (tập huấn); `tags` say what it taught ('dx_writing' = DX news writing, Plan 54 I.2.c). */
export const training = pgTable(
  'training',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    organiserUnitId: uuid('organiser_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('training_province_date_idx').on(t.provinceId, t.heldOn)],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    trainingId: uuid('training_id')
      .notNull()
      .references(() => training.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    provinceId: uuid('province_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.trainingId, t.personId] }),
    index('training_attendance_person_idx').on(t.personId),
  ],
);

/** A DX model or role model (mô hình CĐS thành công / gương điển hình) and its recognition (Plan 54 I.2.d). */
export const dxModel = pgTable(
  'dx_model',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Who recognised it (name of the body, as written); null = not (yet) recognised. */
    recognisedBy: text('recognised_by'),
    recognisedOn: date('recognised_on'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('dx_model_eval_idx').on(t.provinceId, t.recognisedOn),
    index('dx_model_unit_idx').on(t.unitId),
    check('dx_model_recognition_chk', sql`(${t.recognisedOn} IS NULL) = (${t.recognisedBy} IS NULL)`),
  ],
);

/** DX models a publication featured. */
export const publicationModel = pgTable(
  'publication_model',
  {
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publication.id, { onDelete: 'cascade' }),
    modelId: uuid('model_id')
      .notNull()
      .references(() => dxModel.id),
  },
  (t) => [
    primaryKey({ columns: [t.publicationId, t.modelId] }),
    index('publication_model_model_idx').on(t.modelId),
  ],
);

/**
 * A contest, workshop, extracurricular session or other activity (Plan 54 I.2.đ, I.2.e), with its level and
 * organiser; a school's activities are events it organises.
 */
export const event = pgTable(
  'event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    organiserUnitId: uuid('organiser_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    participants: integer('participants'),
    isDx: boolean('is_dx').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('event_eval_idx').on(t.provinceId, t.heldOn, t.kind, t.level),
    index('event_organiser_idx').on(t.organiserUnitId, t.heldOn),
    check('event_participants_chk', sql`${t.participants} IS NULL OR ${t.participants} >= 0`),
  ],
);

export const eventTheme = pgTable(
  'event_theme',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => planTheme.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.themeId] })],
);

/** How a plan target is computed (population, condition, period, as-of); the goal stays on plan_target. */
export const targetDefinition = pgTable('target_definition', {
  planTargetId: uuid('plan_target_id')
    .primaryKey()
    .references(() => planTarget.id, { onDelete: 'cascade' }),
  provinceId: uuid('province_id').notNull(),
  rule: jsonb('rule').$type<TargetRule>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => appUser.id),
  updatedAt: updatedAt(),
});

/** An in-app notification (a reminder — đôn đốc — among others) addressed to a unit, seen by its officers. */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    kind: text('kind').notNull(),
    /** The Vietnamese title and body, as e-mailed (and shown for rows written before `words`). */
    title: text('title').notNull(),
    body: text('body').notNull(),
    /**
     * The same sentences by code (packages/domain/src/messages.ts) for the web to word in the reader's language
     * (issue 18); `body` null when the body is the sender's own text or an official document's, shown as written.
     */
    words: jsonb('words').$type<NotificationWords>(),
    planTargetId: uuid('plan_target_id').references(() => planTarget.id, { onDelete: 'set null' }),
    sentBy: uuid('sent_by').references(() => appUser.id),
    /** The công văn đôn đốc this notification carries (urging-schema.ts), if any. */
    urgingId: uuid('urging_id').references(() => urging.id, { onDelete: 'set null' }),
    /** E-mail delivery: 'queued' → 'sending' → 'sent' | 'retrying' | 'failed' (the outbox of jobs/notification-mail.ts); 'not_configured', 'no_recipient'. */
    emailStatus: text('email_status').notNull(),
    emailTo: jsonb('email_to').$type<string[]>().notNull().default([]),
    emailError: text('email_error'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('notification_unit_idx').on(t.unitId, t.createdAt),
    index('notification_province_idx').on(t.provinceId, t.createdAt),
  ],
);

/** One confirmed import (Excel/CSV): all its rows were saved in the same transaction. */
export const importBatch = pgTable('import_batch', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  provinceId: uuid('province_id').notNull(),
  recordType: text('record_type').notNull(),
  fileName: text('file_name'),
  rows: integer('rows').notNull(),
  createdBy: uuid('created_by').references(() => appUser.id),
  createdAt: createdAt(),
});

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A file attached to an evidence record (a unit plan's signed document, a training's attendance list, a model's
 * certificate of recognition), kept in the database (bytea) like task evidence: same backup and transaction as the
 * record; files are small (≤ 4 MB, checked by the domain). `record_type` + `record_id` name the record (seven
 * tables, so no foreign key: the record's deletion removes its files in the same transaction). The older plain
 * `unit_plan.file_ref` text stays as it was.
 */
export const recordFile = pgTable(
  'record_file',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** The record's unit when uploaded (scope checks without a join). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('record_file_record_idx').on(t.recordType, t.recordId),
    check(
      'record_file_type_chk',
      sql`${t.recordType} IN ('unit_plan','channel','publication','person','training','dx_model','event')`,
    ),
  ],
);
