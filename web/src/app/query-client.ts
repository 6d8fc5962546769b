// The one cache of server state. Failed requests are not retried here: a refusal (4xx) will not change,
// and an unreachable server is shown at once with a retry button (LoadState) rather than after seconds of
// silent attempts. A page shows what is cached at once and fetches afresh on every visit (staleTime 0);
// the alarm stream and mutations invalidate what they change.
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
    mutations: { retry: false },
  },
});
