/**
 * How an error is written to the log. A failed SQL statement's error (drizzle's DrizzleQueryError) carries the
 * statement's parameters in its message and stack — names, phone numbers, e-mail addresses — and the database's
 * own error may quote a value ("Key (username)=(…)", "invalid input syntax for type uuid: …"). The log keeps the
 * statement, the SQLSTATE code and the constraint, never a value (docs/security.md § Logs).
 */
/** The shape pino's `err` serializer must return (Fastify's logger options type it so). */
export type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

export function serializeErrorForLog(err: unknown): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: 'non-error thrown', stack: '' };
  const e = err as Error & {
    code?: unknown;
    statusCode?: unknown;
    query?: unknown;
    params?: unknown;
    cause?: { code?: unknown; constraint?: unknown; routine?: unknown };
  };
  // The stack's frames, without its first line (which repeats the message).
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  const sqlState = (x: unknown) => (typeof x === 'string' && /^[0-9A-Z]{5}$/.test(x) ? x : undefined);
  if (typeof e.query === 'string' || sqlState(e.code) || sqlState(e.cause?.code)) {
    return {
      type: e.name,
      message: 'database statement failed',
      ...(typeof e.query === 'string' && { statement: e.query }),
      code: sqlState(e.cause?.code) ?? sqlState(e.code),
      ...(typeof e.cause?.constraint === 'string' && { constraint: e.cause.constraint }),
      stack: frames.join('\n'),
    };
  }
  return {
    type: e.name,
    message: e.message,
    ...(e.code !== undefined && { code: e.code }),
    ...(e.statusCode !== undefined && { statusCode: e.statusCode }),
    stack: e.stack ?? '',
  };
}

/**
 * A URL as the request log writes it: the path and the names of the query's parameters, never their values. A search
 * travels in the query (`?q=Nguyễn Văn A`), and so would any filter naming a person (docs/security.md § Logs).
 */
export function redactUrlForLog(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => `${pair.split('=')[0]}=…`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

/** The request as the log writes it (pino's `req` serializer): method, redacted URL, the caller's address. */
export function serializeRequestForLog(req: { method: string; url: string; ip?: string }) {
  return { method: req.method, url: redactUrlForLog(req.url), remoteAddress: req.ip };
}
