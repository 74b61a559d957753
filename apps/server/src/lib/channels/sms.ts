import {
  type ChannelMessage,
  type HttpChannelOptions,
  type NotificationChannel,
  postWithRetry,
} from './channel';

/**
 * A generic HTTP SMS gateway with a registered brandname: POST {baseUrl}/send, header `authorization: Bearer key`,
 * body {brandname, phone, message}; answers {status:'accepted', id} or {status:'rejected', reason}.
 */
export function smsChannel(
  o: HttpChannelOptions & { apiKey: string; brandname: string },
): NotificationChannel {
  const url = `${o.baseUrl.replace(/\/$/, '')}/send`;
  return {
    name: 'sms',
    send: (to: string, message: ChannelMessage) =>
      postWithRetry(
        o,
        url,
        { authorization: `Bearer ${o.apiKey}` },
        { brandname: o.brandname, phone: to, message: message.text },
        (json) => {
          const j = json as { status?: string; id?: string; reason?: string };
          return j.status === 'accepted'
            ? { ok: true, id: j.id ?? null }
            : { ok: false, error: `SMS rejected: ${j.reason ?? 'unknown'}` };
        },
      ),
  };
}
