import {
  AppError,
  type ErrorCode,
  type MessageCode,
  type MessageParams,
  type Said,
  said,
  say,
} from '@dx/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The one table mapping error codes to HTTP statuses. */
const STATUS: Record<ErrorCode, number> = {
  'VALIDATION.FAILED': 400,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.LOCKED': 423,
  'AUTH.CSRF': 403,
  'AUTH.FORBIDDEN': 403,
  'AUTH.RATE_LIMITED': 429,
  'RESOURCE.NOT_FOUND': 404,
  'RESOURCE.CONFLICT': 409,
  'RESOURCE.VERSION_CONFLICT': 409,
  'ORG_UNIT.NOT_FOUND': 404,
  'ORG_UNIT.NOT_VALID_AT_DATE': 400,
  'ORG_UNIT.INVALID_REORGANISATION': 400,
  'USER.NOT_FOUND': 404,
  'WORKFLOW.INVALID_TRANSITION': 409,
  'USER.USERNAME_TAKEN': 409,
  'PLAN.NOT_FOUND': 404,
  'PLAN.DUPLICATE_NUMBER': 409,
  'TARGET.NOT_FOUND': 404,
  'TARGET.NOT_DEFINED': 409,
  'RECORD.NOT_FOUND': 404,
  'IMPORT.INVALID_FILE': 400,
  'IMPORT.TOO_LARGE': 413,
  'IMPORT.BUSY': 429,
  'RECORD.FILE_NOT_FOUND': 404,
  'TASK.NOT_FOUND': 404,
  'TASK.ASSIGNMENT_NOT_FOUND': 404,
  'TASK.ATTACHMENT_NOT_FOUND': 404,
  'BUDGET.NOT_FOUND': 404,
  'BUDGET.ATTACHMENT_NOT_FOUND': 404,
  'REPORT.PERIOD_NOT_FOUND': 404,
  'REPORT.NOT_FOUND': 404,
  'REPORT.LOCKED': 409,
  'REPORT.PERIOD_CLOSED': 409,
  'REPORT.NOT_REQUIRED': 409,
  'OBSTACLE.NOT_FOUND': 404,
  'DATA_ITEM.NOT_FOUND': 404,
  INTERNAL: 500,
};

export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    reason?: MessageCode;
    params?: MessageParams;
    details?: Record<string, unknown>;
  };
};

/** The body of an error: its Vietnamese default `message` and, for the web to word it, the sentence's code. */
const body = (code: ErrorCode, text: string | Said, details?: Record<string, unknown>): ErrorBody => {
  const error: ErrorBody['error'] =
    typeof text === 'string'
      ? { code, message: text }
      : { code, message: say(text.reason, text.params), reason: text.reason };
  if (typeof text !== 'string' && text.params) error.params = text.params;
  if (details) error.details = details;
  return { error };
};

/** Every error leaves as {error:{code,message,details}}; unexpected ones as a generic 500 with the request id. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      const text: string | Said = err.reason ? { reason: err.reason, params: err.params } : err.message;
      return reply.status(STATUS[err.code]).send(body(err.code, text, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [
          (err.validationContext ?? 'body') as string,
          // zod's path arrives joined into instancePath: list indices back to numbers, as FieldIssue paths have them.
          ...((v.params as { issue?: { path?: (string | number)[] } }).issue?.path ??
            v.instancePath
              .split('/')
              .filter(Boolean)
              .map((s) => (/^\d+$/.test(s) ? Number(s) : s))),
        ],
        message: v.message ?? say('field.invalid'),
      }));
      return reply.status(400).send(body('VALIDATION.FAILED', said('request.invalid'), { issues }));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(body('AUTH.RATE_LIMITED', said('auth.tooManyRequests')));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      return reply.status(err.statusCode).send(
        body('VALIDATION.FAILED', said('request.malformed'), {
          issues: [{ path: ['body'], message: err.message }],
        }),
      );
    }
    request.log.error({ err }, 'unexpected error');
    return reply
      .status(500)
      .send(
        body('INTERNAL', said('request.unexpected', { requestId: request.id }), { requestId: request.id }),
      );
  });
  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(
        body(
          'RESOURCE.NOT_FOUND',
          said('request.routeNotFound', { method: request.method, path: request.url.split('?')[0] ?? '' }),
        ),
      );
  });
}

/**
 * Errors Fastify raises before routing (a malformed percent-encoding, a path parameter over the length limit):
 * bad input like any other, in the same shape (passed as the `frameworkErrors` server option).
 */
export function frameworkErrorHandler(
  err: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  reply.status(400).send(
    body('VALIDATION.FAILED', said('request.badPath'), {
      issues: [{ path: ['params'], message: err.message }],
    }),
  );
}

/** Maps a unique-violation from the database to a conflict the client can act on. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
