import type { Db } from '../client';

/**
 * Rarely changing data that every dashboard request reads, kept by each server process under the epoch it was read at
 * (issue 12: the evaluation API within 1.15× of its SQL; the plan, its targets, the provinces whose records count and
 * the formula words were three round trips before the first target's statement could start).
 *
 * An epoch is bumped by a statement-level trigger on every write to the tables it covers (migration 0021), and read
 * with the session in the statement every signed-in request runs anyway (users.ts findSessionActor). A value is reused
 * only while the request's epoch equals the one it was read under, so:
 * - no write path can forget to invalidate (the trigger sees every statement, raw SQL and imports included);
 * - several server processes on one PostgreSQL stay correct with no message between them;
 * - a request never sees data older than what was committed when it began (its epochs were read first).
 * Only reads use it: a use case that writes reads inside its own transaction, uncached.
 */
/**
 * units, plans, words: migration 0021; rollups: which evaluation each target's rollups were built for (migration 0025,
 * bumped at commit).
 */
export const EPOCH_NAMES = ['units', 'plans', 'words', 'rollups'] as const;
export type EpochName = (typeof EPOCH_NAMES)[number];
export type Epochs = Readonly<Partial<Record<EpochName, number>>>;

/** The epochs as the session statement returns them (json object; bigint values may arrive as strings). */
export function parseEpochs(raw: unknown): Epochs | undefined {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  if (!value || typeof value !== 'object') return undefined;
  const out: Partial<Record<EpochName, number>> = {};
  for (const name of EPOCH_NAMES) {
    const n = Number((value as Record<string, unknown>)[name]);
    if (Number.isFinite(n)) out[name] = n;
  }
  return out;
}

const MAX_ENTRIES = 500;
type Entry = { epoch: number; value: Promise<unknown> };
/** Per database handle: tests open many databases in one process, and each has its own epochs. */
const caches = new WeakMap<Db, Map<string, Entry>>();

/**
 * `load()`'s value for `key`, reused while `epochs[name]` is unchanged. Without an epoch (no session, a database
 * without the table) it always loads. A failed load is never kept.
 */
export function byEpoch<V>(
  db: Db,
  epochs: Epochs | undefined,
  name: EpochName,
  key: string,
  load: () => Promise<V>,
): Promise<V> {
  const epoch = epochs?.[name];
  if (epoch === undefined) return load();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const fullKey = `${name}\u0000${key}`;
  const hit = cache.get(fullKey);
  if (hit && hit.epoch === epoch) {
    // Most recently used last: the first entry is the one dropped when full.
    cache.delete(fullKey);
    cache.set(fullKey, hit);
    return hit.value as Promise<V>;
  }
  const value = load();
  const entry: Entry = { epoch, value };
  cache.set(fullKey, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  value.catch(() => {
    if (cache.get(fullKey) === entry) cache.delete(fullKey);
  });
  return value;
}
