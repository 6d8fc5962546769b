import type { Queryable } from '../../db/index.ts';

export interface TeamMember {
  userId: string;
  name: string;
  organisation: string | null;
  role: string;
}

export async function listMeetings(db: Queryable, caseId: string) {
  const r = await db.query(
    `select m.id, to_char(m.held_on, 'YYYY-MM-DD') as "heldOn", m.kind, m.chair, m.participants, m.decisions,
            m.created_at as "createdAt"
     from network_meetings m where m.case_id = $1 order by m.held_on desc, m.created_at desc`,
    [caseId],
  );
  return r.rows as { id: string }[];
}

export async function listTasks(db: Queryable, caseId: string) {
  const r = await db.query(
    `select t.id, t.kind, t.description, t.meeting_id as "meetingId", t.assignee_id as "assigneeId",
            u.display_name as assignee, t.due_at as "dueAt", t.done_at as "doneAt", t.reminded_at as "remindedAt",
            t.escalated_at as "escalatedAt", (t.done_at is null and t.due_at < now()) as overdue
     from tasks t left join users u on u.id = t.assignee_id
     where t.case_id = $1 order by t.done_at is not null, t.due_at`,
    [caseId],
  );
  return r.rows as { id: string }[];
}

export async function loadTeam(db: Queryable, caseId: string): Promise<TeamMember[]> {
  const r = await db.query<TeamMember>(
    `select t.user_id as "userId", u.display_name as name, t.role,
            (select string_agg(distinct o.name, ', ') from memberships m join organisations o on o.id = m.organisation_id
             where m.user_id = t.user_id and o.id in (select organisation_id from case_parties where case_id = t.case_id))
              as organisation
     from case_team t join users u on u.id = t.user_id where t.case_id = $1 order by t.role, u.display_name`,
    [caseId],
  );
  return r.rows;
}

/** Professionals who may join the team: people of the organisations taking part in the case. */
export async function loadCandidates(db: Queryable, caseId: string) {
  const r = await db.query<{ userId: string; name: string; organisation: string }>(
    `select distinct u.id as "userId", u.display_name as name, o.name as organisation
     from case_parties p join memberships m on m.organisation_id = p.organisation_id
     join users u on u.id = m.user_id join organisations o on o.id = p.organisation_id
     where p.case_id = $1 and not u.disabled and m.role in ('caseworker', 'coordinator', 'vt', 'police', 'process_director')
     order by o.name, u.display_name`,
    [caseId],
  );
  return r.rows;
}

/** false when the person already has this role on the case */
export async function addToTeam(
  tx: Queryable,
  caseId: string,
  userId: string,
  role: string,
): Promise<boolean> {
  const r = await tx.query(
    `insert into case_team (case_id, user_id, role) values ($1, $2, $3) on conflict do nothing`,
    [caseId, userId, role],
  );
  return r.rowCount > 0;
}

export async function removeFromTeam(tx: Queryable, caseId: string, userId: string, role: string) {
  await tx.query('delete from case_team where case_id = $1 and user_id = $2 and role = $3', [
    caseId,
    userId,
    role,
  ]);
}

export async function assignedCaseworker(tx: Queryable, caseId: string): Promise<string | null> {
  const r = await tx.query<{ caseworkerId: string | null }>(
    'select caseworker_id as "caseworkerId" from cases where id = $1',
    [caseId],
  );
  return r.rows[0]?.caseworkerId ?? null;
}

/** Every organisation taking part in the case, with its contact persons. */
export async function partyContacts(tx: Queryable, caseId: string) {
  const r = await tx.query<{
    organisationId: string;
    organisation: string;
    type: string;
    partyRole: string;
    contacts: { name: string; role: string; phone: string | null; email: string | null }[];
  }>(
    `select o.id as "organisationId", o.name as organisation, o.type, p.role as "partyRole",
            coalesce((select json_agg(json_build_object('name', k.name, 'role', k.role, 'phone', k.phone,
                        'email', k.email) order by k.name)
                      from organisation_contacts k where k.organisation_id = o.id), '[]'::json) as contacts
     from case_parties p join organisations o on o.id = p.organisation_id
     where p.case_id = $1 order by p.role, o.name`,
    [caseId],
  );
  return r.rows;
}

export async function insertMeeting(
  tx: Queryable,
  m: {
    caseId: string;
    heldOn: string;
    kind: string;
    chair: string | null;
    /** JSON */
    participants: string;
    clientPresent: boolean;
    perpetratorPresent: boolean;
    decisions: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into network_meetings (case_id, held_on, kind, chair, participants, client_present, perpetrator_present,
       decisions, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      m.caseId,
      m.heldOn,
      m.kind,
      m.chair,
      m.participants,
      m.clientPresent,
      m.perpetratorPresent,
      m.decisions,
      m.createdBy,
    ],
  );
  return r.rows[0]!.id;
}
