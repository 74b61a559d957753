import type { RouteCase } from '../../http/matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for the budget routes. */
export const BUDGET_ROUTES: RouteCase[] = [];
