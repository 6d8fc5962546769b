import { regionsFor, requireAccess } from '../access/index.ts';
import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import { invalid } from '../errors.ts';
import type { AlarmKind } from './rules.ts';

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

export interface HistoryItem {
  id: string;
  kind: AlarmKind;
  isTest: boolean;
  caseReference: string | null;
  deviceLabel: string;
  receivedAt: Date;
  resolvedAt: Date | null;
  outcome: string | null;
  /** how often the button was pressed for this alarm (1 + its folded repeats) */
  presses: number;
  forwarded: boolean;
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
  const r = await db.query<HistoryItem & { total: number | string }>(
    `select a.id, a.kind, a.is_test as "isTest", c.reference as "caseReference", d.serial as "deviceLabel",
            a.received_at as "receivedAt", a.resolved_at as "resolvedAt", a.outcome,
            1 + (select count(*)::int from alarms f where f.first_alarm_id = a.id) as presses,
            a.forwarded_at is not null as forwarded,
            count(*) over () as total
     from alarms a join devices d on d.id = a.device_id left join cases c on c.id = a.case_id
     where a.state = 'resolved' and a.first_alarm_id is null
       and ($1::uuid[] is null or a.region_id = any($1::uuid[]))
       and (a.forwarded_at is not null or $8::uuid[] is null or a.region_id = any($8::uuid[]))
       and ($2::text is null or upper(c.reference) like upper($2) || '%')
       and ($3::text is null or upper(d.serial) like '%' || upper($3) || '%')
       and ($4::date is null or a.received_at >= ($4::date)::timestamp at time zone 'Europe/Amsterdam')
       and ($5::date is null or a.received_at < ($5::date + 1)::timestamp at time zone 'Europe/Amsterdam')
     order by a.received_at desc, a.id
     limit $6 offset $7`,
    [
      reach.all ? null : reach.regionIds,
      reference ? literal(reference) : null,
      device ? literal(device) : null,
      filter.from ?? null,
      filter.to ?? null,
      HISTORY_PAGE_SIZE,
      (page - 1) * HISTORY_PAGE_SIZE,
      // the police find what the alarm centre forwarded to them; the alarm centre all of its regions
      handled.all ? null : handled.regionIds,
    ],
  );
  const total = Number(r.rows[0]?.total ?? 0);
  return {
    items: r.rows.map(({ total: _total, ...item }) => item),
    page,
    pageSize: HISTORY_PAGE_SIZE,
    total,
  };
}
