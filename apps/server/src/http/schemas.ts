import { errorBody } from '@dx/contracts';

// Shared request schemas live in @dx/contracts; re-exported for the areas not yet importing them from there.
export { pagination, recordVersion } from '@dx/contracts';

/** Documented error responses shared by every route (OpenAPI). */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;
