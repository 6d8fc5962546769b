import type { Queryable } from '../db/index.ts';

/** Connecting cases whose deadline is within a week and that still lack a warning or an escalation. */
export async function connectionDeadlinesDue(db: Queryable, today: string) {
  const r = await db.query<{
    id: string;
    reference: string;
    deadline: string;
    warned: boolean;
    escalated: boolean;
  }>(
    `select id, reference, to_char(connection_deadline, 'YYYY-MM-DD') as deadline,
            connection_warned_at is not null as warned, connection_escalated_at is not null as escalated
     from cases where status = 'connecting' and connection_deadline is not null
       and (connection_warned_at is null or connection_escalated_at is null)
       and connection_deadline <= $1::date + 7`,
    [today],
  );
  return r.rows;
}

/** Claims the warning (or the escalation) of a case still connecting; false when already done. */
export async function claimConnectionAlert(
  tx: Queryable,
  caseId: string,
  alert: 'warned' | 'escalated',
  now: Date,
): Promise<boolean> {
  const r = await tx.query(
    alert === 'warned'
      ? `update cases set connection_warned_at = $2 where id = $1 and connection_warned_at is null and status = 'connecting'
         returning id`
      : `update cases set connection_escalated_at = $2 where id = $1 and connection_escalated_at is null
           and status = 'connecting' returning id`,
    [caseId, now],
  );
  return r.rows.length > 0;
}

/** E-mail addresses of the active caseworker and coordinators of the executing organisation. */
export async function caseworkerAndCoordinatorEmails(tx: Queryable, caseId: string): Promise<string[]> {
  const r = await tx.query<{ email: string }>(
    `select u.email from cases c join users u on u.id = c.caseworker_id where c.id = $1 and not u.disabled
     union select u.email from cases c
       join memberships m on m.organisation_id = c.organisation_id and m.role = 'coordinator'
       join users u on u.id = m.user_id where c.id = $1 and not u.disabled`,
    [caseId],
  );
  return r.rows.map((x) => x.email);
}

/** E-mail addresses of the active coordinators of the executing organisation and the case's team leads. */
export async function coordinatorAndTeamLeadEmails(tx: Queryable, caseId: string): Promise<string[]> {
  const r = await tx.query<{ email: string }>(
    `select u.email from cases c
       join memberships m on m.organisation_id = c.organisation_id and m.role = 'coordinator'
       join users u on u.id = m.user_id where c.id = $1 and not u.disabled
     union select u.email from case_team t join users u on u.id = t.user_id
       where t.case_id = $1 and t.role = 'team_lead' and not u.disabled`,
    [caseId],
  );
  return r.rows.map((x) => x.email);
}
