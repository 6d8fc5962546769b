import type { Queryable } from '../db/index.ts';

/** The latest incidents of the cases `visible` (a condition on cases `c`) lets the reader see. */
export async function visibleIncidents(tx: Queryable, visible: { sql: string; params: unknown[] }) {
  const r = await tx.query(
    `select i.id, i.case_id as "caseId", c.reference as "caseReference", i.alarm_id as "alarmId",
            i.occurred_at as "occurredAt", i.outcome, i.summary, a.outcome_note as note
     from incidents i join cases c on c.id = i.case_id left join alarms a on a.id = i.alarm_id
     where ${visible.sql}
     order by i.occurred_at desc limit 200`,
    visible.params,
  );
  return r.rows;
}
