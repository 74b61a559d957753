import type { Db } from '@dx/db';
import { AppError, said } from '@dx/domain';
import type { FastifyRequest } from 'fastify';
import type { Actor, UseCaseContext } from '../use-case/context';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    db: Db;
    clock: () => Date;
  }
}

/** The use-case context of a request: its database, the signed-in actor, the clock, the request id and address. */
export function contextOf(request: FastifyRequest): UseCaseContext {
  if (!request.actor) throw new AppError('AUTH.UNAUTHENTICATED', said('auth.signInFirst'));
  return {
    db: request.server.db,
    actor: request.actor,
    now: request.server.clock(),
    requestId: request.id,
    ip: request.ip,
  };
}
