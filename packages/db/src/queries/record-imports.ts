import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { importBatch, publication, publicationModel, publicationTheme } from '../schema';

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

export type ImportedPublication = {
  channelId: string;
  unitId: string;
  title: string;
  url: string | null;
  publishedOn: string;
  format: string;
  isDx: boolean;
  reach: number | null;
  themeIds: string[];
  modelIds: string[];
};

/** Saves imported publications with their links and the batch row (call inside one transaction). */
export async function insertImportedPublications(
  db: Db,
  o: { provinceId: string; createdBy: string; fileName: string; rows: ImportedPublication[] },
): Promise<number> {
  for (let i = 0; i < o.rows.length; i += 500) {
    const chunk = o.rows.slice(i, i + 500);
    const saved = await db
      .insert(publication)
      .values(
        chunk.map(({ themeIds: _t, modelIds: _m, ...r }) => ({
          ...r,
          provinceId: o.provinceId,
          createdBy: o.createdBy,
        })),
      )
      .returning({ id: publication.id });
    const themes = saved.flatMap((s, j) =>
      chunk[j]!.themeIds.map((themeId) => ({ publicationId: s.id, themeId })),
    );
    const models = saved.flatMap((s, j) =>
      chunk[j]!.modelIds.map((modelId) => ({ publicationId: s.id, modelId })),
    );
    if (themes.length) await db.insert(publicationTheme).values(themes);
    if (models.length) await db.insert(publicationModel).values(models);
  }
  const [batch] = await db
    .insert(importBatch)
    .values({
      provinceId: o.provinceId,
      recordType: 'publication',
      fileName: o.fileName,
      rows: o.rows.length,
      createdBy: o.createdBy,
    })
    .returning({ id: importBatch.id });
  return batch!.id;
}
