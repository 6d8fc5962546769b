import type { Queryable } from '../db/index.ts';
import type { AlarmKind } from './rules.ts';

/** One alarm of a batch, as raise_alarms() (migration 0021) takes it. */
export interface AlarmToRaise {
  deviceId: string;
  caseId: string | null;
  regionId: string;
  kind: AlarmKind;
  /** one open alarm per device and kind (battery), instead of retransmission keys and repeated presses */
  selfClearing: boolean;
  /** the directory's (cached) test-mode flag; the function confirms it from the device row */
  deviceTestMode: boolean;
  sequence: string | null;
  dedupeKey: string | null;
  code: string | null;
  text: string | null;
  occurredAt: Date | null;
  receivedAt: Date;
  positionSealed: string | null;
  batteryPercent: number | null;
  rawSealed: string;
  actorLabel: string;
}

export interface RaisedAlarm {
  alarmId: string;
  /** false for a retransmission of an alarm stored before (or earlier in the same batch) */
  created: boolean;
  /** the alarm's first timeline step (the live stream's event id); null when not created */
  eventId: number | null;
  /** set on a repeated press: the open first press it is folded into */
  firstAlarmId: string | null;
  /** filed as a test because the device was in test mode (not a test alarm by kind) */
  testMode: boolean;
}

/** Stores a batch of alarms with their first step, in one statement; results in the batch's order. */
export async function raiseAlarms(
  tx: Queryable,
  batch: AlarmToRaise[],
  windowMinutes: number,
): Promise<RaisedAlarm[]> {
  const json = batch.map((a, idx) => ({
    idx,
    device_id: a.deviceId,
    case_id: a.caseId,
    region_id: a.regionId,
    kind: a.kind,
    self_clearing: a.selfClearing,
    device_test_mode: a.deviceTestMode,
    sequence: a.sequence,
    dedupe_key: a.dedupeKey,
    code: a.code,
    text: a.text,
    occurred_at: a.occurredAt,
    received_at: a.receivedAt,
    position_sealed: a.positionSealed,
    battery_percent: a.batteryPercent,
    raw_sealed: a.rawSealed,
    actor_label: a.actorLabel,
  }));
  const r = await tx.query<{
    idx: number;
    alarmId: string;
    created: boolean;
    eventId: number | string | null;
    firstAlarmId: string | null;
    testMode: boolean;
  }>(
    `select idx, alarm_id as "alarmId", created, event_id as "eventId", first_alarm_id as "firstAlarmId",
            test_mode as "testMode"
     from raise_alarms($1::jsonb, $2::int)`,
    [JSON.stringify(json), windowMinutes],
  );
  const results: RaisedAlarm[] = new Array(batch.length);
  for (const row of r.rows) {
    results[row.idx] = {
      alarmId: row.alarmId,
      created: row.created,
      eventId: row.eventId === null ? null : Number(row.eventId),
      firstAlarmId: row.firstAlarmId,
      testMode: row.testMode,
    };
  }
  return results;
}

/** Tells each case's caseworker about an alarm of that case, for a batch of alarms in one statement. */
export async function notifyCaseTeams(
  tx: Queryable,
  notices: { caseId: string; alarmId: string; kind: AlarmKind }[],
): Promise<void> {
  if (notices.length === 0) return;
  await tx.query(
    `insert into notifications (user_id, kind, case_id, alarm_id)
     select c.caseworker_id, 'alarm.' || n.kind, c.id, n.alarm_id
     from unnest($1::uuid[], $2::uuid[], $3::text[]) as n(case_id, alarm_id, kind)
          join cases c on c.id = n.case_id
     where c.caseworker_id is not null`,
    [notices.map((n) => n.caseId), notices.map((n) => n.alarmId), notices.map((n) => n.kind)],
  );
}
