import { ERROR_CODES, MESSAGE_CODES } from '@dx/domain';
import { z } from 'zod';

/** Every code an error body can carry; the server's status table (apps/server/src/http/errors.ts) maps each. */
export const errorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCode>;

/** Every sentence an error or a field issue can carry by code (`reason`); the web words each (issue 18). */
export const messageCode = z.enum(MESSAGE_CODES);
export type { MessageCode, MessageParams } from '@dx/domain';
/** What fills a sentence's placeholders. */
export const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** One problem with one field: its path, the Vietnamese default, and the sentence's code for the web. */
export const fieldIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.string().optional(),
  reason: messageCode.optional(),
  params: messageParams.optional(),
});
export type FieldIssue = z.infer<typeof fieldIssue>;

/** A sentence by code with what fills it (a notification's title or body). */
export const said = z.object({ reason: messageCode, params: messageParams.optional() });

/**
 * The one error shape: {error:{code,message,reason,params,details}}, field paths in details.issues. `message` is the
 * Vietnamese default for API clients; the web words `reason` (with `params`) from its catalogue, else `code`.
 */
export const errorBody = z.object({
  error: z.object({
    code: errorCode,
    message: z.string(),
    reason: messageCode.optional(),
    params: messageParams.optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** limit/offset of every paged list. */
export const pagination = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** The version a client read, for optimistic concurrency; bounded to the integer column it is compared with. */
export const recordVersion = z.number().int().min(1).max(2_147_483_647);

/** A list answered with its total, for paging. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });
/** A list answered whole. */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
