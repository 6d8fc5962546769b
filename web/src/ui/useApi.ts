import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type ApiError, api } from '../api/client.ts';

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the cached data, e.g. after a successful mutation. */
  setData: (data: T) => void;
}

/** The query key of a GET on an API path: invalidate `['api', path]` (or a prefix of it) after a change. */
export const apiKey = (path: string) => ['api', ...path.split(/[/?]/).filter(Boolean)] as const;

/** GET a resource through the query cache; pass null to skip. Re-fetches when the path changes. */
export function useApi<T>(path: string | null): ApiResource<T> {
  const client = useQueryClient();
  const key = apiKey(path ?? '');
  const query = useQuery<T, ApiError>({
    queryKey: key,
    queryFn: ({ signal }) => api.get<T>(path as string, { signal }),
    enabled: path !== null,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const setData = useCallback((data: T) => client.setQueryData(apiKey(path ?? ''), data), [client, path]);
  return {
    data: query.data,
    error: query.error ?? undefined,
    loading: query.isFetching,
    reload,
    setData,
  };
}
