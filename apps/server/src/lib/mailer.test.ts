import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSmtp } from '../test/smtp';
import { createMailer } from './mailer';

describe('mailer over real SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startLocalSmtp>>;
  beforeAll(async () => {
    smtp = await startLocalSmtp();
  });
  afterAll(async () => smtp?.close());

  it('delivers a Vietnamese reminder intact', async () => {
    const mailer = createMailer({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      from: 'cds@haiphong.gov.vn',
    });
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
