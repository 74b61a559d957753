import type { RouteCase } from '../../http/matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for the reports routes. */
export const REPORT_ROUTES: RouteCase[] = [];
