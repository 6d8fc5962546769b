import type { Queryable } from '../db/index.ts';

export interface EvidenceAlarmRow {
  id: string;
  kind: string;
  state: string;
  isTest: boolean;
  regionId: string;
  regionName: string;
  deviceLabel: string;
  deviceAccount: string;
  caseId: string | null;
  caseReference: string | null;
  sequence: string | null;
  code: string | null;
  text: string | null;
  occurredAt: Date | null;
  receivedAt: Date;
  committedAt: Date;
  resolvedAt: Date | null;
  outcome: string | null;
  outcomeNote: string | null;
  batteryPercent: number | null;
  escalationLevel: number;
  firstAlarmId: string | null;
  rawSealed: string | null;
  positionSealed: string | null;
}

const ALARM = `select a.id, a.kind, a.state, a.is_test as "isTest", a.region_id as "regionId", r.name as "regionName",
    d.serial as "deviceLabel", d.account as "deviceAccount", a.case_id as "caseId", c.reference as "caseReference",
    a.sequence, a.code, a.text, a.occurred_at as "occurredAt", a.received_at as "receivedAt",
    a.committed_at as "committedAt", a.resolved_at as "resolvedAt", a.outcome, a.outcome_note as "outcomeNote",
    a.battery_percent as "batteryPercent", a.escalation_level as "escalationLevel",
    a.first_alarm_id as "firstAlarmId", a.raw_sealed as "rawSealed", a.position_sealed as "positionSealed"
  from alarms a join devices d on d.id = a.device_id join regions r on r.id = a.region_id
       left join cases c on c.id = a.case_id`;

export async function findEvidenceAlarm(db: Queryable, id: string): Promise<EvidenceAlarmRow | null> {
  const r = await db.query<EvidenceAlarmRow>(`${ALARM} where a.id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** The later presses of the same button folded into this alarm, oldest first. */
export async function findRepeats(db: Queryable, firstId: string): Promise<EvidenceAlarmRow[]> {
  const r = await db.query<EvidenceAlarmRow>(
    `${ALARM} where a.first_alarm_id = $1 order by a.received_at, a.id`,
    [firstId],
  );
  return r.rows;
}

export interface EvidenceStepRow {
  id: number | string;
  alarmId: string;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  actorName: string | null;
  fromState: string | null;
  toState: string;
  note: string | null;
}

/** Every step of these alarms, in the order they were written. */
export async function findSteps(db: Queryable, alarmIds: string[]): Promise<EvidenceStepRow[]> {
  const r = await db.query<EvidenceStepRow>(
    `select e.id, e.alarm_id as "alarmId", e.at, e.actor_id as "actorId", e.actor_label as "actorLabel",
            u.display_name as "actorName", e.from_state as "fromState", e.to_state as "toState", e.note
     from alarm_events e left join users u on u.id = e.actor_id
     where e.alarm_id = any($1::uuid[]) order by e.at, e.id`,
    [alarmIds],
  );
  return r.rows;
}

/** Positions sent after the alarm (the short tracking window), sealed. */
export async function findTrackedPositions(db: Queryable, alarmIds: string[]) {
  const r = await db.query<{ alarmId: string; at: Date; positionSealed: string }>(
    `select alarm_id as "alarmId", at, position_sealed as "positionSealed" from alarm_positions
     where alarm_id = any($1::uuid[]) order by at, id`,
    [alarmIds],
  );
  return r.rows;
}

export interface EvidenceAuditRow {
  seq: number | string;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  actorName: string | null;
  action: string;
  access: 'read' | 'write';
  recordType: string;
  recordId: string | null;
  ip: string | null;
  reason: string | null;
  details: Record<string, unknown> | string;
  /** the entry's place in the audit Merkle tree; null until the sequencer has integrated it */
  leafIndex: number | string | null;
}

/**
 * The audit entries about these alarms — their steps, and earlier exports of their evidence — and the reads
 * of the case's linked information made while handling one of them (recorded with the alarm as reason).
 */
export async function findAuditEntries(
  db: Queryable,
  alarmIds: string[],
  caseId: string | null,
): Promise<EvidenceAuditRow[]> {
  const r = await db.query<EvidenceAuditRow>(
    `select l.seq, l.at, l.actor_id as "actorId", l.actor_label as "actorLabel", u.display_name as "actorName",
            l.action, l.access, l.record_type as "recordType", l.record_id as "recordId", l.ip, l.reason, l.details,
            l.leaf_index as "leafIndex"
     from audit_log l left join users u on u.id = l.actor_id
     where (l.record_type = 'alarm' and l.record_id = any($1::text[]))
        or ($2::text is not null and l.record_type = 'case' and l.record_id = $2
            and l.reason = any(select 'alarm:' || x from unnest($1::text[]) x))
     order by l.seq`,
    [alarmIds, caseId],
  );
  return r.rows;
}

/** The places in the audit tree of these entries (null: not yet integrated). */
export async function leafIndexesOf(db: Queryable, seqs: number[]): Promise<Map<number, number | null>> {
  const r = await db.query<{ seq: number | string; leafIndex: number | string | null }>(
    'select seq, leaf_index as "leafIndex" from audit_log where seq = any($1::bigint[])',
    [seqs],
  );
  return new Map(
    r.rows.map((row) => [Number(row.seq), row.leafIndex === null ? null : Number(row.leafIndex)]),
  );
}

export async function displayNameOf(db: Queryable, userId: string): Promise<string | null> {
  const r = await db.query<{ name: string }>('select display_name as name from users where id = $1', [
    userId,
  ]);
  return r.rows[0]?.name ?? null;
}
