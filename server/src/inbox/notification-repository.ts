import type { Queryable } from '../db/index.ts';

/**
 * The one writer of `notifications`. Each function runs inside the caller's transaction, so a notification
 * exists iff the change it tells about does.
 */

export interface Notification {
  userId: string;
  kind: string;
  caseId?: string | null;
  alarmId?: string | null;
  taskId?: string | null;
}

export async function notify(tx: Queryable, n: Notification): Promise<void> {
  await tx.query(
    'insert into notifications (user_id, kind, case_id, alarm_id, task_id) values ($1, $2, $3, $4, $5)',
    [n.userId, n.kind, n.caseId ?? null, n.alarmId ?? null, n.taskId ?? null],
  );
}

/** The case's caseworker, when it has one. */
export async function notifyCaseworker(tx: Queryable, caseId: string, kind: string, alarmId: string | null) {
  await tx.query(
    `insert into notifications (user_id, kind, case_id, alarm_id)
     select caseworker_id, $3, id, $2 from cases where id = $1 and caseworker_id is not null`,
    [caseId, alarmId, kind],
  );
}

/** Everyone with one of `roles` in an organisation of the region (alarm escalation). */
export async function notifyRegionRoles(
  tx: Queryable,
  n: { regionId: string; roles: string[]; kind: string; caseId: string | null; alarmId: string },
) {
  await tx.query(
    `insert into notifications (user_id, kind, case_id, alarm_id)
     select distinct m.user_id, $3, $4::uuid, $1::uuid from memberships m join organisations o on o.id = m.organisation_id
     where o.region_id = $2 and m.role = any($5::text[])`,
    [n.alarmId, n.regionId, n.kind, n.caseId, n.roles],
  );
}

/** Every coordinator, VT, police and process director of the case's parties, and the case team. */
export async function notifyPartiesAndTeam(tx: Queryable, caseId: string, kind: string) {
  await tx.query(
    `insert into notifications (user_id, kind, case_id)
     select distinct m.user_id, $2::text, $1::uuid from memberships m
     join case_parties p on p.organisation_id = m.organisation_id and p.case_id = $1
     where m.role in ('coordinator', 'vt', 'police', 'process_director')
     union select t.user_id, $2, $1::uuid from case_team t where t.case_id = $1`,
    [caseId, kind],
  );
}

/** The caseworker and the coordinators of the executing organisation. */
export async function notifyCaseworkerAndCoordinators(tx: Queryable, caseId: string, kind: string) {
  await tx.query(
    `insert into notifications (user_id, kind, case_id)
     select caseworker_id, $2::text, id from cases where id = $1 and caseworker_id is not null
     union select m.user_id, $2::text, c.id from cases c
       join memberships m on m.organisation_id = c.organisation_id and m.role = 'coordinator' where c.id = $1`,
    [caseId, kind],
  );
}

/** The coordinators of the executing organisation and the case's team leads. */
export async function notifyCoordinatorsAndTeamLeads(tx: Queryable, caseId: string, kind: string) {
  await tx.query(
    `insert into notifications (user_id, kind, case_id)
     select m.user_id, $2::text, c.id from cases c
       join memberships m on m.organisation_id = c.organisation_id and m.role = 'coordinator' where c.id = $1
     union select t.user_id, $2, t.case_id from case_team t
       where t.case_id = $1 and t.role = 'team_lead'`,
    [caseId, kind],
  );
}

/** A user's latest notifications, with the case reference and the task they are about. */
export async function notificationsOf(db: Queryable, userId: string | null) {
  const r = await db.query(
    `select n.id, n.kind, n.case_id as "caseId", c.reference as "caseReference", n.alarm_id as "alarmId", n.created_at as "createdAt",
            n.read_at as "readAt",
            case when t.id is null then null
                 else json_build_object('id', t.id, 'kind', t.kind, 'description', t.description) end as task
     from notifications n left join cases c on c.id = n.case_id left join tasks t on t.id = n.task_id
     where n.user_id = $1 order by n.created_at desc limit 100`,
    [userId],
  );
  return r.rows;
}

/** false when the user has no such notification */
export async function markNotificationRead(
  db: Queryable,
  id: string,
  userId: string | null,
): Promise<boolean> {
  const r = await db.query(
    'update notifications set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2',
    [id, userId],
  );
  return r.rowCount > 0;
}
