import type { IndicatorFilter } from '../indicators/parts';
import { type TargetRule, targetRule } from './definition';

/*
 * Rules stored before issue 16 named one of six condition types (one per target of plan 54). The start-up step
 * upgradeTargetRules (packages/db/src/seed/seed-targets.ts) rewrites each stored one into the general parts with this
 * reader, once; nothing evaluates the old shape any more. The mapping is the one indicators-compare.test.ts showed to
 * give identical facts for every target of plan 54 (commit "Targets run on the parts engine").
 */

type Legacy = {
  population: {
    record: string;
    unitGroupCode?: string;
    unitKinds?: string[];
    channelKinds?: string[];
    roles?: string[];
    modelKinds?: string[];
    eventKinds?: string[];
    levels?: string[];
  };
  condition: {
    type: string;
    planKinds?: string[];
    includePredecessors?: boolean;
    tag?: string;
    channelKinds?: string[];
    eventKinds?: string[];
    levels?: string[];
  };
  period?: unknown;
  asOf?: string | null;
};

const isLegacy = (raw: unknown): raw is Legacy => {
  const r = raw as Partial<Legacy> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.population === 'object' &&
    r.population !== null &&
    !('filters' in r.population) &&
    typeof r.condition?.type === 'string' &&
    !['none', 'linked'].includes(r.condition.type)
  );
};

const inList = (field: string, codes: string[] | undefined): IndicatorFilter[] =>
  codes?.length ? [{ field, in: codes }] : [];

/** The parts of a rule stored in the old shape; null when it is not in the old shape (or cannot be read). */
export function partsOfLegacyRule(raw: unknown): TargetRule | null {
  if (!isLegacy(raw)) return null;
  const p = raw.population;
  const c = raw.condition;
  const rest = { period: raw.period ?? { type: 'plan_year' }, asOf: raw.asOf ?? null };
  // Units by kinds, else by group (a rule naming both counted either; none of plan 54's did).
  const units = p.unitKinds?.length
    ? inList('kind', p.unitKinds)
    : inList('group', p.unitGroupCode ? [p.unitGroupCode] : []);
  const share = { type: 'share' as const };
  let rule: unknown;
  switch (c.type) {
    case 'accepted_unit_plan':
      rule = {
        population: { record: 'unit', filters: units },
        condition: {
          type: 'linked',
          link: 'unit_plans',
          filters: [...inList('kind', c.planKinds), { field: 'status', in: ['accepted'] }],
          includePredecessors: c.includePredecessors ?? true,
        },
        value: share,
      };
      break;
    case 'held_event':
      rule = {
        population: { record: 'unit', filters: units },
        condition: {
          type: 'linked',
          link: 'organised_events',
          filters: [
            { field: 'isDx', is: true },
            ...inList('kind', c.eventKinds),
            ...inList('level', c.levels),
          ],
        },
        value: share,
      };
      break;
    case 'dx_publication_each_quarter':
      rule = {
        population: { record: 'channel', filters: inList('kind', p.channelKinds) },
        condition: {
          type: 'linked',
          link: 'publications',
          filters: [{ field: 'isDx', is: true }],
          every: 'quarter',
          subject: [{ field: 'hasDxSection', is: true }],
        },
        value: share,
      };
      break;
    case 'attended_training':
      rule = {
        population: { record: 'person', filters: inList('role', p.roles) },
        condition: {
          type: 'linked',
          link: 'attended_trainings',
          filters: inList('tag', c.tag ? [c.tag] : []),
        },
        value: share,
      };
      break;
    case 'featured_in_publication':
      rule = {
        population: {
          record: 'dx_model',
          filters: [...inList('kind', p.modelKinds), { field: 'recognised', is: true }],
        },
        condition: { type: 'linked', link: 'featured_in', filters: inList('channelKind', c.channelKinds) },
        value: share,
      };
      break;
    case 'count':
      rule = {
        population: {
          record: 'event',
          filters: [
            ...inList('kind', p.eventKinds),
            ...inList('level', p.levels),
            { field: 'isDx', is: true },
          ],
        },
        value: { type: 'count' },
      };
      break;
    default:
      return null;
  }
  const parsed = targetRule.safeParse({ ...(rule as object), ...rest });
  return parsed.success ? parsed.data : null;
}
