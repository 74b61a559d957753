import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Steps } from '@dx/domain';

/**
 * Runs a domain computation written in steps (packages/domain/src/steps.ts), letting the event loop answer other
 * requests between its steps: a dry run of 2,000 rows held the loop for ~70 ms in one piece, which /api/health and
 * every other user waited for (bench/hostile-files.ts).
 */
export async function runStepsPausing<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await nextTurn();
  }
}
