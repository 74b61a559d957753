import { useState } from 'react';
import { useSession } from './session';

const KEY = 'dx.myUnitId';

/** The units the signed-in user works for (unit officer grants first), and the one chosen (remembered). */
export function useMyUnits() {
  const { me } = useSession();
  const grants = me?.user.grants ?? [];
  const seen = new Set<string>();
  const units: { unitId: string; name: string }[] = [];
  for (const g of [...grants].sort(
    (a, b) => Number(b.role === 'unit_officer') - Number(a.role === 'unit_officer'),
  )) {
    if (g.unitId && !seen.has(g.unitId) && (g.role === 'unit_officer' || g.role === 'dx_office')) {
      seen.add(g.unitId);
      units.push({ unitId: g.unitId, name: g.unitName ?? g.unitId });
    }
  }
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(KEY));
  const unitId = units.some((u) => u.unitId === chosen) ? chosen : (units[0]?.unitId ?? null);
  const setUnitId = (id: string) => {
    localStorage.setItem(KEY, id);
    setChosen(id);
  };
  /** True when the user writes for the whole province (DX office, administrator): no unit is imposed. */
  const provinceWide = grants.some((g) => g.role === 'administrator' || g.role === 'dx_office');
  return {
    units,
    unitId,
    setUnitId,
    provinceWide,
    unitName: units.find((u) => u.unitId === unitId)?.name ?? null,
  };
}
