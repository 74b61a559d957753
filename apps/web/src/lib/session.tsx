import type { MeOut, UserOut } from '@dx/contracts';
import type { Permission } from '@dx/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { ApiError, get, setCsrfToken } from './api';

export type SessionUser = UserOut;
export type Me = MeOut;

type SessionValue = {
  me: Me | null;
  isLoading: boolean;
  can: (p: Permission) => boolean;
  /** Store the answer of sign-in (or null after sign-out) without another round trip. */
  setMe: (me: Me | null) => void;
};

const SessionContext = createContext<SessionValue | null>(null);
export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Who is signed in (GET /api/auth/me) and what they may do. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
  const setMe = useCallback(
    (me: Me | null) => {
      setCsrfToken(me?.csrfToken ?? null);
      qc.setQueryData(ME_KEY, me);
      // Another user's (or no user's) data must not show: drop every other cached answer.
      // (Not qc.clear(): that would detach the mounted "me" observer from the new value.)
      qc.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    },
    [qc],
  );
  const value = useMemo<SessionValue>(() => {
    const me = q.data ?? null;
    return { me, isLoading: q.isLoading, can: (p) => !!me?.permissions.includes(p), setMe };
  }, [q.data, q.isLoading, setMe]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The session when there is one above (a component test may render a screen without it). */
export function useOptionalSession(): SessionValue | null {
  return useContext(SessionContext);
}
