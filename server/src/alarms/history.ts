import { regionsFor, requireAccess } from '../access/index.ts';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import { invalid } from '../errors.ts';
import { handledAlarms } from './history-repository.ts';

export type { HistoryItem } from './history-repository.ts';

export const HISTORY_PAGE_SIZE = 20;

export interface HistoryFilter {
  /** the start of a case reference, e.g. AW-2026-0006 or AW-2026 */
  reference?: string;
  /** part of the button's label (serial number), e.g. XM-1001 or 1001 */
  device?: string;
  /** received on or after this day (yyyy-mm-dd, Dutch time) */
  from?: string;
  /** received on or before this day (yyyy-mm-dd, Dutch time) */
  to?: string;
  page?: number;
}

/** `%` and `_` typed in a search box are meant literally. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Handled alarms of the caller's regions, newest first, a page at a time. A repeated press is part of its
 * first alarm and not listed on its own.
 */
export async function searchHistory(db: Queryable, ctx: RequestContext, filter: HistoryFilter) {
  requireAccess(ctx.actor, 'alarm.read');
  const reach = regionsFor(ctx.actor, 'alarm.read');
  const handled = regionsFor(ctx.actor, 'alarm.claim');
  if (filter.from && filter.to && filter.from > filter.to) {
    throw invalid('to', 'must not be before the from date', 'period.toBeforeFrom');
  }
  const page = filter.page ?? 1;
  const reference = filter.reference?.trim();
  const device = filter.device?.trim();
  const rows = await handledAlarms(db, {
    regionIds: reach.all ? null : reach.regionIds,
    reference: reference ? literal(reference) : null,
    device: device ? literal(device) : null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    limit: HISTORY_PAGE_SIZE,
    offset: (page - 1) * HISTORY_PAGE_SIZE,
    // the police find what the alarm centre forwarded to them; the alarm centre all of its regions
    handledRegionIds: handled.all ? null : handled.regionIds,
  });
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows.map(({ total: _total, ...item }) => item),
    page,
    pageSize: HISTORY_PAGE_SIZE,
    total,
  };
}
