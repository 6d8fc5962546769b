import { alarmAgreementsOf } from '../casework/safety-plan/repository.ts';
import type { Queryable } from '../db/index.ts';

/** All SQL of the privacy module. Sealed columns come back sealed; the service opens them. */

export type PrivacyRequestKind = 'access' | 'correction' | 'restriction' | 'erasure';
export const PRIVACY_REQUEST_KINDS: readonly PrivacyRequestKind[] = [
  'access',
  'correction',
  'restriction',
  'erasure',
];

export interface CaseRow {
  id: string;
  reference: string;
  status: string;
  targetGroup: string;
  regionName: string;
  organisationName: string;
  caseworkerName: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  testAlarmAt: Date | null;
}

export async function loadCase(db: Queryable, caseId: string): Promise<CaseRow | null> {
  const r = await db.query<CaseRow>(
    `select c.id, c.reference, c.status, c.target_group as "targetGroup", g.name as "regionName",
            o.name as "organisationName", u.display_name as "caseworkerName", c.created_at as "createdAt",
            c.decided_at as "decidedAt", c.test_alarm_at as "testAlarmAt"
     from cases c
     join regions g on g.id = c.region_id
     join organisations o on o.id = c.organisation_id
     left join users u on u.id = c.caseworker_id
     where c.id = $1`,
    [caseId],
  );
  return r.rows[0] ?? null;
}

export async function loadClient(db: Queryable, caseId: string) {
  const r = await db.query<{
    name: string;
    language: string;
    phoneSealed: string | null;
    addressSealed: string | null;
    photoSealed: string | null;
  }>(
    `select name, language, phone_sealed as "phoneSealed", address_sealed as "addressSealed",
            photo_sealed as "photoSealed"
     from clients where case_id = $1`,
    [caseId],
  );
  return r.rows[0] ?? null;
}

export async function loadChildren(db: Queryable, caseId: string) {
  const r = await db.query<{ firstName: string; birthYear: number | null }>(
    `select first_name as "firstName", birth_year as "birthYear" from case_children
     where case_id = $1 order by birth_year nulls last, first_name`,
    [caseId],
  );
  return r.rows;
}

export async function loadBans(db: Queryable, caseId: string) {
  const r = await db.query<{ kind: 'contact' | 'area'; description: string }>(
    'select kind, description from case_bans where case_id = $1 order by kind, description',
    [caseId],
  );
  return r.rows;
}

/** The button agreements of the safety plan in force (the plan itself is versioned in casework/safety-plan). */
export const loadAgreements = alarmAgreementsOf;

export async function loadDeviceAssignments(db: Queryable, caseId: string) {
  const r = await db.query<{
    vendor: string;
    model: string;
    serial: string;
    assignedAt: Date;
    unassignedAt: Date | null;
    current: boolean;
    lastSeenAt: Date | null;
    lastPositionSealed: string | null;
  }>(
    `select d.vendor, d.model, d.serial, a.assigned_at as "assignedAt", a.unassigned_at as "unassignedAt",
            (a.unassigned_at is null and d.case_id = a.case_id) as "current",
            d.last_seen_at as "lastSeenAt", d.last_position_sealed as "lastPositionSealed"
     from device_assignments a join devices d on d.id = a.device_id
     where a.case_id = $1 order by a.assigned_at`,
    [caseId],
  );
  return r.rows;
}

export async function loadAlarms(db: Queryable, caseId: string) {
  const alarms = await db.query<{
    id: string;
    kind: string;
    state: string;
    isTest: boolean;
    occurredAt: Date | null;
    receivedAt: Date;
    resolvedAt: Date | null;
    outcome: string | null;
    outcomeNote: string | null;
    positionSealed: string | null;
    deviceSerial: string;
  }>(
    `select a.id, a.kind, a.state, a.is_test as "isTest", a.occurred_at as "occurredAt",
            a.received_at as "receivedAt", a.resolved_at as "resolvedAt", a.outcome,
            a.outcome_note as "outcomeNote", a.position_sealed as "positionSealed", d.serial as "deviceSerial"
     from alarms a join devices d on d.id = a.device_id
     where a.case_id = $1 order by a.received_at`,
    [caseId],
  );
  const ids = alarms.rows.map((a) => a.id);
  const [trail, steps] = await Promise.all([
    db.query<{ alarmId: string; at: Date; positionSealed: string }>(
      `select alarm_id as "alarmId", at, position_sealed as "positionSealed" from alarm_positions
       where alarm_id = any($1::uuid[]) and position_sealed <> '' order by at`,
      [ids],
    ),
    db.query<{ alarmId: string; at: Date; toState: string }>(
      `select alarm_id as "alarmId", at, to_state as "toState" from alarm_events
       where alarm_id = any($1::uuid[]) order by at, id`,
      [ids],
    ),
  ]);
  return { alarms: alarms.rows, trail: trail.rows, steps: steps.rows };
}

