import { ERROR_CODES } from '@dx/domain';
import { z } from 'zod';

export const errorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Documented error responses shared by every route (OpenAPI). */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;

export const pagination = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** The version a client read, for optimistic concurrency; bounded to the integer column it is compared with. */
export const recordVersion = z.number().int().min(1).max(2_147_483_647);

export const uuidParam = (name: string) => z.object({ [name]: z.uuid(`${name} không hợp lệ`) });
