// The alarm reads and their query keys, in one place. The open list is written by the live stream
// (live-cache.ts) and by the handling steps; the detail, history and linked information are read on demand.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, call, typed } from '../api/client.ts';
import type { Alarm, AlarmDetail, AlarmHistoryPage, AlarmLinked, AlarmPlan } from '../api/contract.ts';
import { mergeAlarm } from './model.ts';

/** The search of the history as the API takes it (dates yyyy-mm-dd). */
export interface HistoryQuery {
  reference?: string;
  device?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const alarmKeys = {
  open: ['alarms', 'open'] as const,
  detail: (id: string) => ['alarms', 'detail', id] as const,
  history: ['alarms', 'history'] as const,
  historyPage: (query: HistoryQuery) => ['alarms', 'history', query] as const,
  /** Audited need-to-know information: its own root, so no alarm change re-reads it unasked. */
  linked: (id: string, phase: string) => ['alarm-linked', id, phase] as const,
  /** The action plan holds the case's agreements (an audited read): its own root as well. */
  plan: (id: string) => ['alarm-plan', id] as const,
};

/**
 * Alarms the stream brought while a full read of the open list was under way: they are newer than that
 * read's snapshot and win over it.
 */
const readsInFlight = new Set<Map<string, Alarm>>();

/** Remember a streamed alarm for every full read still under way. */
export function noteStreamed(alarm: Alarm): void {
  for (const touched of readsInFlight) touched.set(alarm.id, alarm);
}

async function readOpenAlarms(signal: AbortSignal): Promise<Alarm[]> {
  const touched = new Map<string, Alarm>();
  readsInFlight.add(touched);
  try {
    const list = await call(typed.GET('/api/v1/alarms', { params: { query: { state: 'open' } }, signal }));
    let merged = list;
    for (const alarm of touched.values()) merged = mergeAlarm(merged, alarm);
    return merged;
  } finally {
    readsInFlight.delete(touched);
  }
}

/** Safety net: re-read the full open list now and then, in case an event was missed. */
const RESYNC_MS = 60_000;

/**
 * The open queue. `onRead` sees the list before and after each full read. Not kept once no console shows
 * it (a console opening again reads it afresh rather than showing an old queue first); no structural
 * sharing, the stream merges by id anyway.
 */
export function useOpenAlarmList(onRead: (before: Alarm[] | undefined, after: Alarm[]) => void) {
  const client = useQueryClient();
  return useQuery<Alarm[], ApiError>({
    queryKey: alarmKeys.open,
    queryFn: async ({ signal }) => {
      const after = await readOpenAlarms(signal);
      onRead(client.getQueryData<Alarm[]>(alarmKeys.open), after);
      return after;
    },
    refetchInterval: RESYNC_MS,
    gcTime: 0,
    structuralSharing: false,
  });
}

export function useAlarmDetail(id: string) {
  return useQuery<AlarmDetail, ApiError>({
    queryKey: alarmKeys.detail(id),
    queryFn: ({ signal }) => call(typed.GET('/api/v1/alarms/{id}', { params: { path: { id } }, signal })),
  });
}

export function useAlarmHistory(query: HistoryQuery) {
  return useQuery<AlarmHistoryPage, ApiError>({
    queryKey: alarmKeys.historyPage(query),
    queryFn: ({ signal }) => call(typed.GET('/api/v1/alarms/history', { params: { query }, signal })),
  });
}

/**
 * Need-to-know information for the alarm being handled, read per alarm and handling phase (every read is
 * audited). Read only when asked (never again by itself, e.g. when the network returns), dropped from the
 * cache as soon as the panel stops showing it; `enabled` false while the operator has not claimed the alarm
 * yet (the server would refuse, audited).
 */
export function useAlarmLinked(id: string, phase: string, enabled: boolean) {
  return useQuery<AlarmLinked, ApiError>({
    queryKey: alarmKeys.linked(id, phase),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/alarms/{id}/linked', { params: { path: { id } }, signal })),
    enabled,
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnReconnect: false,
  });
}

/**
 * The action plan of the alarm the operator handles: the case's agreements and the region's steps with their
 * ticks. Audited like the linked information: read once when shown (only while this operator holds the
 * claim: the server refuses anyone else), kept current by the ticks' replies, dropped when no longer shown.
 */
export function useAlarmPlan(id: string) {
  return useQuery<AlarmPlan, ApiError>({
    queryKey: alarmKeys.plan(id),
    queryFn: ({ signal }) =>
      call(typed.GET('/api/v1/alarms/{id}/plan', { params: { path: { id } }, signal })),
    gcTime: 0,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnReconnect: false,
  });
}
