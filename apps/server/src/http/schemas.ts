import { errorBody } from '@dx/contracts';

/** Documented error responses shared by every route (OpenAPI). */
export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;
