// The server state the case pages read, through the query cache. The keys follow the API paths, so a
// change to a case invalidates its page, its documents and timeline, and the case lists by prefix.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { Reply } from '../api/contract.ts';
import { CASE_STATUSES } from '../api/values.ts';

export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseOverviewData = Reply<'/api/v1/case-overview', 'get'>;

/** The status filter's value for "every case still being worked on". */
export const OPEN = 'open';

export const caseKeys = {
  /** every case query: lists, pages and their sections */
  all: ['api', 'cases'] as const,
  /** every page of every filter of the case list */
  lists: ['api', 'cases', 'list'] as const,
  list: (status: string, q: string) => ['api', 'cases', 'list', { status, q }] as const,
  /** a case and everything read under its path (documents, timeline, the casework sections) */
  detail: (id: string) => ['api', 'cases', id] as const,
  documents: (id: string) => ['api', 'cases', id, 'documents'] as const,
  timeline: (id: string) => ['api', 'cases', id, 'timeline'] as const,
  overview: ['api', 'case-overview'] as const,
  organisations: ['api', 'organisations'] as const,
  /** every device query (the stock a button is issued from among them) */
  devices: ['api', 'devices'] as const,
  stock: ['api', 'devices', { state: 'in_stock' }] as const,
};

export function useCase(id: string) {
  return useQuery<Reply<'/api/v1/cases/{id}', 'get'>, ApiError>({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => call(typed.GET('/api/v1/cases/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCaseDocuments(id: string) {
  return useQuery<Reply<'/api/v1/cases/{id}/documents', 'get'>, ApiError>({
    queryKey: caseKeys.documents(id),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/cases/{id}/documents', { params: { path: { id } }, signal })),
  });
}

/** Everything that happened on a case, newest first, a page at a time (the server's nextCursor). */
export function useCaseTimeline(id: string) {
  return useInfiniteQuery<
    Reply<'/api/v1/cases/{id}/timeline', 'get'>,
    ApiError,
    { pages: Reply<'/api/v1/cases/{id}/timeline', 'get'>[] },
    ReturnType<typeof caseKeys.timeline>,
    string | null
  >({
    queryKey: caseKeys.timeline(id),
    queryFn: ({ pageParam, signal }) =>
      call(
        typed.GET('/api/v1/cases/{id}/timeline', {
          params: { path: { id }, query: pageParam ? { before: pageParam } : {} },
          signal,
        }),
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Deadlines, tasks and recent alarms of the caller's cases (the caseworker's and coordinator's home). */
export function useCaseOverview() {
  return useQuery<CaseOverviewData, ApiError>({
    queryKey: caseKeys.overview,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/case-overview', { signal })),
  });
}

interface CasePage {
  cases: Reply<'/api/v1/cases', 'get'>;
  next: string | null;
}

/** The filter as the server takes it: "open" is its own flag, a status must be one of the server's. */
export function caseListQuery(status: string, q: string, cursor: string | null) {
  const known = (CASE_STATUSES as readonly string[]).includes(status) ? (status as CaseStatus) : undefined;
  return {
    ...(status === OPEN ? { open: true } : known ? { status: known } : {}),
    ...(q ? { q } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** The case list a page at a time: the next page's cursor is the X-Next-Cursor of the last answer. */
export function useCaseListPages(status: string, q: string) {
  return useInfiniteQuery<
    CasePage,
    ApiError,
    { pages: CasePage[] },
    ReturnType<typeof caseKeys.list>,
    string | null
  >({
    queryKey: caseKeys.list(status, q),
    queryFn: async ({ pageParam, signal }) => {
      let next: string | null = null;
      const cases = await call(
        typed.GET('/api/v1/cases', { params: { query: caseListQuery(status, q, pageParam) }, signal }),
        {
          onHeaders: (h) => {
            next = h.get('x-next-cursor');
          },
        },
      );
      return { cases, next };
    },
    initialPageParam: null,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useOrganisations() {
  return useQuery<Reply<'/api/v1/organisations', 'get'>, ApiError>({
    queryKey: caseKeys.organisations,
    queryFn: ({ signal }) => call(typed.GET('/api/v1/organisations', { signal })),
  });
}

/** Buttons in stock, to issue one to a case. */
export function useStockDevices() {
  return useQuery<Reply<'/api/v1/devices', 'get'>, ApiError>({
    queryKey: caseKeys.stock,
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/devices', { params: { query: { state: 'in_stock' } }, signal })),
  });
}
