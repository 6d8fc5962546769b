import type { CaseVisibility } from '../access/index.ts';
import type { Queryable } from '../db/index.ts';
import { DEFAULT_GRANT_PARTIES } from './decision-rules.ts';
import { visibleCasesCondition } from './visibility.ts';

export interface WorkTask {
  id: string;
  kind: string;
  description: string | null;
  dueAt: string;
  overdue: boolean;
  caseId: string;
  reference: string;
  assigneeName: string | null;
  organisationName: string | null;
  fromMeeting: boolean;
}

const TASK_COLUMNS = `t.id, t.kind, t.description, t.due_at as "dueAt", t.due_at < now() as overdue,
  c.id as "caseId", c.reference, u.display_name as "assigneeName", o.name as "organisationName",
  t.meeting_id is not null as "fromMeeting"`;
const TASK_FROM = `tasks t join cases c on c.id = t.case_id
  left join users u on u.id = t.assignee_id left join organisations o on o.id = t.assignee_organisation_id`;

/** Open tasks of visible cases still being worked on, assigned to the person or to one of their organisations, soonest first. */
export async function tasksFor(db: Queryable, v: CaseVisibility, userId: string | null, orgIds: string[]) {
  const visible = visibleCasesCondition('c', v, 1);
  const n = visible.params.length;
  const r = await db.query<WorkTask>(
    `select ${TASK_COLUMNS} from ${TASK_FROM}
     where t.done_at is null and c.status not in ('rejected', 'closed') and ${visible.sql}
       and (t.assignee_id = $${n + 1}::uuid or t.assignee_organisation_id = any($${n + 2}::uuid[]))
     order by t.due_at, c.reference limit 100`,
    [...visible.params, userId, orgIds],
  );
  return r.rows;
}

/** Open tasks past their due time, over every visible case still being worked on (the coordinator's watch list). */
export async function overdueTasks(db: Queryable, v: CaseVisibility) {
  const visible = visibleCasesCondition('c', v, 1);
  const r = await db.query<WorkTask>(
    `select ${TASK_COLUMNS} from ${TASK_FROM}
     where t.done_at is null and c.status not in ('rejected', 'closed') and t.due_at < now() and ${visible.sql}
     order by t.due_at, c.reference limit 100`,
    visible.params,
  );
  return r.rows;
}

export interface PendingDecision {
  caseId: string;
  reference: string;
  targetGroup: string;
  regionId: string;
  organisationId: string;
  referredAt: string;
  parties: string[];
  required: string[];
  agreements: { organisationId: string; organisationName: string; outcome: 'granted' | 'rejected' | null }[];
}

/** Visible cases awaiting the joint decision, with who has agreed so far and whose agreement is required. */
export async function pendingDecisions(db: Queryable, v: CaseVisibility) {
  const visible = visibleCasesCondition('c', v, 2);
  const r = await db.query<PendingDecision>(
    `select c.id as "caseId", c.reference, c.target_group as "targetGroup", c.region_id as "regionId",
            c.organisation_id as "organisationId", c.referred_at as "referredAt",
            array(select p.organisation_id from case_parties p where p.case_id = c.id) as parties,
            coalesce((select array_agg(d.organisation_type order by d.organisation_type)
                      from region_decision_rights d where d.region_id = c.region_id and d.decision = 'grant'),
                     $1::text[]) as required,
            coalesce((select json_agg(json_build_object('organisationId', a.organisation_id,
                        'organisationName', o.name, 'outcome', a.outcome) order by a.agreed_at)
                      from case_decision_parties a join organisations o on o.id = a.organisation_id
                      where a.case_id = c.id and a.decision = 'grant'), '[]'::json) as agreements
     from cases c where c.status = 'decision' and ${visible.sql}
     order by c.referred_at limit 100`,
    [[...DEFAULT_GRANT_PARTIES], ...visible.params],
  );
  return r.rows;
}

