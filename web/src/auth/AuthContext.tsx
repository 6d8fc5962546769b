import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setUnauthorizedListener } from '../api/client.ts';
import type { Me } from '../api/contract.ts';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signedOut'; expired: boolean }
  | { status: 'signedIn'; user: Me }
  | { status: 'error'; error: ApiError };

interface AuthContextValue {
  state: AuthState;
  /** Store the user returned by login / TOTP confirmation. */
  setUser: (user: Me) => void;
  signOut: () => Promise<void>;
  reload: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    // `attempt` re-runs this effect on retry.
    void attempt;
    api
      .get<{ user: Me }>('/auth/me', { signal: ctrl.signal, skipUnauthorized: true })
      .then(({ user }) => setState({ status: 'signedIn', user }))
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && err.status === 401) setState({ status: 'signedOut', expired: false });
        else if (err instanceof ApiError) setState({ status: 'error', error: err });
        else setState({ status: 'error', error: new ApiError(0, null) });
      });
    return () => ctrl.abort();
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedListener(() => {
      setState((s) => (s.status === 'signedIn' ? { status: 'signedOut', expired: true } : s));
    });
    return () => setUnauthorizedListener(null);
  }, []);

  const setUser = useCallback((user: Me) => setState({ status: 'signedIn', user }), []);

  const signOut = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout', {}, { skipUnauthorized: true });
    } catch {
      // Even if the server is unreachable, forget the session locally.
    }
    setState({ status: 'signedOut', expired: false });
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

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
