import type { ApiError } from '../api/client.ts';
import type { CaseSummary } from '../api/contract.ts';
import { useCaseListPages } from './queries.ts';

export interface CasePages {
  cases: CaseSummary[] | undefined;
  /** more cases follow the ones loaded */
  hasMore: boolean;
  /** the first page is on its way */
  loading: boolean;
  /** the next page is on its way */
  loadingMore: boolean;
  error: ApiError | undefined;
  loadMore: () => void;
  reload: () => void;
}

/** The case list a page at a time: the first page, then the next one appended on `loadMore`. */
export function useCasePages(status: string, q: string): CasePages {
  const query = useCaseListPages(status, q);
  return {
    cases: query.data?.pages.flatMap((page) => page.cases),
    hasMore: query.hasNextPage,
    loading: query.isFetching && !query.isFetchingNextPage,
    loadingMore: query.isFetchingNextPage,
    error: query.error ?? undefined,
    loadMore: () => void query.fetchNextPage(),
    reload: () => void query.refetch(),
  };
}
