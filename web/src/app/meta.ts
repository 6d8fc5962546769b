import { useQuery } from '@tanstack/react-query';
import { call, typed } from '../api/client.ts';
import type { Meta } from '../api/contract.ts';

export const metaKeys = {
  meta: ['meta'] as const,
};

/** Server meta (demo flag, version, map tiles); null until known or when unreachable (tried again on next use). */
export function useMeta(): Meta | null {
  const { data } = useQuery<Meta>({
    queryKey: metaKeys.meta,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/meta', { signal }), { skipUnauthorized: true }),
    // the same for everyone and for as long as the server runs: read once; kept when someone signs out
    staleTime: Number.POSITIVE_INFINITY,
    meta: { notPersonal: true },
  });
  return data ?? null;
}
