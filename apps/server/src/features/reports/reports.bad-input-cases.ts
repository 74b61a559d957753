import type { BadCase } from '../../http/bad-input.cases';

/** Bad-input probes (http/bad-input.test.ts) for the reports routes, keyed "METHOD /route". */
export const REPORT_BAD_INPUT: Record<string, BadCase[]> = {};
