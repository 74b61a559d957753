import {
  type ChannelMessage,
  type HttpChannelOptions,
  type NotificationChannel,
  postWithRetry,
} from './channel';

/**
 * Zalo Official Account: a text message to a follower (POST {baseUrl}/v3.0/oa/message/cs, header `access_token`,
 * body {recipient:{user_id}, message:{text}}). Zalo answers HTTP 200 with `error` 0 and `data.message_id` on
 * success, or a non-zero `error` and `message` (a permanent refusal, not retried).
 */
export function zaloOaChannel(o: HttpChannelOptions & { accessToken: string }): NotificationChannel {
  const url = `${o.baseUrl.replace(/\/$/, '')}/v3.0/oa/message/cs`;
  return {
    name: 'zalo',
    send: (to: string, message: ChannelMessage) =>
      postWithRetry(
        o,
        url,
        { access_token: o.accessToken },
        { recipient: { user_id: to }, message: { text: message.text } },
        (json) => {
          const j = json as { error?: number; message?: string; data?: { message_id?: string } };
          return j.error === 0
            ? { ok: true, id: j.data?.message_id ?? null }
            : { ok: false, error: `Zalo ${j.error}: ${j.message ?? ''}` };
        },
      ),
  };
}
