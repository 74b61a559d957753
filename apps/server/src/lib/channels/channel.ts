/** One way to reach a person outside the app (issue 19: officers live on Zalo and SMS). */
export type ChannelMessage = { text: string };
export type SendResult =
  | { ok: true; id: string | null; attempts: number }
  | { ok: false; error: string; attempts: number };

export interface NotificationChannel {
  readonly name: string;
  /** `to` is the channel's address: a Zalo OA follower's user_id, a phone number. Never throws: the result says. */
  send(to: string, message: ChannelMessage): Promise<SendResult>;
}

export type HttpChannelOptions = {
  baseUrl: string;
  /** Attempts in all (a network error or a 5xx/429 answer is retried; a 4xx or an API error code is not). */
  attempts?: number;
  /** Wait between attempts, doubled each time. */
  backoffMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/** Posts JSON with retries on transient failures; `parse` turns a 2xx body into ok or a permanent error. */
export async function postWithRetry(
  o: HttpChannelOptions,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  parse: (json: unknown) => { ok: true; id: string | null } | { ok: false; error: string },
): Promise<SendResult> {
  const attempts = Math.max(1, o.attempts ?? 3);
  const doFetch = o.fetch ?? fetch;
  let wait = o.backoffMs ?? 200;
  let lastError = 'no attempt';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      const text = await res.text();
      if (res.status >= 500 || res.status === 429) {
        lastError = `HTTP ${res.status}`;
      } else if (!res.ok) {
        return { ok: false, error: `HTTP ${res.status}: ${text.slice(0, 200)}`, attempts: attempt };
      } else {
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          return { ok: false, error: 'answer is not JSON', attempts: attempt };
        }
        return { ...parse(json), attempts: attempt };
      }
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    if (attempt < attempts) {
      await new Promise((r) => setTimeout(r, wait));
      wait *= 2;
    }
  }
  return { ok: false, error: lastError, attempts };
}
