import type { UnitListOut, UnitOut } from '@dx/contracts';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { get } from './api';
import { todayIso } from './dates';

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

/** The province the user works in, remembered in localStorage; defaults to the first visible one. */
export function ProvinceProvider({ children }: { children: ReactNode }) {
  const { data = [], isLoading } = useProvinces();
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(STORAGE_KEY));
  useEffect(() => {
    if (data.length > 0 && !data.some((p) => p.provinceId === chosen)) setChosen(data[0]!.provinceId);
  }, [data, chosen]);
  const value = useMemo<ProvinceValue>(
    () => ({
      provinceId:
        chosen && data.some((p) => p.provinceId === chosen) ? chosen : (data[0]?.provinceId ?? null),
      setProvinceId: (id) => {
        localStorage.setItem(STORAGE_KEY, id);
        setChosen(id);
      },
      provinces: data,
      isLoading,
    }),
    [chosen, data, isLoading],
  );
  return <ProvinceContext.Provider value={value}>{children}</ProvinceContext.Provider>;
}

export function useProvince(): ProvinceValue {
  const v = useContext(ProvinceContext);
  if (!v) throw new Error('useProvince outside ProvinceProvider');
  return v;
}
