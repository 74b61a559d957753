import { type Db, getSettingValue } from '@dx/db';
import { z } from 'zod';
import type { NotificationChannel } from './channel';
import { smsChannel } from './sms';
import { zaloOaChannel } from './zalo-oa';

/**
 * A province's channels outside the app (issue 19: officers live on Zalo and SMS), stored as the setting
 * `notification_channels:<provinceId>`: each one on only when the province has an account with the provider. No
 * setting = in-app and e-mail only.
 */
export const channelSettings = z.object({
  zalo: z
    .object({ baseUrl: z.url(), accessToken: z.string().min(1) })
    .nullable()
    .optional(),
  sms: z
    .object({ baseUrl: z.url(), apiKey: z.string().min(1), brandname: z.string().min(1).max(11) })
    .nullable()
    .optional(),
});
export type ChannelSettings = z.infer<typeof channelSettings>;

export const channelSettingKey = (provinceId: string) => `notification_channels:${provinceId}`;

/** The province's configured channels (an invalid setting counts as none: messages still go in-app and by e-mail). */
export async function provinceChannels(
  db: Db,
  provinceId: string,
): Promise<{ zalo: NotificationChannel | null; sms: NotificationChannel | null }> {
  const parsed = channelSettings.safeParse((await getSettingValue(db, channelSettingKey(provinceId))) ?? {});
  const s = parsed.success ? parsed.data : {};
  return {
    zalo: s.zalo ? zaloOaChannel({ ...s.zalo, attempts: 3, backoffMs: 500, timeoutMs: 8000 }) : null,
    sms: s.sms ? smsChannel({ ...s.sms, attempts: 3, backoffMs: 500, timeoutMs: 8000 }) : null,
  };
}
