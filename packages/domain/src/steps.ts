/**
 * Long pure computations written as generators that yield between slices of their work (a dry run checking 100,000
 * rows): the domain stays free of I/O and timers, and the server drives the steps with a pause between them so one
 * request never holds the event loop for long (issue 12: nothing freezes the platform; issue 14: health while
 * hostile files are processed). Run to the end at once, they give the same answer.
 */
export type Steps<T> = Generator<void, T, void>;

/** Rows between two pauses of a row-checking loop. */
export const ROWS_PER_STEP = 250;

/** Runs the steps to the end at once (tests, small inputs). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
