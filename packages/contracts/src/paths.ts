import type { RecordType } from '@dx/domain';

/**
 * API paths of the record types (docs/brief.md "Records a unit enters"): the server's routes and the web's links.
 * No zod here, so the web may import it as a value (`@dx/contracts/paths`) without bundling the schemas.
 */
export const RECORD_PATHS: Record<RecordType, string> = {
  unit_plan: 'unit-plans',
  channel: 'channels',
  publication: 'publications',
  person: 'people',
  training: 'trainings',
  dx_model: 'dx-models',
  event: 'events',
};

/** The record type served under an API path segment, or null. */
export const typeOfPath = (path: string): RecordType | null =>
  (Object.entries(RECORD_PATHS).find(([, p]) => p === path)?.[0] as RecordType | undefined) ?? null;

/** Order of the record kinds on screens: what units enter most often first. */
export const RECORD_ORDER: RecordType[] = [
  'publication',
  'channel',
  'unit_plan',
  'person',
  'training',
  'dx_model',
  'event',
];
