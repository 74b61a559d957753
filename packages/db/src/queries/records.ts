import type { RecordType } from '@dx/domain';
import { and, asc, desc, eq, getTableColumns, getTableName, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import {
  channel,
  dxModel,
  event,
  eventTheme,
  person,
  publication,
  publicationModel,
  publicationTheme,
  recordFile,
  training,
  trainingAttendance,
  unitPlan,
} from '../schema';
import { feedingProvinces, subtreeStandingFor, unitNameAsOf } from './as-of';
import { type ReadScope, readScopeSql } from './read-scope';

/** Evidence record tables by record type, with the column naming the unit a record belongs to. */
export const RECORD_TABLES = {
  unit_plan: { table: unitPlan, unit: unitPlan.unitId, order: unitPlan.documentDate },
  channel: { table: channel, unit: channel.ownerUnitId, order: channel.name },
  publication: { table: publication, unit: publication.unitId, order: publication.publishedOn },
  person: { table: person, unit: person.unitId, order: person.fullName },
  training: { table: training, unit: training.organiserUnitId, order: training.heldOn },
  dx_model: { table: dxModel, unit: dxModel.unitId, order: dxModel.name },
  event: { table: event, unit: event.organiserUnitId, order: event.heldOn },
} as const;

// biome-ignore lint/suspicious/noExplicitAny: one generic access path over seven tables with the same shape rules.
type AnyRow = Record<string, any> & { id: string; provinceId: string; version: number };
// biome-ignore lint/suspicious/noExplicitAny: see above.
const t = (type: RecordType) => RECORD_TABLES[type] as unknown as { table: any; unit: any; order: any };

export async function insertRecord(
  db: Db,
  type: RecordType,
  values: Record<string, unknown>,
): Promise<AnyRow> {
  const rows = (await db.insert(t(type).table).values(values).returning()) as AnyRow[];
  return rows[0]!;
}

export async function getRecord(db: Db, type: RecordType, id: string): Promise<AnyRow | null> {
  const { table } = t(type);
  const [row] = await db.select().from(table).where(eq(table.id, id));
  return (row as AnyRow) ?? null;
}

/** Updates at the expected version (optimistic locking); null when someone else changed it first. */
export async function updateRecord(
  db: Db,
  type: RecordType,
  id: string,
  expectedVersion: number,
  values: Record<string, unknown>,
): Promise<AnyRow | null> {
  const { table } = t(type);
  const [row] = await db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() })
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning();
  return (row as AnyRow) ?? null;
}

export async function deleteRecord(
  db: Db,
  type: RecordType,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  const { table } = t(type);
  const rows = await db
    .delete(table)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning({ id: table.id });
  return rows.length === 1;
}

export type RecordListFilter = {
  provinceId: string;
  unitIds?: string[];
  /** Records of this unit and of every unit below it in the org-unit tree as of `asOf` (yyyy-mm-dd). */
  subtreeOf?: { unitId: string; asOf: string };
  /** Only the rows the caller may read (a unit officer: its own subtree, docs/security.md "Scope of reading"). */
  readable?: ReadScope;
  from?: string;
  to?: string;
  /** Publications or events linked to this theme (publication_theme, event_theme). */
  themeId?: string;
  /** Publications on this channel. */
  channelId?: string;
  /** Channels with a DX section (true) or without one (false). */
  dx?: boolean;
  limit: number;
  offset: number;
};

/**
 * Ids of a unit and of all units below it on `asOf`, with the ended units whose records rolled up into them
 * (succession roll-up, queries/as-of.ts). SQL to nest in IN (…).
 */
export function subtreeSql(unitId: string, asOf: string) {
  return subtreeStandingFor(unitId, asOf);
}

/** Records of a province (optionally of some units), newest or alphabetical first, with the total. */
export async function listRecords(
  db: Db,
  type: RecordType,
  f: RecordListFilter,
): Promise<{ items: AnyRow[]; total: number }> {
  const { table, unit, order } = t(type);
  const dated =
    type === 'publication'
      ? table.publishedOn
      : type === 'training' || type === 'event'
        ? table.heldOn
        : null;
  const where = and(
    // A unit's subtree takes in the records of the units merged into it, possibly from a province merged into
    // this one by that date.
    f.subtreeOf
      ? sql`${table.provinceId} = ANY(ARRAY(${feedingProvinces(sql`ARRAY[${f.provinceId}::uuid]`, f.subtreeOf.asOf)}))`
      : eq(table.provinceId, f.provinceId),
    f.unitIds ? inArray(unit, f.unitIds) : undefined,
    f.subtreeOf ? sql`${unit} IN (${subtreeSql(f.subtreeOf.unitId, f.subtreeOf.asOf)})` : undefined,
    f.readable ? readScopeSql(f.readable, sql`${table.provinceId}`, [sql`${unit}`]) : undefined,
    dated && f.from ? sql`${dated} >= ${f.from}` : undefined,
    dated && f.to ? sql`${dated} <= ${f.to}` : undefined,
    f.themeId && type === 'publication'
      ? sql`EXISTS (SELECT 1 FROM ${publicationTheme} WHERE ${publicationTheme.publicationId} = ${table.id} AND ${publicationTheme.themeId} = ${f.themeId})`
      : undefined,
    f.themeId && type === 'event'
      ? sql`EXISTS (SELECT 1 FROM ${eventTheme} WHERE ${eventTheme.eventId} = ${table.id} AND ${eventTheme.themeId} = ${f.themeId})`
      : undefined,
    f.channelId && type === 'publication' ? sql`${publication.channelId} = ${f.channelId}` : undefined,
    f.dx !== undefined && type === 'channel' ? sql`${channel.hasDxSection} = ${f.dx}` : undefined,
  );
  const isDated = type === 'publication' || type === 'training' || type === 'event' || type === 'unit_plan';
  // The unit's name on the list's date (else its last): lists of a unit and those below it say whose it is.
  const owner = sql`${sql.identifier(getTableName(table))}.${sql.identifier(unit.name)}`;
  const unitName = unitNameAsOf(owner, f.subtreeOf?.asOf ?? null);
  const items = await db
    .select({ ...getTableColumns(table), unitName })
    .from(table)
    .where(where)
    .orderBy(isDated ? desc(order) : asc(order), asc(table.id))
    .limit(f.limit)
    .offset(f.offset);
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return { items: items as AnyRow[], total: Number(c?.n ?? 0) };
}

