import { linkTarget } from '../indicators/parts';
import type { RecordType } from '../records/inputs';
import type { TargetRule } from './definition';

/**
 * Which records a target reads (docs/brief.md "The six targets"): `action` is the record a unit enters to move the
 * target forward (the button of "Việc của tôi") — the linked record of the condition, or the counted record itself;
 * `evidence` the records listed behind the target's numbers — the population's records, or for a population of units
 * the linked records (units are not records). Null parts: a rule on units with nothing to enter (a reported figure).
 */
export function recordsOfRule(
  rule: Pick<TargetRule, 'population' | 'condition'>,
): { action: RecordType; evidence: RecordType } | null {
  const pop = rule.population.record;
  const c = rule.condition;
  const linked = c.type === 'linked' ? linkTarget(pop, c.link) : null;
  const action = linked ?? pop;
  const evidence = pop === 'unit' ? linked : pop;
  if (action === 'unit' || evidence === null || evidence === 'unit') return null;
  return { action, evidence };
}
