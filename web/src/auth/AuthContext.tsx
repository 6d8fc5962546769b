import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setUnauthorizedListener } from '../api/client.ts';
import type { Me } from '../api/contract.ts';
import { type AuthState, authState } from './auth-state.ts';
import { authKeys, useMeQuery, useSignOut } from './queries.ts';

interface AuthContextValue {
  state: AuthState;
  /** Store the user returned by login / TOTP confirmation. */
  setUser: (user: Me) => void;
  signOut: () => Promise<void>;
  reload: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const me = useMeQuery();
  const logout = useSignOut();
  const [expired, setExpired] = useState(false);

  const { data, error, isFetching } = me;
  const state = useMemo(
    () => authState({ data, error, isFetching }, expired),
    [data, error, isFetching, expired],
  );
  const signedOut = data === null;

  useEffect(() => {
    setUnauthorizedListener(() => {
      if (!client.getQueryData(authKeys.me)) return;
      setExpired(true);
      client.setQueryData(authKeys.me, null);
    });
    return () => setUnauthorizedListener(null);
  }, [client]);

  // Signed out (or the session expired): nothing read for that person stays in the cache, so whoever signs
  // in next never sees it, not even for a moment. Runs once the signed-in pages are gone.
  useEffect(() => {
    if (!signedOut) return;
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] && !q.meta?.notPersonal });
    client.getMutationCache().clear();
  }, [client, signedOut]);

  const setUser = useCallback(
    (user: Me) => {
      setExpired(false);
      client.setQueryData(authKeys.me, user);
    },
    [client],
  );

  const { mutateAsync } = logout;
  const signOut = useCallback(async () => {
    try {
      await mutateAsync();
    } catch {
      // Even if the server is unreachable, forget the session locally.
    }
    setExpired(false);
    client.setQueryData(authKeys.me, null);
  }, [client, mutateAsync]);

  const { refetch } = me;
  const reload = useCallback(() => void refetch(), [refetch]);

  const value = useMemo(() => ({ state, setUser, signOut, reload }), [state, setUser, signOut, reload]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only call below the point where sign-in is guaranteed. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signedIn') throw new Error('useMe without a signed-in user');
  return state.user;
}
