// The history's search: as typed (dates in Dutch notation), in the address bar, and as the API takes it.
import { dutchToIso } from '../ui/dutch-date.ts';
import type { HistoryQuery } from './queries.ts';

export const HISTORY_FILTERS = ['reference', 'device', 'from', 'to'] as const;
export type HistoryFilters = Record<(typeof HISTORY_FILTERS)[number], string>;

/** The search as typed → the API's query: text trimmed, dates as yyyy-mm-dd, empty left out. */
export function historyQuery(filters: HistoryFilters, page: number): HistoryQuery {
  const query: HistoryQuery = {};
  for (const key of HISTORY_FILTERS) {
    const value = key === 'from' || key === 'to' ? dutchToIso(filters[key]) : filters[key].trim();
    if (value) query[key] = value;
  }
  if (page > 1) query.page = page;
  return query;
}

/** The address of a history page with that query ("/alarms/history?reference=…"). */
export function historyPath(query: HistoryQuery): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) q.set(key, String(value));
  const s = q.toString();
  return s ? `/alarms/history?${s}` : '/alarms/history';
}

/** What the search form checks before searching: real days, the end not before the start. */
export function dateProblems(filters: Pick<HistoryFilters, 'from' | 'to'>): {
  from?: 'dateInvalid';
  to?: 'dateInvalid' | 'toBeforeFrom';
} {
  const from = dutchToIso(filters.from);
  const to = dutchToIso(filters.to);
  return {
    ...(from === null ? { from: 'dateInvalid' as const } : {}),
    ...(to === null
      ? { to: 'dateInvalid' as const }
      : from && to && from > to
        ? { to: 'toBeforeFrom' as const }
        : {}),
  };
}
