import {
  getProvinceSettingsRevision,
  isProvince,
  listProvinceSettings,
  type ProvinceSettingRow,
  replaceProvinceSettings,
} from '@dx/db';
import { AppError, PROVINCE_SETTING_KEYS, type ProvinceSettings, said } from '@dx/domain';
import {
  audit,
  authorizeProvince,
  inTransaction,
  type UseCaseContext,
  versionConflict,
} from '../../use-case/context';

/*
 * A province's settings (issue 15): read by everyone in the province, saved whole by its administrator (or a system
 * administrator) with the revision read. The body was checked by packages/domain provinceSettingsSchema (each
 * value's shape, well-formed periods, no overlap within a key) at the edge.
 */

/** Stored rows grouped by key, in the shape of the contract (keys the domain no longer knows are left out). */
function group(rows: ProvinceSettingRow[]): ProvinceSettings {
  const out: Record<string, ProvinceSettingRow[]> = {};
  for (const r of rows) {
    if (!(PROVINCE_SETTING_KEYS as string[]).includes(r.key)) continue;
    out[r.key] = [...(out[r.key] ?? []), r];
  }
  return Object.fromEntries(
    Object.entries(out).map(([k, ps]) => [
      k,
      ps.map((p) => ({ validFrom: p.validFrom, validTo: p.validTo, value: p.value })),
    ]),
  ) as ProvinceSettings;
}

async function read(db: UseCaseContext['db'], provinceId: string) {
  const [rows, revision] = await Promise.all([
    listProvinceSettings(db, provinceId),
    getProvinceSettingsRevision(db, provinceId),
  ]);
  return { provinceId, revision, settings: group(rows) };
}

async function mustBeProvince(ctx: UseCaseContext, provinceId: string) {
  if (!(await isProvince(ctx.db, provinceId)))
    throw new AppError('RESOURCE.NOT_FOUND', said('province.notFound'), { provinceId });
}

export async function getProvinceSettings({ ctx, provinceId }: { ctx: UseCaseContext; provinceId: string }) {
  authorizeProvince(ctx, 'province_settings.read', provinceId);
  await mustBeProvince(ctx, provinceId);
  return read(ctx.db, provinceId);
}

export async function saveProvinceSettings({
  ctx,
  provinceId,
  revision,
  settings,
}: {
  ctx: UseCaseContext;
  provinceId: string;
  revision: number;
  settings: ProvinceSettings;
}) {
  authorizeProvince(ctx, 'province_settings.write', provinceId);
  await mustBeProvince(ctx, provinceId);
  return inTransaction(ctx, async (tx) => {
    const before = await read(tx, provinceId);
    const rows: ProvinceSettingRow[] = PROVINCE_SETTING_KEYS.flatMap((key) =>
      (settings[key] ?? []).map((p) => ({ key, validFrom: p.validFrom, validTo: p.validTo, value: p.value })),
    );
    const version = await replaceProvinceSettings(tx, {
      provinceId,
      expectedVersion: revision,
      rows,
      userId: ctx.actor.userId,
      now: ctx.now,
    });
    // The settings as they are now travel with the 409, so the screen can show them beside what was typed.
    if (version === null) throw versionConflict(before);
    await audit(tx, ctx, {
      action: 'province_settings.update',
      entityType: 'province',
      entityId: provinceId,
      provinceId,
      before: before.settings,
      after: settings,
    });
    return { provinceId, revision: version, settings: group(rows) };
  });
}
