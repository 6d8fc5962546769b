import type { Queryable } from '../db/index.ts';
import type { AlarmKind, AlarmState } from './rules.ts';

export interface NewAlarm {
  deviceId: string;
  caseId: string | null;
  regionId: string;
  kind: AlarmKind;
  isTest: boolean;
  sequence: string | null;
  dedupeKey: string | null;
  code: string | null;
  text: string | null;
  occurredAt: Date | null;
  receivedAt: Date;
  positionSealed: string | null;
  batteryPercent: number | null;
  rawSealed: string | null;
  /** the open alarm of the same device and kind this press repeats; null for a first press */
  firstAlarmId?: string | null;
}

export async function lockDevice(tx: Queryable, deviceId: string) {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [deviceId]);
}

export async function insertAlarm(tx: Queryable, a: NewAlarm): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into alarms (device_id, case_id, region_id, kind, is_test, dedupe_key, code, text, occurred_at, received_at,
       position_sealed, battery_percent, raw_sealed, sequence, first_alarm_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) returning id`,
    [
      a.deviceId,
      a.caseId,
      a.regionId,
      a.kind,
      a.isTest,
      a.dedupeKey,
      a.code,
      a.text,
      a.occurredAt,
      a.receivedAt,
      a.positionSealed,
      a.batteryPercent,
      a.rawSealed,
      a.sequence,
      a.firstAlarmId ?? null,
    ],
  );
  return r.rows[0]!.id;
}

/** Timeline entries that are not a change of state: a unit dispatched, the console display, a plan step, the voice link. */
export type AlarmEventKind =
  | 'dispatch'
  | 'shown'
  | 'plan_step'
  | 'voice_listen'
  | 'voice_speak'
  | 'voice_close';

/** Appends one timeline step; its id doubles as the live stream's event id. */
export async function insertAlarmEvent(
  tx: Queryable,
  e: {
    alarmId: string;
    actorId: string | null;
    actorLabel: string;
    from: AlarmState | null;
    to: AlarmState;
    note?: string;
    /** an entry beside the state steps (migration 0023); a state step has none */
    kind?: AlarmEventKind;
  },
): Promise<number> {
  const r = await tx.query<{ id: number | string }>(
    `insert into alarm_events (alarm_id, actor_id, actor_label, from_state, to_state, note, kind)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [e.alarmId, e.actorId, e.actorLabel, e.from, e.to, e.note ?? null, e.kind ?? null],
  );
  return Number(r.rows[0]!.id);
}

export async function findOpenAlarmOfKind(tx: Queryable, deviceId: string, kind: AlarmKind) {
  const r = await tx.query<{ id: string; regionId: string }>(
    `select id, region_id as "regionId" from alarms where device_id = $1 and kind = $2 and state <> 'resolved'
     order by received_at desc limit 1`,
    [deviceId, kind],
  );
  return r.rows[0] ?? null;
}

/**
 * Moves the repeated presses of a first alarm along with it (claim, forward, on scene, resolve): they are
 * one situation, handled once. Returns each moved press with the state it left.
 */
export async function moveRepeats(
  tx: Queryable,
  firstId: string,
  step: { to: AlarmState; outcome?: string },
): Promise<{ id: string; from: AlarmState }[]> {
  // claimed by whoever claimed the first alarm (moved before its repeats, in the same transaction)
  const r = await tx.query<{ id: string; from: AlarmState }>(
    `update alarms f set state = $2, last_step_at = now(), escalation_level = 0,
       claimed_by = coalesce(f.claimed_by, (select claimed_by from alarms where id = $1)),
       outcome = coalesce($3, f.outcome),
       resolved_at = case when $2 = 'resolved' then now() else f.resolved_at end
     from (select id, state from alarms where first_alarm_id = $1 and state <> 'resolved' and state <> $2
           for update) prev
     where f.id = prev.id returning f.id, prev.state as "from"`,
    [firstId, step.to, step.outcome ?? null],
  );
  return r.rows;
}

export async function resolveAlarm(tx: Queryable, alarmId: string, outcome: string) {
  const r = await tx.query<{ state: AlarmState }>(
    `update alarms a set state = 'resolved', outcome = $2, resolved_at = now()
     from (select id, state from alarms where id = $1 for update) prev
     where a.id = prev.id and prev.state <> 'resolved' returning prev.state`,
    [alarmId, outcome],
  );
  return r.rows[0]?.state ?? null;
}

