// Core tables: org units through time, users, grants, sessions, audit, groups, settings. Every other schema file
// builds on these; schema.ts only re-exports, so the schema reads bottom-up without a cycle.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

/**
 * Identity of an organisation (cơ quan, đơn vị, địa phương). Everything that changes over time lives in
 * org_unit_version; official codes are not identities (2025 reused 103 of 114 codes for other units).
 * Every row is reachable from its province (province_id) so the data can later be sharded by province.
 */
export const orgUnit = pgTable(
  'org_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id').notNull(),
    /** Where the row came from (seed file, import, user). */
    source: text('source'),
    /** verified / likely / unverified (seed agencies carry a confidence flag). */
    confidence: text('confidence'),
    sourceNote: text('source_note'),
    createdAt: createdAt(),
  },
  (t) => [index('org_unit_province_idx').on(t.provinceId)],
);

/** A period [valid_from, valid_to) during which a unit's name, code, kind and parent were fixed. */
export const orgUnitVersion = pgTable(
  'org_unit_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    code: text('code'),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    adminType: text('admin_type'),
    parentUnitId: uuid('parent_unit_id').references(() => orgUnit.id),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** Accent-folded name for searching ("hai an" finds "Quận Hải An"); f_unaccent is IMMUTABLE. */
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(f_unaccent(name || ' ' || coalesce(code, '')))`,
    ),
    /** Optimistic concurrency for corrections of this version. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('org_unit_version_unit_idx').on(t.unitId, t.validFrom),
    index('org_unit_version_parent_idx').on(t.parentUnitId, t.validFrom),
    index('org_unit_version_code_idx').on(t.code),
    index('org_unit_version_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check(
      'org_unit_version_range_chk',
      sql`${t.validTo} IS NULL OR ${t.validFrom} IS NULL OR ${t.validFrom} < ${t.validTo}`,
    ),
    check(
      'org_unit_version_kind_chk',
      sql`${t.kind} IN ('province','department','district','commune','press_agency','school','mass_organisation','enterprise','other')`,
    ),
  ],
);

/** A recorded change in the organisation (merge, split, rename, move, creation, end) with its legal basis. */
export const reorganisation = pgTable('reorganisation', {
  id: uuid('id').primaryKey().defaultRandom(),
  provinceId: uuid('province_id').notNull(),
  type: text('type').notNull(),
  effectiveDate: date('effective_date').notNull(),
  legalBasis: text('legal_basis'),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});

/** Predecessor → successor (sáp nhập, chia tách); `share` full or partial (part of the territory). */
export const orgUnitSuccession = pgTable(
  'org_unit_succession',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    predecessorUnitId: uuid('predecessor_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    successorUnitId: uuid('successor_unit_id')
      .notNull()
      .references(() => orgUnit.id),
    share: text('share').notNull().default('full'),
    /**
     * Whether the predecessor's records count for this successor once the predecessor has ended (succession
     * roll-up, docs/architecture.md § Org units through time). Always true for a full succession; for a partial
     * one the reorganisation chose: one successor receives them, or every successor by the share recorded.
     */
    receivesRecords: boolean('receives_records').notNull().default(true),
    effectiveDate: date('effective_date').notNull(),
    reorganisationId: uuid('reorganisation_id').references(() => reorganisation.id),
  },
  (t) => [
    uniqueIndex('org_unit_succession_pair_uq').on(t.predecessorUnitId, t.successorUnitId),
    index('org_unit_succession_successor_idx').on(t.successorUnitId),
  ],
);

/** A named set of units that targets and tasks refer to: by rule (kinds) or by explicit members. */
export const unitGroup = pgTable(
  'unit_group',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => orgUnit.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Rule: `{ "kinds": ["department"] }` — members are the province's units of these kinds as of a date. */
    rule: jsonb('rule').$type<{ kinds: string[] } | null>(),
    isSystem: boolean('is_system').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('unit_group_code_uq').on(t.provinceId, t.code)],
);

export const unitGroupMember = pgTable(
  'unit_group_member',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => unitGroup.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgUnit.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] })],
);

export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    /** Mobile number for SMS reminders (issue 19), as the officer gave it. */
    phone: text('phone'),
    /** The officer's user id as a follower of the province's Zalo Official Account (Zalo reminders). */
    zaloUserId: text('zalo_user_id'),
    passwordHash: text('password_hash').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    locale: text('locale').notNull().default('vi'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('app_user_username_uq').on(sql`lower(${t.username})`)],
);

/**
 * Failed sign-ins counted per username as typed (known or not, case-folded) and client address; address '' is the
 * account-wide count across addresses. The waits they impose are packages/domain/src/auth/sign-in-throttle.ts.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    usernameKey: text('username_key').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.usernameKey, t.address] })],
);

/** A role over an org unit and everything below it; unit_id NULL = all provinces (system administrator). */
export const roleGrant = pgTable(
  'role_grant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    unitId: uuid('unit_id').references(() => orgUnit.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('role_grant_user_idx').on(t.userId),
    check(
      'role_grant_role_chk',
      sql`${t.role} IN ('administrator','dx_office','finance','leadership','unit_officer','viewer')`,
    ),
  ],
);

/** Server-side session; the cookie carries a random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** Append-only trail of every write. A trigger refuses UPDATE and DELETE (see migration 0001). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    provinceId: uuid('province_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_province_idx').on(t.provinceId, t.at),
  ],
);

/** Key/value settings (SMTP, approval chains later); values are JSON. */
export const setting = pgTable('setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});
