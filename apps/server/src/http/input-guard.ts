import {
  detectLegacyEncoding,
  type FieldIssue,
  LEGACY_ENCODING_NAMES,
  said,
  validationError,
} from '@dx/domain';
import type { FastifyInstance } from 'fastify';

const MAX_ISSUES = 20;

/**
 * Why a string cannot be stored, or null when it can. PostgreSQL text holds no U+0000; an unpaired UTF-16
 * surrogate is not encodable as UTF-8, so the driver fails inside the query (a 500); C0/C1 control characters
 * (other than tab, line feed and carriage return, which multi-line fields keep) are never meant text and hide
 * content from readers. Single-line fields refuse tab and newline too, in their zod schema (http/schemas.ts).
 */
export function unstorableReason(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return 'Có ký tự không hợp lệ (NUL)';
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return 'Có ký tự không hợp lệ (UTF-16 không ghép cặp)';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'Có ký tự không hợp lệ (UTF-16 không ghép cặp)';
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f))
      return `Có ký tự điều khiển không hợp lệ (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  return null;
}

/** Fields whose text is never shown back, so never quoted in a message nor judged as words. */
const SECRET_FIELD = /password|secret|token/i;

/**
 * Why a form field's text must not be stored as typed: text typed in a TCVN3 or VNI font (issue 14: "never store it
 * as is") reads as gibberish to everyone else and breaks search and sorting. The message quotes the Unicode reading
 * so the user can paste it back; an import reports the same per cell (packages/domain/src/legacy-encoding.ts).
 */
export function legacyTextReason(s: string): string | null {
  const found = detectLegacyEncoding(s);
  if (!found) return null;
  const reading = found.unicode.length > 200 ? `${found.unicode.slice(0, 200)}…` : found.unicode;
  return `Chữ gõ bằng bảng mã cũ ${LEGACY_ENCODING_NAMES[found.encoding]}, đọc là "${reading}". Gõ lại bằng Unicode (Unikey: bảng mã Unicode) hoặc dán phần đọc được này`;
}

/**
 * Paths of the strings (values or keys) in `root` that cannot be stored. Iterative (an explicit stack, no
 * recursion), so no nesting depth can overflow the call stack; the JSON parser already bounds depth
 * (http/json-body.ts) and this walk stops after MAX_ISSUES findings.
 */
export function unstorablePaths(
  root: unknown,
  rootPath: (string | number)[],
  opts: { legacyText?: boolean } = {},
): FieldIssue[] {
  const out: FieldIssue[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: rootPath }];
  while (stack.length > 0 && out.length < MAX_ISSUES) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const key = path.at(-1);
      const reason =
        unstorableReason(value) ??
        (opts.legacyText && !(typeof key === 'string' && SECRET_FIELD.test(key))
          ? legacyTextReason(value)
          : null);
      if (reason) out.push({ path, message: reason });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]!;
        const reason = unstorableReason(k);
        if (reason) out.push({ path: [...path, k], message: reason });
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return out.slice(0, MAX_ISSUES);
}

/**
 * Refuses unstorable text anywhere in the input up front as bad input, naming the field, for every route (the zod
 * schemas then see only storable text); in a body, also text typed in a legacy Vietnamese font.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issues = [
      ...unstorablePaths(request.params, ['params']),
      ...unstorablePaths(request.query, ['querystring']),
      ...unstorablePaths(request.body, ['body'], { legacyText: true }),
    ];
    if (issues.length > 0) throw validationError(said('request.invalid'), issues);
  });
}
