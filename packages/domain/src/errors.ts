import { type MessageCode, type MessageParams, type Said, say } from './messages';

/** Stable error codes. The server maps each to an HTTP status in one table; the web localises by code. */
export const ERROR_CODES = [
  'VALIDATION.FAILED',
  'AUTH.UNAUTHENTICATED',
  'AUTH.INVALID_CREDENTIALS',
  'AUTH.LOCKED',
  'AUTH.CSRF',
  'AUTH.FORBIDDEN',
  'AUTH.RATE_LIMITED',
  'RESOURCE.NOT_FOUND',
  'RESOURCE.CONFLICT',
  'RESOURCE.VERSION_CONFLICT',
  'ORG_UNIT.NOT_FOUND',
  'ORG_UNIT.NOT_VALID_AT_DATE',
  'ORG_UNIT.INVALID_REORGANISATION',
  'USER.NOT_FOUND',
  'WORKFLOW.INVALID_TRANSITION',
  'USER.USERNAME_TAKEN',
  'PLAN.NOT_FOUND',
  'PLAN.DUPLICATE_NUMBER',
  'TARGET.NOT_FOUND',
  'TARGET.NOT_DEFINED',
  'RECORD.NOT_FOUND',
  'IMPORT.INVALID_FILE',
  'IMPORT.TOO_LARGE',
  'IMPORT.BUSY',
  'RECORD.FILE_NOT_FOUND',
  'TASK.NOT_FOUND',
  'TASK.ASSIGNMENT_NOT_FOUND',
  'TASK.ATTACHMENT_NOT_FOUND',
  'BUDGET.NOT_FOUND',
  'BUDGET.ATTACHMENT_NOT_FOUND',
  'REPORT.PERIOD_NOT_FOUND',
  'REPORT.NOT_FOUND',
  'REPORT.LOCKED',
  'REPORT.PERIOD_CLOSED',
  'REPORT.NOT_REQUIRED',
  'OBSTACLE.NOT_FOUND',
  'DATA_ITEM.NOT_FOUND',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * One problem with one field of the input; `path` is the field path (e.g. ["grants", 0, "unitId"]). `message` is the
 * Vietnamese default; `reason` (with `params`) the sentence's code the web words it by (messages.ts, issue 18).
 */
export type FieldIssue = {
  path: (string | number)[];
  message: string;
  code?: string;
  reason?: MessageCode;
  params?: MessageParams;
};

/** A field issue worded by code: its Vietnamese default from messages.ts, the code and params for the web. */
export function fieldIssue(
  path: (string | number)[],
  reason: MessageCode,
  params?: MessageParams,
): FieldIssue {
  return params
    ? { path, message: say(reason, params), reason, params }
    : { path, message: say(reason), reason };
}

/**
 * An expected failure with a stable code; safe to show to the client. The sentence is given by code (`said(…)`,
 * messages.ts) so the web can word it in the reader's language; a plain string is only for text that is data.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly reason: MessageCode | undefined;
  readonly params: MessageParams | undefined;
  constructor(code: ErrorCode, message: string | Said, details?: Record<string, unknown>) {
    super(typeof message === 'string' ? message : say(message.reason, message.params));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.reason = typeof message === 'string' ? undefined : message.reason;
    this.params = typeof message === 'string' ? undefined : message.params;
  }
}

/** A validation failure with field paths, in the same shape zod issues take. */
export function validationError(message: string | Said, issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION.FAILED', message, { issues });
}
