import type { UnitListOut, UnitOut } from '@dx/contracts';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { get } from './api';
import { todayIso } from './dates';
import { useOptionalSession } from './session';

/** A unit as the server presents it (one version in force on the date asked). */
export type UnitSummary = UnitOut;

type ProvinceValue = {
  provinceId: string | null;
  setProvinceId: (id: string) => void;
  provinces: UnitSummary[];
  /** The provinces are still being asked for (provinceId is null until then, which is not "no province"). */
  isLoading: boolean;
};

const ProvinceContext = createContext<ProvinceValue | null>(null);
const STORAGE_KEY = 'dx.provinceId';

/** Provinces visible to the user (as of a date) — shared by every screen that works inside one province. */
export function useProvinces(asOf: string = todayIso()) {
  return useQuery({
    queryKey: ['provinces', asOf],
    queryFn: () => get<UnitListOut>('/provinces', { asOf }),
    select: (d) => d.items,
    staleTime: 10 * 60_000,
  });
}

/**
 * The province a user works in (issue 15): the province of their grants when those lie in one province (a unit
 * officer's follows the grant, whatever an earlier user of the browser chose), else the one they chose last — kept
 * in localStorage per user — when it is visible and among theirs, else the first of theirs, else the first visible.
 */
export function chooseProvince(o: {
  visible: readonly string[];
  grants: readonly { unitId: string | null; provinceId: string | null }[];
  stored: string | null;
}): string | null {
  const everywhere = o.grants.some((g) => g.unitId === null);
  const own = everywhere ? [...o.visible] : o.visible.filter((p) => o.grants.some((g) => g.provinceId === p));
  if (own.length === 1) return own[0]!;
  const candidates = own.length > 0 ? own : o.visible;
  if (o.stored && candidates.includes(o.stored)) return o.stored;
  return candidates[0] ?? null;
}

/** The province the user works in (chooseProvince), remembered per user in localStorage when they have several. */
export function ProvinceProvider({ children }: { children: ReactNode }) {
  const { data = [], isLoading } = useProvinces();
  const me = useOptionalSession()?.me ?? null;
  const storageKey = me ? `${STORAGE_KEY}:${me.user.id}` : STORAGE_KEY;
  // Read at each render (cheap): the key changes with the user, and a choice is stored before the re-render.
  const [, setRevision] = useState(0);
  const chosen = localStorage.getItem(storageKey);
  const value = useMemo<ProvinceValue>(
    () => ({
      provinceId: chooseProvince({
        visible: data.map((p) => p.provinceId),
        grants: me?.user.grants ?? [{ unitId: null, provinceId: null }],
        stored: chosen,
      }),
      setProvinceId: (id) => {
        localStorage.setItem(storageKey, id);
        setRevision((r) => r + 1);
      },
      provinces: data,
      isLoading,
    }),
    [chosen, data, isLoading, me, storageKey],
  );
  return <ProvinceContext.Provider value={value}>{children}</ProvinceContext.Provider>;
}

export function useProvince(): ProvinceValue {
  const v = useContext(ProvinceContext);
  if (!v) throw new Error('useProvince outside ProvinceProvider');
  return v;
}
