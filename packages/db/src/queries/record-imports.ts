import type { RecordType } from '@dx/domain';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from '../client';
import { importBatch } from '../schema';
import { inForceOn } from './as-of';
import { RECORD_TABLES } from './records';

/** What an import of publications matches names against: the province's channels, plan themes and models. */
export async function publicationImportLookups(db: Db, provinceId: string) {
  const channels = await queryRows<{ id: string; name: string; ownerUnitId: string }>(
    db,
    sql`SELECT id, name, owner_unit_id AS "ownerUnitId" FROM channel WHERE province_id = ${provinceId} AND closed_on IS NULL`,
  );
  // Themes of the province's newest plan first; a code names the first match.
  const themes = await queryRows<{ id: string; code: string; title: string }>(
    db,
    sql`SELECT t.id, t.code, t.title FROM plan_theme t JOIN plan p ON p.id = t.plan_id
         WHERE t.province_id = ${provinceId} ORDER BY p.year ASC, t.position`,
  );
  const models = await queryRows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM dx_model WHERE province_id = ${provinceId}`,
  );
  return { channels, themes, models };
}

/** Stored publications on these channels and days (channelId|date|title), to report duplicates. */
export async function existingPublications(db: Db, pairs: { channelId: string; publishedOn: string }[]) {
  if (pairs.length === 0) return [] as { channelId: string; publishedOn: string; title: string }[];
  const channelIds = [...new Set(pairs.map((p) => p.channelId))];
  const dates = pairs.map((p) => p.publishedOn).sort();
  return queryRows<{ channelId: string; publishedOn: string; title: string }>(
    db,
    sql`SELECT channel_id AS "channelId", published_on::text AS "publishedOn", title FROM publication
         WHERE channel_id IN (${sql.join(
           channelIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )}) AND published_on BETWEEN ${dates[0]}::date AND ${dates[dates.length - 1]}::date`,
  );
}

/*
 * Import of every record type (units, plans, channels, people, trainings, models, events): lookups, stored
 * identities for duplicates, and one insert of all valid rows with their links.
 */

/** Units of the province in force on `asOf` (with the name of the unit above, to tell namesakes apart). */
export async function importUnitLookups(db: Db, provinceId: string, asOf: string) {
  return queryRows<{ id: string; name: string; parentName: string | null }>(
    db,
    sql`SELECT v.unit_id AS id, v.name,
               (SELECT p.name FROM org_unit_version p WHERE p.unit_id = v.parent_unit_id
                   AND ${inForceOn('p', asOf)}
                 LIMIT 1) AS "parentName"
          FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
         WHERE u.province_id = ${provinceId}
           AND ${inForceOn('v', asOf)}`,
  );
}

/** People of the province still in their role (attendees of imported trainings are matched by name). */
export async function importPeopleLookups(db: Db, provinceId: string) {
  return queryRows<{ id: string; fullName: string; unitId: string }>(
    db,
    sql`SELECT id, full_name AS "fullName", unit_id AS "unitId" FROM person
         WHERE province_id = ${provinceId} AND left_on IS NULL`,
  );
}

/** Columns that make a record's identity for duplicate checks (see recordImportKey in the domain). */
const KEY_COLUMNS: Record<
  Exclude<RecordType, 'publication'>,
  { table: string; unit: string; select: string }
> = {
  unit_plan: {
    table: 'unit_plan',
    unit: 'unit_id',
    select: `unit_id AS "unitId", year, document_number AS "documentNumber"`,
  },
  channel: { table: 'channel', unit: 'owner_unit_id', select: `owner_unit_id AS "ownerUnitId", name` },
  person: { table: 'person', unit: 'unit_id', select: `unit_id AS "unitId", full_name AS "fullName"` },
  training: {
    table: 'training',
    unit: 'organiser_unit_id',
    select: `organiser_unit_id AS "organiserUnitId", held_on::text AS "heldOn", title`,
  },
  dx_model: { table: 'dx_model', unit: 'unit_id', select: `unit_id AS "unitId", name` },
  event: {
    table: 'event',
    unit: 'organiser_unit_id',
    select: `organiser_unit_id AS "organiserUnitId", held_on::text AS "heldOn", title`,
  },
};

/** The identity columns of the stored records of these units (to report duplicates of what is already there). */
export async function existingRecordIdentities(
  db: Db,
  type: Exclude<RecordType, 'publication'>,
  unitIds: string[],
): Promise<Record<string, unknown>[]> {
  if (unitIds.length === 0) return [];
  const k = KEY_COLUMNS[type];
  return queryRows<Record<string, unknown>>(
    db,
    sql`SELECT ${sql.raw(k.select)} FROM ${sql.identifier(k.table)} WHERE ${sql.identifier(k.unit)} IN (${sql.join(
      unitIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
}

export type ImportedRecord = {
  /** Column values (as the insert of one record takes them). */
  values: Record<string, unknown>;
  themeIds: string[];
  modelIds: string[];
  attendeeIds: string[];
};

/*
 * The stage of an import (issue 12 "Imports that scale"): the dry run keeps its checked rows in import_stage_row
 * (one multi-row INSERT … SELECT per chunk), and the confirm copies them into the record and link tables with one
 * INSERT … SELECT per table. 100,000 rows are then read and checked once, not three times.
 */

/** A checked row ready to be saved: `record` holds drizzle property names, as insertImportedRecords takes them. */
export type StagedRecord = ImportedRecord & { row: number; identity: string; unitId: string };

/** Rows per statement while staging (one JSON parameter each). */
const STAGE_CHUNK = 20_000;

/** Keeps a dry run's valid rows (ids chosen now) and its issues; returns the stage's id. Drops expired stages. */
export async function stageImport(
  db: Db,
  o: {
    type: RecordType;
    provinceId: string;
    createdBy: string;
    fileName: string;
    total: number;
    issues: unknown[];
    now: Date;
    expiresAt: Date;
    rows: StagedRecord[];
  },
): Promise<string> {
  await db.execute(sql`DELETE FROM import_stage WHERE expires_at < ${o.now.toISOString()}::timestamptz`);
  const [stage] = await queryRows<{ id: string }>(
    db,
    sql`INSERT INTO import_stage (province_id, record_type, file_name, total, issues, created_by, expires_at)
        VALUES (${o.provinceId}, ${o.type}, ${o.fileName}, ${o.total}, ${JSON.stringify(o.issues)}::jsonb,
                ${o.createdBy}, ${o.expiresAt.toISOString()}::timestamptz)
        RETURNING id`,
  );
  const { table } = RECORD_TABLES[o.type] as unknown as { table: PgTable };
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  // Every staged record carries the same keys (absent = null), so the confirm reads the column list off one row.
  const keys = [...new Set(o.rows.flatMap((r) => Object.keys(r.values)))].filter((k) => columns[k]);
  for (let i = 0; i < o.rows.length; i += STAGE_CHUNK) {
    const json = JSON.stringify(
      o.rows.slice(i, i + STAGE_CHUNK).map((r) => ({
        row: r.row,
        identity: r.identity,
        unit_id: r.unitId,
        record: {
          ...Object.fromEntries(keys.map((k) => [columns[k]!.name, r.values[k] ?? null])),
          id: crypto.randomUUID(),
          province_id: o.provinceId,
          created_by: o.createdBy,
        },
        theme_ids: r.themeIds,
        model_ids: r.modelIds,
        attendee_ids: r.attendeeIds,
      })),
    );
    await db.execute(
      sql`INSERT INTO import_stage_row (stage_id, row, identity, unit_id, record, theme_ids, model_ids, attendee_ids)
          SELECT ${stage!.id}::uuid, x.row, x.identity, x.unit_id, x.record,
                 ARRAY(SELECT jsonb_array_elements_text(x.theme_ids))::uuid[],
                 ARRAY(SELECT jsonb_array_elements_text(x.model_ids))::uuid[],
                 ARRAY(SELECT jsonb_array_elements_text(x.attendee_ids))::uuid[]
            FROM jsonb_to_recordset(${json}::jsonb)
              AS x(row int, identity text, unit_id uuid, record jsonb, theme_ids jsonb, model_ids jsonb, attendee_ids jsonb)`,
    );
  }
  return stage!.id;
}

export type ImportStage = {
  id: string;
  provinceId: string;
  recordType: RecordType;
  fileName: string | null;
  total: number;
  issues: { row: number; column: string | null; message: string }[];
  createdBy: string;
  expiresAt: string;
};

/** A stage not yet expired, taking a row lock so two confirms of one stage run one after the other. */
export async function lockImportStage(db: Db, stageId: string, now: Date): Promise<ImportStage | null> {
  const [stage] = await queryRows<ImportStage>(
    db,
    sql`SELECT id, province_id AS "provinceId", record_type AS "recordType", file_name AS "fileName", total, issues,
               created_by AS "createdBy", expires_at::text AS "expiresAt"
          FROM import_stage WHERE id = ${stageId} AND expires_at >= ${now.toISOString()}::timestamptz
           FOR UPDATE`,
  );
  return stage ?? null;
}

/** The units a stage's rows are saved for (their rights are checked again at the confirm). */
export async function stagedUnitIds(db: Db, stageId: string): Promise<string[]> {
  const rows = await queryRows<{ unitId: string }>(
    db,
    sql`SELECT DISTINCT unit_id AS "unitId" FROM import_stage_row WHERE stage_id = ${stageId}`,
  );
  return rows.map((r) => r.unitId);
}

/** Stored publications that staged rows could duplicate (same channels, within the staged days). */
export async function publicationsNearStage(db: Db, stageId: string) {
  return queryRows<{ channelId: string; publishedOn: string; title: string }>(
    db,
    sql`WITH s AS (
          SELECT array_agg(DISTINCT (record->>'channel_id')::uuid) AS channels,
                 min((record->>'published_on')::date) AS lo, max((record->>'published_on')::date) AS hi
            FROM import_stage_row WHERE stage_id = ${stageId})
        SELECT p.channel_id AS "channelId", p.published_on::text AS "publishedOn", p.title
          FROM publication p, s
         WHERE p.channel_id = ANY (s.channels) AND p.published_on BETWEEN s.lo AND s.hi`,
  );
}

/** Removes staged rows whose identity is among `identities`; returns their row numbers. */
export async function dropStagedRows(db: Db, stageId: string, identities: string[]): Promise<number[]> {
  if (identities.length === 0) return [];
  const rows = await queryRows<{ row: number }>(
    db,
    sql`DELETE FROM import_stage_row WHERE stage_id = ${stageId}
         AND identity = ANY (${`{${identities.map((i) => `"${i.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[])
        RETURNING row`,
  );
  return rows.map((r) => r.row);
}

/** Identities of the staged rows (domain recordImportKey), to compare with what is stored now. */
export async function stagedIdentities(db: Db, stageId: string): Promise<string[]> {
  const rows = await queryRows<{ identity: string }>(
    db,
    sql`SELECT identity FROM import_stage_row WHERE stage_id = ${stageId}`,
  );
  return rows.map((r) => r.identity);
}

/**
 * Saves a stage's rows into the record table and its link tables with one INSERT … SELECT each, writes the batch
 * row and drops the stage (call inside one transaction, after lockImportStage). Returns the batch id and rows saved.
 */
export async function confirmImportStage(
  db: Db,
  stage: ImportStage,
): Promise<{ batchId: number; saved: number }> {
  const type = stage.recordType;
  const { table } = RECORD_TABLES[type] as unknown as { table: PgTable };
  const tableName = sql.identifier(getTableName(table));
  const [first] = await queryRows<{ record: Record<string, unknown> }>(
    db,
    sql`SELECT record FROM import_stage_row WHERE stage_id = ${stage.id} LIMIT 1`,
  );
  let saved = 0;
  if (first) {
    const known = new Set(
      Object.values(getTableColumns(table) as Record<string, { name: string }>).map((c) => c.name),
    );
    const names = Object.keys(first.record).filter((k) => known.has(k));
    const list = sql.join(
      names.map((k) => sql.identifier(k)),
      sql`, `,
    );
    const fromRecord = sql.join(
      names.map((k) => sql`r.${sql.identifier(k)}`),
      sql`, `,
    );
    const inserted = await queryRows<{ n: number }>(
      db,
      sql`WITH ins AS (
            INSERT INTO ${tableName} (${list})
            SELECT ${fromRecord} FROM import_stage_row s, jsonb_populate_record(NULL::${tableName}, s.record) r
             WHERE s.stage_id = ${stage.id}
            RETURNING 1)
          SELECT count(*)::int AS n FROM ins`,
    );
    saved = inserted[0]?.n ?? 0;
    // Each link table from the staged id arrays, one statement each (the ids were checked by the dry run).
    if (type === 'publication') {
      await db.execute(sql`INSERT INTO publication_theme (publication_id, theme_id)
        SELECT DISTINCT (s.record->>'id')::uuid, l.id FROM import_stage_row s, unnest(s.theme_ids) AS l(id)
         WHERE s.stage_id = ${stage.id}`);
      await db.execute(sql`INSERT INTO publication_model (publication_id, model_id)
        SELECT DISTINCT (s.record->>'id')::uuid, l.id FROM import_stage_row s, unnest(s.model_ids) AS l(id)
         WHERE s.stage_id = ${stage.id}`);
    } else if (type === 'event') {
      await db.execute(sql`INSERT INTO event_theme (event_id, theme_id)
        SELECT DISTINCT (s.record->>'id')::uuid, l.id FROM import_stage_row s, unnest(s.theme_ids) AS l(id)
         WHERE s.stage_id = ${stage.id}`);
    } else if (type === 'training') {
      await db.execute(sql`INSERT INTO training_attendance (training_id, person_id, province_id)
        SELECT DISTINCT (s.record->>'id')::uuid, l.id, ${stage.provinceId}::uuid
          FROM import_stage_row s, unnest(s.attendee_ids) AS l(id)
         WHERE s.stage_id = ${stage.id}`);
    }
  }
  const [batch] = await db
    .insert(importBatch)
    .values({
      provinceId: stage.provinceId,
      recordType: type,
      fileName: stage.fileName,
      rows: saved,
      createdBy: stage.createdBy,
    })
    .returning({ id: importBatch.id });
  await db.execute(sql`DELETE FROM import_stage WHERE id = ${stage.id}`);
  return { batchId: batch!.id, saved };
}

/*
 * Caps and de-duplication held by the database, not by check-then-insert (issue 14 "Races"): a writer takes a
 * transaction-scoped advisory lock on the object (a record's files, an estimate's attachments, a province's import
 * of one record type), then counts or looks for duplicates, then inserts; a parallel writer waits for the commit.
 */

/** Serialises writers of `key` until the calling transaction ends (PostgreSQL and PGlite). */
export async function lockForWrite(db: Db, key: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** Files attached to an estimate. */
export async function countBudgetAttachments(db: Db, estimateId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM budget_attachment WHERE estimate_id = ${estimateId}`,
  );
  return row?.n ?? 0;
}
