import { ERROR_CODES } from '@dx/domain';
import { z } from 'zod';

/** Every code an error body can carry; the server's status table (apps/server/src/http/errors.ts) maps each. */
export const errorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCode>;

/** The one error shape: {error:{code,message,details}}, field paths in details.issues. */
export const errorBody = z.object({
  error: z.object({
    code: errorCode,
    message: z.string(),
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
