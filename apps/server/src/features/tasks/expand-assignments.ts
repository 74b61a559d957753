import { type Db, getUnitGroup, listGroupMembers } from '@dx/db';
import type { LeadMatch } from '@dx/domain';

export type PlannedAssignment = { unitId: string; role: 'lead' | 'coordinator'; viaGroupId: string | null };

/**
 * Expands the units and groups a cell named into one part per unit, with groups resolved as of the task's period
 * (units through time: a 2023 task goes to the districts of 2023). A unit both leading and coordinating leads.
 */
export async function expandAssignments(
  db: Db,
  provinceId: string,
  cells: { leads: Pick<LeadMatch, 'type' | 'id'>[]; coordinators: Pick<LeadMatch, 'type' | 'id'>[] },
  asOf: string,
  cache = new Map<string, string[]>(),
): Promise<PlannedAssignment[]> {
  const out = new Map<string, PlannedAssignment>();
  const members = async (groupId: string) => {
    const k = `${groupId}@${asOf}`;
    if (!cache.has(k)) {
      const group = await getUnitGroup(db, groupId);
      const list = group && group.provinceId === provinceId ? await listGroupMembers(db, group, asOf) : [];
      cache.set(
        k,
        list.map((m) => m.unitId),
      );
    }
    return cache.get(k)!;
  };
  for (const role of ['lead', 'coordinator'] as const) {
    for (const m of role === 'lead' ? cells.leads : cells.coordinators) {
      const units = m.type === 'unit' ? [m.id] : await members(m.id);
      for (const unitId of units) {
        if (!out.has(unitId)) out.set(unitId, { unitId, role, viaGroupId: m.type === 'group' ? m.id : null });
      }
    }
  }
  return [...out.values()];
}