export interface AlarmRow {
  id: string;
  kind: AlarmKind;
  state: AlarmState;
  isTest: boolean;
  deviceId: string;
  deviceAccount: string;
  /** the button's serial number, as printed on it and used by the team */
  deviceLabel: string;
  caseId: string | null;
  caseReference: string | null;
  regionId: string;
  code: string | null;
  receivedAt: Date;
  occurredAt: Date | null;
  positionSealed: string | null;
  /** the address found near the position, added after the alarm was stored */
  addressSealed: string | null;
  batteryPercent: number | null;
  outcome: string | null;
  escalationLevel: number;
  claimedById: string | null;
  claimedByName: string | null;
  /** set on a repeated press: the alarm it is folded into */
  firstAlarmId: string | null;
  /** the alarm centre's note when forwarding, for the police control room */
  forwardNote: string | null;
  forwardedByName: string | null;
  /** forwarded by the alarm centre or escalated to the police control room (level 2) — itself or its first */
  handedToPolice: boolean;
}

/**
 * Handed to the police: the alarm centre forwarded it, or it escalated to level 2 (the alarm centre did not
 * respond and the police control room was alerted; a durable fact, unlike the level, which a step resets).
 */
const handed = (a: string) =>
  `(${a}.forwarded_at is not null or exists (select 1 from notifications n where n.alarm_id = ${a}.id
     and n.kind = 'alarm.escalated.2'))`;

const ALARM_VIEW = `
  select a.id, a.kind, a.state, a.is_test as "isTest", a.device_id as "deviceId", d.account as "deviceAccount",
         d.serial as "deviceLabel", a.first_alarm_id as "firstAlarmId",
         fw.note as "forwardNote", fw.name as "forwardedByName",
         a.case_id as "caseId", c.reference as "caseReference", a.region_id as "regionId", a.code,
         a.received_at as "receivedAt", a.occurred_at as "occurredAt",
         a.position_sealed as "positionSealed", a.address_sealed as "addressSealed",
         a.battery_percent as "batteryPercent", a.outcome, a.escalation_level as "escalationLevel",
         a.claimed_by as "claimedById", u.display_name as "claimedByName",
         -- a repeated press belongs to the police once its first alarm does: the same situation
         (${handed('a')} or exists (select 1 from alarms f where f.id = a.first_alarm_id and ${handed('f')}))
           as "handedToPolice"
  from alarms a join devices d on d.id = a.device_id left join cases c on c.id = a.case_id
       left join users u on u.id = a.claimed_by
       left join lateral (
         select e.note, fu.display_name as name from alarm_events e left join users fu on fu.id = e.actor_id
         where e.alarm_id = a.id and e.to_state = 'forwarded' and e.from_state <> 'forwarded'
         order by e.id limit 1) fw on a.forwarded_at is not null`;

/** Open alarms, panics first, oldest first within a kind: never paged, an operator sees them all. */
export async function listAlarms(
  db: Queryable,
  filter: { regionIds: string[] | null; open: boolean; limit: number | null },
): Promise<AlarmRow[]> {
  const r = await db.query<AlarmRow>(
    `${ALARM_VIEW}
     where ($1::uuid[] is null or a.region_id = any($1::uuid[]))
       and (not $2 or a.state <> 'resolved')
     order by (a.kind = 'panic' and not a.is_test) desc, a.escalation_level desc, a.received_at asc
     limit $3`,
    [filter.regionIds, filter.open, filter.limit],
  );
  return r.rows;
}

export async function findAlarm(db: Queryable, id: string): Promise<AlarmRow | null> {
  const r = await db.query<AlarmRow>(`${ALARM_VIEW} where a.id = $1`, [id]);
  return r.rows[0] ?? null;
}

export interface AlarmFactsRow {
  id: string;
  kind: AlarmKind;
  state: AlarmState;
  isTest: boolean;
  claimedBy: string | null;
  caseId: string | null;
  regionId: string;
  receivedAt: Date;
  lastStepAt: Date;
  escalationLevel: number;
}

const FACTS = `select id, kind, state, is_test as "isTest", claimed_by as "claimedBy", case_id as "caseId",
  region_id as "regionId", received_at as "receivedAt", last_step_at as "lastStepAt",
  escalation_level as "escalationLevel" from alarms`;

