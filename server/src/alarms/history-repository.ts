import type { Queryable } from '../db/index.ts';
import type { AlarmKind } from './rules.ts';

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

/** Which handled alarms to list; a null narrows nothing. Search texts are LIKE patterns, already escaped. */
export interface HandledAlarmsQuery {
  /** the regions the caller may read */
  regionIds: string[] | null;
  reference: string | null;
  device: string | null;
  /** yyyy-mm-dd, Dutch time */
  from: string | null;
  to: string | null;
  limit: number;
  offset: number;
  /** the regions the caller handles; alarms forwarded to the caller are found outside them */
  handledRegionIds: string[] | null;
}

/**
 * Resolved first alarms, newest first, one page, each with the number of its presses and, on every row,
 * the total number of matches.
 */
export async function handledAlarms(
  db: Queryable,
  q: HandledAlarmsQuery,
): Promise<(HistoryItem & { total: number | string })[]> {
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
    [q.regionIds, q.reference, q.device, q.from, q.to, q.limit, q.offset, q.handledRegionIds],
  );
  return r.rows;
}