/** Visible cases still at the start: referrals and screenings, oldest first. */
export async function intakeCases(db: Queryable, v: CaseVisibility) {
  const visible = visibleCasesCondition('c', v, 1);
  const r = await db.query<{
    caseId: string;
    reference: string;
    status: string;
    targetGroup: string;
    referredAt: string;
  }>(
    `select c.id as "caseId", c.reference, c.status, c.target_group as "targetGroup", c.referred_at as "referredAt"
     from cases c where c.status in ('referral', 'screening') and ${visible.sql}
     order by c.referred_at limit 100`,
    visible.params,
  );
  return r.rows;
}

/** Visible running cases whose signalement has gone to the police, newest first. */
export async function signalements(db: Queryable, v: CaseVisibility) {
  const visible = visibleCasesCondition('c', v, 1);
  const r = await db.query<{ caseId: string; reference: string; status: string; sentAt: string }>(
    `select c.id as "caseId", c.reference, c.status, c.signalement_sent_at as "sentAt"
     from cases c where c.signalement_sent_at is not null
       and c.status in ('connecting', 'active', 'evaluation') and ${visible.sql}
     order by c.signalement_sent_at desc limit 100`,
    visible.params,
  );
  return r.rows;
}

/** Network meetings of visible open cases, newest first, with their task agreements (open and done). */
export async function meetings(db: Queryable, v: CaseVisibility) {
  const visible = visibleCasesCondition('c', v, 1);
  const r = await db.query<{
    id: string;
    caseId: string;
    reference: string;
    heldOn: string;
    kind: string;
    tasksOpen: number;
    tasksDone: number;
  }>(
    `select m.id, c.id as "caseId", c.reference, to_char(m.held_on, 'YYYY-MM-DD') as "heldOn", m.kind,
            (select count(*)::int from tasks t where t.meeting_id = m.id and t.done_at is null) as "tasksOpen",
            (select count(*)::int from tasks t where t.meeting_id = m.id and t.done_at is not null) as "tasksDone"
     from network_meetings m join cases c on c.id = m.case_id
     where c.status in ('connecting', 'active', 'evaluation') and ${visible.sql}
     order by m.held_on desc, m.created_at desc limit 50`,
    visible.params,
  );
  return r.rows;
}

/** Open task agreements made in network meetings, over visible cases, soonest first. */
export async function meetingTasks(db: Queryable, v: CaseVisibility) {
  const visible = visibleCasesCondition('c', v, 1);
  const r = await db.query<WorkTask>(
    `select ${TASK_COLUMNS} from ${TASK_FROM}
     where t.done_at is null and c.status not in ('rejected', 'closed') and t.meeting_id is not null and ${visible.sql}
     order by t.due_at, c.reference limit 100`,
    visible.params,
  );
  return r.rows;
}

/** Per caseworker of the organisations: cases connecting, active and in evaluation, and overdue tasks. */
export async function caseload(db: Queryable, organisationIds: string[]) {
  const r = await db.query<{
    userId: string;
    name: string;
    connecting: number;
    active: number;
    evaluation: number;
    overdueTasks: number;
  }>(
    `select u.id as "userId", u.display_name as name,
            count(distinct c.id) filter (where c.status = 'connecting')::int as connecting,
            count(distinct c.id) filter (where c.status = 'active')::int as active,
            count(distinct c.id) filter (where c.status = 'evaluation')::int as evaluation,
            (select count(*)::int from tasks t join cases tc on tc.id = t.case_id
              where t.done_at is null and t.due_at < now() and tc.caseworker_id = u.id
                and tc.status in ('connecting', 'active', 'evaluation')) as "overdueTasks"
     from users u
     join memberships m on m.user_id = u.id and m.role = 'caseworker' and m.organisation_id = any($1::uuid[])
     left join cases c on c.caseworker_id = u.id and c.organisation_id = any($1::uuid[])
       and c.status in ('connecting', 'active', 'evaluation')
     where not u.disabled
     group by u.id, u.display_name
     order by u.display_name`,
    [organisationIds],
  );
  return r.rows;
}
