import { AppError, said, worded } from '@dx/domain';
import type { FastifyInstance } from 'fastify';

/** Deepest nesting of objects and arrays a JSON body may have; the deepest form of the API nests 5 levels. */
export const JSON_MAX_DEPTH = 32;

/**
 * The nesting depth of a JSON text, found by one iterative pass over its characters (strings skipped, escapes
 * honoured): no recursion, so an 8,000-level body costs 8,000 steps and no stack. Stops as soon as `limit` is
 * passed. Malformed text is left for JSON.parse to refuse.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}

/**
 * Replaces Fastify's JSON body parser with one that refuses bodies nested deeper than JSON_MAX_DEPTH (400)
 * before JSON.parse runs; the size is bounded before that by the body limit (413, `bodyLimit` in app.ts: files
 * travel base64-encoded in JSON). Parsing precedes the session lookup (a preHandler) and every hook
 * that walks the body, so a hostile body costs one linear scan and no authentication work (docs/security.md).
 * Prototype-poisoning keys stay refused by Fastify's own parser, to which the checked text is handed.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepthExceeds(text, JSON_MAX_DEPTH)) {
      done(
        new AppError('VALIDATION.FAILED', said('request.tooDeep'), {
          issues: [{ path: ['body'], ...worded('request.tooDeepField', { max: JSON_MAX_DEPTH }) }],
          maxDepth: JSON_MAX_DEPTH,
        }),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}
