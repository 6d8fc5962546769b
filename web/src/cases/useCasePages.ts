import { useCallback, useEffect, useState } from 'react';
import { ApiError, api, query } from '../api/client.ts';
import type { CaseSummary } from '../api/contract.ts';

export interface CasePages {
  cases: CaseSummary[] | undefined;
  /** more cases follow the ones loaded */
  hasMore: boolean;
  loading: boolean;
  error: ApiError | undefined;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The case list a page at a time: the first page, then the next one (X-Next-Cursor of the last
 * answer) appended on `loadMore`. Mount it anew (a React key) when status or search changes.
 */
export function useCasePages(status: string, q: string): CasePages {
  const [cases, setCases] = useState<CaseSummary[] | undefined>(undefined);
  const [next, setNext] = useState<string | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    void tick;
    const ctrl = new AbortController();
    setLoading(true);
    setError(undefined);
    let nextCursor: string | null = null;
    api
      .get<CaseSummary[]>(
        `/cases${query(status === 'open' ? { open: 'true', q, cursor: cursor ?? undefined } : { status, q, cursor: cursor ?? undefined })}`,
        {
          signal: ctrl.signal,
          onHeaders: (h) => {
            nextCursor = h.get('x-next-cursor');
          },
        },
      )
      .then((page) => {
        setCases((loaded) => (cursor && loaded ? [...loaded, ...page] : page));
        setNext(nextCursor);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, null));
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [status, q, cursor, tick]);

  const loadMore = useCallback(() => {
    if (next) setCursor(next);
  }, [next]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { cases, hasMore: next !== null, loading, error, loadMore, reload };
}
