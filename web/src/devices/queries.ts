// The buttons' server state: query keys (one place) and the reads of the device pages.
import { useQueries, useQuery } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { CaseSummary, Device, DeviceAssignment, DeviceState } from '../api/contract.ts';

export interface DeviceFilter {
  state?: DeviceState;
  q?: string;
}

export const deviceKeys = {
  /** every device query: the lists, each device and its assignments */
  all: ['devices'] as const,
  lists: ['devices', 'list'] as const,
  list: (filter: DeviceFilter) => ['devices', 'list', filter] as const,
  one: (id: string) => ['devices', 'one', id] as const,
  assignments: (id: string) => ['devices', 'one', id, 'assignments'] as const,
  /** the cases a button may go to (a case being connected, or one still running) */
  assignableCases: ['devices', 'assignable-cases'] as const,
};

export function useDevices(filter: DeviceFilter) {
  return useQuery<Device[], ApiError>({
    queryKey: deviceKeys.list(filter),
    queryFn: ({ signal }) => call(typed.GET('/api/v1/devices', { params: { query: filter }, signal })),
  });
}

export function useDevice(id: string) {
  return useQuery<Device, ApiError>({
    queryKey: deviceKeys.one(id),
    queryFn: ({ signal }) => call(typed.GET('/api/v1/devices/{id}', { params: { path: { id } }, signal })),
  });
}

export function useAssignments(id: string) {
  return useQuery<DeviceAssignment[], ApiError>({
    queryKey: deviceKeys.assignments(id),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/devices/{id}/assignments', { params: { path: { id } }, signal })),
  });
}

/** A button goes to a case being connected, or replaces one on a running case (the list is paged: ask for those). */
const ASSIGNABLE = ['connecting', 'active', 'evaluation'] as const;

export function useAssignableCases() {
  return useQueries({
    queries: ASSIGNABLE.map((status) => ({
      queryKey: [...deviceKeys.assignableCases, status],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        call(typed.GET('/api/v1/cases', { params: { query: { status, limit: 200 } }, signal })),
    })),
    combine: (results) => ({
      data: results.every((r) => r.data)
        ? results.flatMap((r) => (r.data ?? []) as CaseSummary[])
        : undefined,
      loading: results.some((r) => r.isFetching),
      error: (results.find((r) => r.error)?.error ?? undefined) as ApiError | undefined,
      reload: () => {
        for (const r of results) void r.refetch();
      },
    }),
  });
}
