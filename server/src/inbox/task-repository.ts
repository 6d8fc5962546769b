import type { Queryable } from '../db/index.ts';

/**
 * The one writer of `tasks`. Each function runs inside the caller's transaction, so a task exists iff the
 * change that gave rise to it does.
 */

/** A follow-up task after an alarm, for the case's caseworker. */
export async function addAlarmTask(
  tx: Queryable,
  t: { caseId: string; alarmId: string; kind: string; assigneeId: string | null; dueAt: Date },
) {
  await tx.query(
    'insert into tasks (case_id, alarm_id, kind, assignee_id, due_at) values ($1, $2, $3, $4, $5)',
    [t.caseId, t.alarmId, t.kind, t.assigneeId, t.dueAt],
  );
}

/** A task for an organisation, due at 17:00 Amsterdam time on `dueOn`; done at once when skipped. */
export async function addOrganisationTask(
  tx: Queryable,
  t: {
    caseId: string;
    kind: string;
    description: string | null;
    organisationId: string | null;
    dueOn: string;
    createdBy: string | null;
    skippedReason: string | null;
  },
) {
  await tx.query(
    `insert into tasks (case_id, kind, description, assignee_organisation_id, due_at, created_by, skipped_reason, done_at)
     values ($1, $2, $3, $4, ($5::date + time '17:00') at time zone 'Europe/Amsterdam', $6, $7::text,
             case when $7::text is not null then now() end)`,
    [t.caseId, t.kind, t.description, t.organisationId, t.dueOn, t.createdBy, t.skippedReason],
  );
}

/** An agreement made in (or outside) a network meeting; returns its id. */
export async function addAgreementTask(
  tx: Queryable,
  t: {
    caseId: string;
    description: string;
    meetingId: string | null;
    assigneeId: string | null;
    dueAt: Date | string;
    createdBy: string | null;
  },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into tasks (case_id, kind, description, meeting_id, assignee_id, due_at, created_by)
     values ($1, 'agreement', $2, $3, $4, $5, $6) returning id`,
    [t.caseId, t.description, t.meetingId, t.assigneeId, t.dueAt, t.createdBy],
  );
  return r.rows[0]!.id;
}

export interface TaskState {
  caseId: string;
  kind: string;
  assigneeId: string | null;
  doneAt: Date | null;
}

export async function findTask(tx: Queryable, id: string): Promise<TaskState | null> {
  const r = await tx.query<TaskState>(
    `select case_id as "caseId", kind, assignee_id as "assigneeId", done_at as "doneAt" from tasks where id = $1`,
    [id],
  );
  return r.rows[0] ?? null;
}

/** Ticks the task off (or, with a reason, records it as skipped). */
export async function completeTask(tx: Queryable, id: string, doneBy: string | null, skippedReason?: string) {
  if (skippedReason === undefined) {
    await tx.query('update tasks set done_at = now(), done_by = $2 where id = $1', [id, doneBy]);
  } else {
    await tx.query('update tasks set done_at = now(), done_by = $2, skipped_reason = $3 where id = $1', [
      id,
      doneBy,
      skippedReason,
    ]);
  }
}

/** Open tasks to remind or escalate, soonest due first. */
export async function tasksToAlert(db: Queryable, remindUntil: Date, now: Date) {
  const r = await db.query<{
    id: string;
    caseId: string;
    assigneeId: string | null;
    dueAt: Date;
    doneAt: Date | null;
    remindedAt: Date | null;
    escalatedAt: Date | null;
  }>(
    `select id, case_id as "caseId", assignee_id as "assigneeId", due_at as "dueAt", done_at as "doneAt",
            reminded_at as "remindedAt", escalated_at as "escalatedAt"
     from tasks
     where done_at is null and ((reminded_at is null and due_at <= $1) or (escalated_at is null and due_at < $2))
     order by due_at limit 500`,
    [remindUntil, now],
  );
  return r.rows;
}

/** Claims the reminder (or the escalation) of an open task; false when another run already has. */
export async function claimTaskAlert(
  tx: Queryable,
  id: string,
  alert: 'reminded' | 'escalated',
  now: Date,
): Promise<boolean> {
  const r = await tx.query(
    alert === 'reminded'
      ? 'update tasks set reminded_at = $2 where id = $1 and reminded_at is null and done_at is null'
      : 'update tasks set escalated_at = $2 where id = $1 and escalated_at is null and done_at is null',
    [id, now],
  );
  return r.rowCount > 0;
}

/** Who hears of an overdue task: the case director(s) — or else the coordinators — and the assignee. */
export async function overdueTaskRecipients(tx: Queryable, caseId: string, assigneeId: string | null) {
  const r = await tx.query<{ userId: string; email: string; disabled: boolean }>(
    `select distinct r.user_id as "userId", u.email, u.disabled from (
       select t.user_id from case_team t where t.case_id = $1 and t.role = 'case_director'
       union all
       select m.user_id from cases c join memberships m on m.organisation_id = c.organisation_id
       where c.id = $1 and m.role = 'coordinator'
         and not exists (select 1 from case_team d where d.case_id = $1 and d.role = 'case_director')
       union all
       select $2::uuid where $2::uuid is not null
     ) r join users u on u.id = r.user_id`,
    [caseId, assigneeId],
  );
  return r.rows;
}

/** The user's own tasks (after care), open ones only when asked. */
export async function tasksAssignedTo(db: Queryable, userId: string | null, openOnly: boolean) {
  const r = await db.query(
    `select t.id, t.case_id as "caseId", c.reference as "caseReference", t.alarm_id as "alarmId", t.kind,
            t.description, t.due_at as "dueAt", t.done_at as "doneAt"
     from tasks t join cases c on c.id = t.case_id
     where t.assignee_id = $1 and (not $2 or t.done_at is null) order by t.due_at`,
    [userId, openOnly],
  );
  return r.rows;
}

export async function assignedTask(tx: Queryable, id: string) {
  const r = await tx.query(
    `select t.id, t.case_id as "caseId", c.reference as "caseReference", t.alarm_id as "alarmId", t.kind,
            t.due_at as "dueAt", t.done_at as "doneAt" from tasks t join cases c on c.id = t.case_id where t.id = $1`,
    [id],
  );
  return r.rows[0];
}
