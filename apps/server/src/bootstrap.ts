import { randomBytes } from 'node:crypto';
import {
  countUsers,
  type Db,
  insertAudit,
  insertUser,
  reloadPlan54,
  replaceGrants,
  type SeedChoice,
  seedChoiceOf,
  seedPlans,
  seedProvinceSettings,
  seedReportingBodies,
  seedTargetDefinitions,
  seedUnits,
  syncProvinceCatalogue,
} from '@dx/db';
import { hashPassword } from './lib/passwords';

/**
 * First start: the province catalogue, and (unless the first start chose `SEED=none`) Hải Phòng's units 2023 → 2025
 * with Hải Dương 2023, plan 54 and its targets; then the first administrator. Returns the generated password once
 * (never stored in clear), or null when one was given or users exist.
 */
export async function bootstrap(db: Db, opts: { adminPassword?: string; seed?: SeedChoice }) {
  // The catalogue at every start (a release may correct it); the choice of seed is the first start's, kept after.
  await syncProvinceCatalogue(db);
  // The national bodies (the Ministry in charge over time) every province reports to, whatever the seed.
  await seedReportingBodies(db);
  const choice = await seedChoiceOf(db, opts.seed ?? 'haiphong');
  if (choice === 'none')
    return { seeded: null, seedChoice: choice, adminPassword: await firstAdministrator(db, opts) };
  const seeded = await seedUnits(db);
  // Plan 54/KH-UBND (Hải Phòng 2023) as structured data, once.
  await seedPlans(db);
  // An install whose plan 54 was never edited gets the corrected transcription (issue 11); an edited one is kept.
  await reloadPlan54(db, { now: new Date() });
  // How plan 54's six targets (I.2 a–e) are computed, against the seeded plan's target rows.
  await seedTargetDefinitions(db);
  // Hải Phòng's own words (issue 15), at every start until it has settings: installs seeded before get them too.
  await seedProvinceSettings(db);
  return { seeded, seedChoice: choice, adminPassword: await firstAdministrator(db, opts) };
}

/** The first system administrator, once; its generated password is returned once (null when one was given). */
async function firstAdministrator(db: Db, opts: { adminPassword?: string }): Promise<string | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = opts.adminPassword ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const admin = await insertUser(tx, {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      email: null,
      passwordHash,
    });
    await replaceGrants(tx, admin.id, [{ role: 'administrator', unitId: null }]);
    await insertAudit(tx, {
      actorUserId: null,
      actorName: 'bootstrap',
      action: 'user.create',
      entityType: 'user',
      entityId: admin.id,
      provinceId: null,
      after: { username: 'admin', grants: [{ role: 'administrator', unitId: null }] },
    });
  });
  return opts.adminPassword ? null : password;
}
