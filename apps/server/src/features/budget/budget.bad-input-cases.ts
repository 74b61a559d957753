import type { BadCase } from '../../http/bad-input.cases';

/** Bad-input probes (http/bad-input.test.ts) for the budget routes, keyed "METHOD /route". */
export const BUDGET_BAD_INPUT: Record<string, BadCase[]> = {};
