import { type FieldIssue, validationError } from '@dx/domain';
import type { FastifyInstance } from 'fastify';

/** Paths of the strings (values or keys) in `value` that contain a NUL character. */
function nulPaths(value: unknown, path: (string | number)[], out: FieldIssue[]): void {
  if (out.length >= 20) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: 'Có ký tự không hợp lệ (NUL)' });
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulPaths(v, [...path, i], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push({ path: [...path, k], message: 'Có ký tự không hợp lệ (NUL)' });
      nulPaths(v, [...path, k], out);
    }
  }
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere in the input would fail the query with a 500. Refuse it up
 * front as bad input, naming the field, for every route (the zod schemas then see only storable text).
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issues: FieldIssue[] = [];
    nulPaths(request.params, ['params'], issues);
    nulPaths(request.query, ['querystring'], issues);
    nulPaths(request.body, ['body'], issues);
    if (issues.length > 0) throw validationError('Dữ liệu gửi lên không hợp lệ', issues);
  });
}
