import { createHash, randomBytes } from 'node:crypto';
import { findSessionActor } from '@dx/db';
import { AppError, said } from '@dx/domain';
import type { FastifyInstance } from 'fastify';

export const SESSION_COOKIE = 'dx_session';
export const CSRF_HEADER = 'x-csrf-token';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that may be called without a session (sign-in creates one). */
const PUBLIC_WRITES = new Set(['/api/auth/sign-in']);

/**
 * Resolves the session cookie to an actor on every /api request, and enforces CSRF on state-changing requests:
 * the header must carry the token issued with the session (SameSite=Strict cookies are the second line).
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request) => {
    // The health check answers whoever asks, with or without a cookie: no session statement for it (issue 12).
    if (!request.url.startsWith('/api/') || request.url === '/api/health') return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const actor = await findSessionActor(app.db, hashToken(token), app.clock());
      if (actor) request.actor = actor;
    }
    const path = request.url.split('?')[0]!;
    if (SAFE_METHODS.has(request.method) || PUBLIC_WRITES.has(path)) return;
    if (!request.actor) throw new AppError('AUTH.UNAUTHENTICATED', said('auth.signInFirst'));
    if (request.headers[CSRF_HEADER] !== request.actor.csrfToken) {
      throw new AppError('AUTH.CSRF', said('auth.csrf'));
    }
  });
}
