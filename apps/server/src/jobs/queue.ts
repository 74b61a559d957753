import type { Db } from '@dx/db';

/**
 * The job queue of a database, for use cases that enqueue work after their transaction commits (reminder e-mails).
 * Registered by startJobs for the database it runs on; absent (tests without jobs, a tool) the work waits in its
 * outbox for the periodic sweep, so nothing is lost either way.
 */
export type JobQueue = { send(name: string, data: object): Promise<void> };

const queues = new WeakMap<Db, JobQueue>();

export function registerJobQueue(db: Db, queue: JobQueue | null): void {
  if (queue) queues.set(db, queue);
  else queues.delete(db);
}

/** Enqueues a job on the database's queue; false when no queue runs (the outbox keeps the work). */
export async function enqueueJob(db: Db, name: string, data: object): Promise<boolean> {
  const queue = queues.get(db);
  if (!queue) return false;
  await queue.send(name, data);
  return true;
}