export async function findAlarmFacts(db: Queryable, id: string): Promise<AlarmFactsRow | null> {
  const r = await db.query<AlarmFactsRow>(`${FACTS} where id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Open real alarms that can escalate; a repeated press is carried by its first alarm. */
export async function openAlarmsForEscalation(db: Queryable): Promise<AlarmFactsRow[]> {
  const r = await db.query<AlarmFactsRow>(
    `${FACTS} where state <> 'resolved' and not is_test and first_alarm_id is null`,
  );
  return r.rows;
}

/** Moves an alarm one step, only if nobody moved it first; null when the state had changed. */
export async function applyStep(
  tx: Queryable,
  step: { id: string; from: AlarmState; to: AlarmState; claimedBy?: string; outcome?: string; note?: string },
): Promise<boolean> {
  const r = await tx.query(
    `update alarms set state = $3, last_step_at = now(), escalation_level = 0,
       claimed_by = coalesce($4, claimed_by),
       outcome = coalesce($5, outcome), outcome_note = coalesce($6, outcome_note),
       resolved_at = case when $3 = 'resolved' then now() else resolved_at end
     where id = $1 and state = $2`,
    [step.id, step.from, step.to, step.claimedBy ?? null, step.outcome ?? null, step.note ?? null],
  );
  return r.rowCount === 1;
}

export async function setEscalationLevel(tx: Queryable, id: string, level: number): Promise<boolean> {
  const r = await tx.query(
    `update alarms set escalation_level = $2 where id = $1 and escalation_level < $2 and state <> 'resolved'`,
    [id, level],
  );
  return r.rowCount === 1;
}

export interface TimelineRow {
  at: Date;
  /** a person (by display name), the button (by its label) or the system (by its part, e.g. escalation) */
  actorKind: 'person' | 'device' | 'system';
  actorName: string | null;
  fromState: string | null;
  toState: string;
  note: string | null;
  /** a later press of the same button, folded into this alarm */
  repeat: boolean;
  kind: AlarmEventKind | null;
  /** a plan step's tick: the step's action, where it comes from and whether it was done */
  planAction: string | null;
  planSource: 'region' | 'case' | null;
  planDone: boolean | null;
  /** the region's words for the step (a case agreement's words are not copied to the alarm) */
  planInstruction: string | null;
}

/**
 * The alarm's steps, and the arrival of every repeated press folded into it; people by display name and the
 * button by its label, never by e-mail address or account.
 */
export async function alarmTimeline(db: Queryable, alarmId: string): Promise<TimelineRow[]> {
  const r = await db.query<TimelineRow & { systemLabel: string }>(
    `select e.at,
            case when e.actor_id is not null then 'person'
                 when e.actor_label like 'device:%' then 'device' else 'system' end as "actorKind",
            case when e.actor_id is not null then coalesce(u.display_name, '')
                 when e.actor_label like 'device:%' then d.serial else e.actor_label end as "actorName",
            e.from_state as "fromState", e.to_state as "toState", e.note, e.alarm_id <> $1 as repeat,
            e.kind, t.action as "planAction", t.source as "planSource", t.done as "planDone",
            t.instruction as "planInstruction"
     from alarm_events e join alarms a on a.id = e.alarm_id join devices d on d.id = a.device_id
          left join users u on u.id = e.actor_id left join alarm_plan_ticks t on t.event_id = e.id
     where e.alarm_id = $1
        or (e.to_state = 'received' and e.from_state is null
            and e.alarm_id in (select id from alarms where first_alarm_id = $1))
     order by e.at, e.id`,
    [alarmId],
  );
  return r.rows;
}

/** Alarms changed after a stream event id, with the newest event id of each (console reconnect). */
/**
 * How far below a console's last event id a resume looks, in ids and in time: an event is dated at its
 * transaction's start, and one may commit this long after a console saw a higher id.
 */
const RESUME_LOOKBACK = { ids: 2_000, ms: 120_000 };

export async function alarmsChangedSince(
  db: Queryable,
  eventId: number,
  regionIds: string[] | null,
  recentBelow = false,
) {
  const r = await db.query<{ alarmId: string; regionId: string; eventId: number | string }>(
    `select e.alarm_id as "alarmId", a.region_id as "regionId", max(e.id) as "eventId"
     from alarm_events e join alarms a on a.id = e.alarm_id
     where (e.id > $1 or ($3::boolean and e.id > $1 - $4::bigint and e.at > now() - $5::int * interval '1 millisecond'))
       and ($2::uuid[] is null or a.region_id = any($2::uuid[]))
     group by e.alarm_id, a.region_id order by max(e.id) limit 5000`,
    [eventId, regionIds, recentBelow, RESUME_LOOKBACK.ids, RESUME_LOOKBACK.ms],
  );
  return r.rows.map((row) => ({ ...row, eventId: Number(row.eventId) }));
}