/** Which of `ids` are rows of `table` in the province (to check references: themes, models, people, channels). */
export async function idsInProvince(
  db: Db,
  table: 'plan_theme' | 'dx_model' | 'person' | 'channel' | 'org_unit',
  ids: string[],
  provinceId: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM ${sql.identifier(table)} WHERE province_id = ${provinceId} AND id IN (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.id));
}

/** Themes and featured models of a publication, replaced as a whole. */
export async function setPublicationLinks(
  db: Db,
  publicationId: string,
  themeIds: string[],
  modelIds: string[],
): Promise<void> {
  await db.delete(publicationTheme).where(eq(publicationTheme.publicationId, publicationId));
  await db.delete(publicationModel).where(eq(publicationModel.publicationId, publicationId));
  if (themeIds.length)
    await db.insert(publicationTheme).values(themeIds.map((themeId) => ({ publicationId, themeId })));
  if (modelIds.length)
    await db.insert(publicationModel).values(modelIds.map((modelId) => ({ publicationId, modelId })));
}

export async function setEventThemes(db: Db, eventId: string, themeIds: string[]): Promise<void> {
  await db.delete(eventTheme).where(eq(eventTheme.eventId, eventId));
  if (themeIds.length) await db.insert(eventTheme).values(themeIds.map((themeId) => ({ eventId, themeId })));
}

export async function setTrainingAttendees(
  db: Db,
  trainingId: string,
  provinceId: string,
  personIds: string[],
): Promise<void> {
  await db.delete(trainingAttendance).where(eq(trainingAttendance.trainingId, trainingId));
  if (personIds.length) {
    await db
      .insert(trainingAttendance)
      .values(personIds.map((personId) => ({ trainingId, personId, provinceId })));
  }
}

/** Links of records (themes, models, attendees), for presenting them. */
export async function getRecordLinks(
  db: Db,
  type: RecordType,
  id: string,
): Promise<Record<string, string[]>> {
  if (type === 'publication') {
    const themes = await db
      .select({ id: publicationTheme.themeId })
      .from(publicationTheme)
      .where(eq(publicationTheme.publicationId, id));
    const models = await db
      .select({ id: publicationModel.modelId })
      .from(publicationModel)
      .where(eq(publicationModel.publicationId, id));
    return { themeIds: themes.map((r) => r.id), modelIds: models.map((r) => r.id) };
  }
  if (type === 'event') {
    const themes = await db
      .select({ id: eventTheme.themeId })
      .from(eventTheme)
      .where(eq(eventTheme.eventId, id));
    return { themeIds: themes.map((r) => r.id) };
  }
  if (type === 'training') {
    const people = await db
      .select({ id: trainingAttendance.personId })
      .from(trainingAttendance)
      .where(eq(trainingAttendance.trainingId, id));
    return { attendeeIds: people.map((r) => r.id) };
  }
  return {};
}

/* Files attached to records (record_file). */

export type RecordFileMeta = {
  id: string;
  recordType: string;
  recordId: string;
  provinceId: string;
  unitId: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
};
const fileMeta = {
  id: recordFile.id,
  recordType: recordFile.recordType,
  recordId: recordFile.recordId,
  provinceId: recordFile.provinceId,
  unitId: recordFile.unitId,
  fileName: recordFile.fileName,
  contentType: recordFile.contentType,
  size: recordFile.size,
  createdAt: recordFile.createdAt,
};

export async function insertRecordFile(
  db: Db,
  values: Omit<typeof recordFile.$inferInsert, 'id' | 'createdAt'>,
): Promise<RecordFileMeta> {
  const [row] = await db.insert(recordFile).values(values).returning(fileMeta);
  return row!;
}

/** Files of a record (without their bytes), oldest first. */
export async function listRecordFiles(db: Db, type: RecordType, recordId: string): Promise<RecordFileMeta[]> {
  return db
    .select(fileMeta)
    .from(recordFile)
    .where(and(eq(recordFile.recordType, type), eq(recordFile.recordId, recordId)))
    .orderBy(asc(recordFile.createdAt), asc(recordFile.id));
}

/** One file with its bytes. */
export async function getRecordFile(db: Db, id: string) {
  const [row] = await db
    .select({ ...fileMeta, content: recordFile.content })
    .from(recordFile)
    .where(eq(recordFile.id, id));
  return row ?? null;
}

export async function deleteRecordFile(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(recordFile).where(eq(recordFile.id, id)).returning({ id: recordFile.id });
  return rows.length === 1;
}

/** Removes a record's files (with the record, in its transaction). */
export async function deleteFilesOfRecord(db: Db, type: RecordType, recordId: string): Promise<void> {
  await db.delete(recordFile).where(and(eq(recordFile.recordType, type), eq(recordFile.recordId, recordId)));
}
