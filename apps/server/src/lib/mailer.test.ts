import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mailer';

/** A real local SMTP server that keeps what it receives. */
function startSmtp() {
  const received: { from: string; to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        done();
      });
    },
  });
  return new Promise<{ port: number; received: typeof received; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.server.address() as AddressInfo).port,
        received,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

describe('mailer over real SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => smtp?.close());

  it('delivers a Vietnamese reminder intact', async () => {
    const mailer = createMailer({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'cds@haiphong.gov.vn' });
    const result = await mailer.send({
      to: ['vanphong@haian.haiphong.gov.vn'],
      subject: 'Đôn đốc: chỉ tiêu b) chuyên mục "Chuyển đổi số"',
      text: 'Đơn vị chưa có tin, bài về chuyển đổi số trong quý II/2023.',
    });
    mailer.close();
    expect(result.accepted).toEqual(['vanphong@haian.haiphong.gov.vn']);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['vanphong@haian.haiphong.gov.vn']);
    // Non-ASCII subject and body are encoded (RFC 2047 / quoted-printable or base64), never mangled.
    expect(smtp.received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
  });
});
