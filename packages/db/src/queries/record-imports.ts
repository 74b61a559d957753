import type { RecordType } from '@dx/domain';
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from '../client';
import { eventTheme, importBatch, publicationModel, publicationTheme, trainingAttendance } from '../schema';
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

/** Rows per statement of a set-based insert (one JSON parameter each). */
const SET_CHUNK = 10_000;

/**
 * Inserts `rows` (drizzle property names) into `table` with one statement per chunk: the rows travel as one JSON
 * document expanded by jsonb_populate_recordset, so 100,000 imported rows take a few statements, not thousands of
 * round trips (issue 12 "Imports that scale").
 */
async function insertSetBased(db: Db, table: PgTable, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => columns[k]);
  const names = keys.map((k) => sql.identifier(columns[k]!.name));
  const list = sql.join(names, sql`, `);
  const tableName = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += SET_CHUNK) {
    const json = JSON.stringify(
      rows
        .slice(i, i + SET_CHUNK)
        .map((r) => Object.fromEntries(keys.map((k) => [columns[k]!.name, r[k] ?? null]))),
    );
    await db.execute(
      sql`INSERT INTO ${tableName} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${tableName}, ${json}::jsonb)`,
    );
  }
}

/** Saves imported records of one type with their links and the batch row (call inside one transaction). */
export async function insertImportedRecords(
  db: Db,
  o: { type: RecordType; provinceId: string; createdBy: string; fileName: string; rows: ImportedRecord[] },
): Promise<number> {
  const { table } = RECORD_TABLES[o.type] as unknown as { table: PgTable };
  // Ids chosen here so the link rows can name their records without reading them back.
  const ids = o.rows.map(() => crypto.randomUUID());
  await insertSetBased(
    db,
    table,
    o.rows.map((r, i) => ({ ...r.values, id: ids[i], provinceId: o.provinceId, createdBy: o.createdBy })),
  );
  const links = <T>(pick: (r: ImportedRecord) => string[], make: (id: string, link: string) => T) =>
    o.rows.flatMap((r, i) => pick(r).map((link) => make(ids[i]!, link)));
  if (o.type === 'publication') {
    await insertSetBased(
      db,
      publicationTheme,
      links(
        (r) => r.themeIds,
        (publicationId, themeId) => ({ publicationId, themeId }),
      ),
    );
    await insertSetBased(
      db,
      publicationModel,
      links(
        (r) => r.modelIds,
        (publicationId, modelId) => ({ publicationId, modelId }),
      ),
    );
  } else if (o.type === 'event') {
    await insertSetBased(
      db,
      eventTheme,
      links(
        (r) => r.themeIds,
        (eventId, themeId) => ({ eventId, themeId }),
      ),
    );
  } else if (o.type === 'training') {
    await insertSetBased(
      db,
      trainingAttendance,
      links(
        (r) => r.attendeeIds,
        (trainingId, personId) => ({ trainingId, personId, provinceId: o.provinceId }),
      ),
    );
  }
  const [batch] = await db
    .insert(importBatch)
    .values({
      provinceId: o.provinceId,
      recordType: o.type,
      fileName: o.fileName,
      rows: o.rows.length,
      createdBy: o.createdBy,
    })
    .returning({ id: importBatch.id });
  return batch!.id;
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