export async function loadIncidents(db: Queryable, caseId: string) {
  const r = await db.query<{
    occurredAt: Date;
    outcome: string | null;
    summary: string;
    alarmId: string | null;
    createdAt: Date;
  }>(
    `select occurred_at as "occurredAt", outcome, summary, alarm_id as "alarmId", created_at as "createdAt"
     from incidents where case_id = $1 order by occurred_at`,
    [caseId],
  );
  return r.rows;
}

export async function loadTasks(db: Queryable, caseId: string) {
  const r = await db.query<{
    kind: string;
    dueAt: Date;
    doneAt: Date | null;
    createdAt: Date;
    assignee: string | null;
  }>(
    `select t.kind, t.due_at as "dueAt", t.done_at as "doneAt", t.created_at as "createdAt",
            u.display_name as assignee
     from tasks t left join users u on u.id = t.assignee_id
     where t.case_id = $1 order by t.created_at, t.due_at`,
    [caseId],
  );
  return r.rows;
}

/**
 * Every audit entry about this case record (not about other cases: `case.list` has no record id).
 * People are named by display name and organisation; their e-mail addresses and the entries' details and
 * IP addresses stay out of the export.
 */
export async function loadCaseAccessLog(db: Queryable, caseId: string) {
  const r = await db.query<{
    at: Date;
    action: string;
    access: 'read' | 'write';
    reason: string | null;
    actorLabel: string;
    displayName: string | null;
    organisations: string | null;
  }>(
    `select a.at, a.action, a.access, a.reason, a.actor_label as "actorLabel", u.display_name as "displayName",
            (select string_agg(distinct o.name, ', ') from memberships m
               join organisations o on o.id = m.organisation_id where m.user_id = a.actor_id) as organisations
     from audit_log a left join users u on u.id = a.actor_id
     where a.record_type = 'case' and a.record_id = $1
     order by a.seq`,
    [caseId],
  );
  return r.rows;
}

export async function displayNameOf(db: Queryable, userId: string): Promise<string | null> {
  const r = await db.query<{ name: string }>('select display_name as name from users where id = $1', [
    userId,
  ]);
  return r.rows[0]?.name ?? null;
}

export interface PrivacyRequestRow {
  id: string;
  caseId: string;
  kind: PrivacyRequestKind;
  receivedAt: Date;
  descriptionSealed: string;
  decisionSealed: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  createdBy: string;
  createdAt: Date;
}

const REQUEST_COLUMNS = `r.id, r.case_id as "caseId", r.kind, r.received_at as "receivedAt",
  r.description_sealed as "descriptionSealed", r.decision_sealed as "decisionSealed",
  r.decided_at as "decidedAt", d.display_name as "decidedBy", c.display_name as "createdBy",
  r.created_at as "createdAt"
  from privacy_requests r join users c on c.id = r.created_by left join users d on d.id = r.decided_by`;

export async function insertPrivacyRequest(
  db: Queryable,
  request: {
    caseId: string;
    kind: PrivacyRequestKind;
    receivedAt: Date;
    descriptionSealed: string;
    createdBy: string;
  },
): Promise<string> {
  const r = await db.query<{ id: string }>(
    `insert into privacy_requests (case_id, kind, received_at, description_sealed, created_by)
     values ($1, $2, $3, $4, $5) returning id`,
    [request.caseId, request.kind, request.receivedAt, request.descriptionSealed, request.createdBy],
  );
  return r.rows[0]!.id;
}

export async function listPrivacyRequests(db: Queryable, caseId: string): Promise<PrivacyRequestRow[]> {
  const r = await db.query<PrivacyRequestRow>(
    `select ${REQUEST_COLUMNS} where r.case_id = $1 order by r.received_at, r.created_at`,
    [caseId],
  );
  return r.rows;
}

export async function findPrivacyRequest(db: Queryable, id: string): Promise<PrivacyRequestRow | null> {
  const r = await db.query<PrivacyRequestRow>(`select ${REQUEST_COLUMNS} where r.id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Records the decision only if none was recorded yet; false when someone else was first. */
export async function recordDecision(
  db: Queryable,
  id: string,
  decision: { decisionSealed: string; decidedBy: string; decidedAt: Date },
): Promise<boolean> {
  const r = await db.query(
    `update privacy_requests set decision_sealed = $2, decided_by = $3, decided_at = $4
     where id = $1 and decided_at is null returning id`,
    [id, decision.decisionSealed, decision.decidedBy, decision.decidedAt],
  );
  return r.rows.length === 1;
}
