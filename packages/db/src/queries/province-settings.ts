import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { orgUnit, provinceSetting, provinceSettingsRevision } from '../schema';
import { inForceOn } from './as-of';

/*
 * A province's settings (issue 15): dated values per key in `province_setting`, and the revision of the whole in
 * `province_settings_revision` (the settings screen saves the whole and gets a 409 when another save came first).
 * The shapes of the values are packages/domain province-settings; here only storage.
 */

export type ProvinceSettingRow = {
  key: string;
  validFrom: string | null;
  validTo: string | null;
  value: unknown;
};

/** True when `provinceId` is a province (an org unit that is its own province). */
export async function isProvince(db: Db, provinceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orgUnit.id })
    .from(orgUnit)
    .where(and(eq(orgUnit.id, provinceId), eq(orgUnit.provinceId, provinceId)));
  return !!row;
}

/** Every dated value of every key of a province, by key, then from the earliest period (open start first). */
export async function listProvinceSettings(db: Db, provinceId: string): Promise<ProvinceSettingRow[]> {
  return db
    .select({
      key: provinceSetting.key,
      validFrom: provinceSetting.validFrom,
      validTo: provinceSetting.validTo,
      value: provinceSetting.value,
    })
    .from(provinceSetting)
    .where(eq(provinceSetting.provinceId, provinceId))
    .orderBy(asc(provinceSetting.key), sql`${provinceSetting.validFrom} ASC NULLS FIRST`);
}

/** The values of a province's keys in force on `asOf` (the one "as of" rule, queries/as-of.ts inForceOn). */
export async function provinceSettingsOn(
  db: Db,
  provinceId: string,
  asOf: string,
): Promise<{ key: string; value: unknown }[]> {
  return queryRows<{ key: string; value: unknown }>(
    db,
    sql`SELECT ps.key, ps.value FROM province_setting ps
         WHERE ps.province_id = ${provinceId} AND ${inForceOn('ps', asOf)} ORDER BY ps.key`,
  );
}

/** The revision of a province's settings: 0 before the first save. */
export async function getProvinceSettingsRevision(db: Db, provinceId: string): Promise<number> {
  const [row] = await db
    .select({ version: provinceSettingsRevision.version })
    .from(provinceSettingsRevision)
    .where(eq(provinceSettingsRevision.provinceId, provinceId));
  return row?.version ?? 0;
}

/**
 * Replaces the whole settings of a province when its revision is still `expectedVersion` (in the caller's
 * transaction): the revision moves on by one, then the rows are replaced. Returns the new revision, or null when
 * the revision has moved (a stale save: nothing written). The UPDATE takes the revision row's lock, so two saves
 * cannot both pass the check.
 */
export async function replaceProvinceSettings(
  tx: Db,
  o: {
    provinceId: string;
    expectedVersion: number;
    rows: ProvinceSettingRow[];
    userId: string | null;
    now: Date;
  },
): Promise<number | null> {
  let [bumped] = await tx
    .update(provinceSettingsRevision)
    .set({ version: sql`${provinceSettingsRevision.version} + 1`, updatedAt: o.now, updatedBy: o.userId })
    .where(
      and(
        eq(provinceSettingsRevision.provinceId, o.provinceId),
        eq(provinceSettingsRevision.version, o.expectedVersion),
      ),
    )
    .returning({ version: provinceSettingsRevision.version });
  if (!bumped && o.expectedVersion === 0) {
    // The first save: no revision row yet (a concurrent first save makes this insert do nothing: stale).
    [bumped] = await tx
      .insert(provinceSettingsRevision)
      .values({ provinceId: o.provinceId, version: 1, updatedAt: o.now, updatedBy: o.userId })
      .onConflictDoNothing()
      .returning({ version: provinceSettingsRevision.version });
  }
  if (!bumped) return null;
  await tx.delete(provinceSetting).where(eq(provinceSetting.provinceId, o.provinceId));
  if (o.rows.length > 0) {
    await tx.insert(provinceSetting).values(
      o.rows.map((r) => ({
        provinceId: o.provinceId,
        key: r.key,
        value: r.value,
        validFrom: r.validFrom,
        validTo: r.validTo,
      })),
    );
  }
  return bumped.version;
}
