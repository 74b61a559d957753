import { type Db, provinceSettingsOn } from '@dx/db';
import { type SettingsInForce, settingsInForce } from '@dx/domain';

/**
 * A province's settings in force on `date` (issue 15), each value checked against its key's schema: what the
 * documents and labels of that day say (packages/domain province-settings/documents.ts).
 */
export async function provinceSettingsInForce(
  db: Db,
  provinceId: string,
  date: string,
): Promise<SettingsInForce> {
  return settingsInForce(await provinceSettingsOn(db, provinceId, date));
}
