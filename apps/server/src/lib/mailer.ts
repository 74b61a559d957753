import nodemailer from 'nodemailer';
import { z } from 'zod';

/** SMTP settings an administrator enters (stored as the `smtp` setting); validated at the edge. */
export const smtpSettings = z.object({
  host: z.string().trim().min(1, 'Nhập máy chủ SMTP'),
  port: z.coerce.number().int().min(1).max(65535),
  secure: z.boolean().default(false),
  user: z.string().optional(),
  password: z.string().optional(),
  from: z.string().trim().min(3, 'Nhập địa chỉ gửi'),
});
export type SmtpSettings = z.infer<typeof smtpSettings>;

export type Mail = { to: string[]; subject: string; text: string; html?: string };

/** Sends mail over real SMTP. Reminders use it when SMTP is configured; in-app notifications always. */
export function createMailer(settings: SmtpSettings) {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    // A local/test server may not offer TLS; production servers negotiate STARTTLS when offered.
    ignoreTLS: !settings.secure && (settings.host === '127.0.0.1' || settings.host === 'localhost'),
  });
  return {
    async send(mail: Mail): Promise<{ messageId: string; accepted: string[] }> {
      const info = await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
      return { messageId: info.messageId, accepted: (info.accepted as string[]).map(String) };
    },
    close: () => transport.close(),
  };
}
