import { provinceSettingsSchema } from '@dx/domain';
import { z } from 'zod';

// A province's settings (issue 15): its own words and bodies over time, read by everyone in the province, saved
// whole by its administrator with the revision read (409 RESOURCE.VERSION_CONFLICT when another save came first).

export const provinceSettingsParams = z.object({
  provinceId: z.uuid('Mã tỉnh, thành phố không hợp lệ'),
});

export const putProvinceSettingsBody = z.object({
  /** The revision the settings were read at (0 before the first save). */
  revision: z.number().int().min(0),
  /** Every key's dated values; a key left out has no value any more. */
  settings: provinceSettingsSchema,
});
export type PutProvinceSettingsBody = z.infer<typeof putProvinceSettingsBody>;

export const provinceSettingsOut = z.object({
  provinceId: z.string(),
  revision: z.number().int(),
  settings: provinceSettingsSchema,
});
export type ProvinceSettingsOut = z.infer<typeof provinceSettingsOut>;
