import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smsChannel } from './sms';
import { zaloOaChannel } from './zalo-oa';

/**
 * Both adapters against a LOCAL fake of the documented API (no real message leaves the machine): the request they
 * send, a success, an error answer (not retried) and a transient 503 (retried).
 */
type Seen = { url: string; headers: IncomingMessage['headers']; body: Record<string, unknown> };
describe('notification channels', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  /** Answers queued per test: [status, json]; when empty, a success. */
  let answers: [number, unknown][] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => {
        seen.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(raw) });
        const okBody = req.url?.includes('/oa/')
          ? { error: 0, message: 'Success', data: { message_id: `m${seen.length}` } }
          : { status: 'accepted', id: `s${seen.length}` };
        const [status, body] = answers.shift() ?? [200, okBody];
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    seen.length = 0;
    answers = [];
  });

  const zalo = () => zaloOaChannel({ baseUrl: base, accessToken: 'token-thu', attempts: 3, backoffMs: 1 });
  const sms = () =>
    smsChannel({ baseUrl: base, apiKey: 'khoa-thu', brandname: 'SO-CDS', attempts: 3, backoffMs: 1 });

  it('Zalo OA: posts the documented request with the access_token header', async () => {
    const r = await zalo().send('8234567890', { text: 'Đề nghị nộp báo cáo quý II' });
    expect(r).toEqual({ ok: true, id: 'm1', attempts: 1 });
    expect(seen[0]!.url).toBe('/v3.0/oa/message/cs');
    expect(seen[0]!.headers.access_token).toBe('token-thu');
    expect(seen[0]!.body).toEqual({
      recipient: { user_id: '8234567890' },
      message: { text: 'Đề nghị nộp báo cáo quý II' },
    });
  });

  it('Zalo OA: an API error is reported and not retried; a 503 is retried', async () => {
    answers = [[200, { error: -213, message: 'User has not followed OA' }]];
    const refused = await zalo().send('1', { text: 'x' });
    expect(refused).toEqual({ ok: false, error: 'Zalo -213: User has not followed OA', attempts: 1 });
    expect(seen).toHaveLength(1);

    seen.length = 0;
    answers = [[503, { error: 'busy' }]];
    const retried = await zalo().send('2', { text: 'y' });
    expect(retried).toMatchObject({ ok: true, attempts: 2 });
    expect(seen).toHaveLength(2);
  });

  it('SMS: brandname, phone, message; a rejection and exhausted retries are failures', async () => {
    const r = await sms().send('0912345678', { text: 'Nhắc việc' });
    expect(r).toEqual({ ok: true, id: 's1', attempts: 1 });
    expect(seen[0]!.url).toBe('/send');
    expect(seen[0]!.headers.authorization).toBe('Bearer khoa-thu');
    expect(seen[0]!.body).toEqual({ brandname: 'SO-CDS', phone: '0912345678', message: 'Nhắc việc' });

    answers = [[200, { status: 'rejected', reason: 'invalid phone' }]];
    expect(await sms().send('0', { text: 'x' })).toEqual({
      ok: false,
      error: 'SMS rejected: invalid phone',
      attempts: 1,
    });

    answers = [
      [503, {}],
      [503, {}],
      [503, {}],
    ];
    expect(await sms().send('0912345678', { text: 'x' })).toEqual({
      ok: false,
      error: 'HTTP 503',
      attempts: 3,
    });
  });
});
