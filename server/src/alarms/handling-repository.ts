import type { Queryable } from '../db/index.ts';

/** The incident an alarm's outcome leaves in its case; null when the alarm already has one. */
export async function insertAlarmIncident(
  tx: Queryable,
  i: { caseId: string; alarmId: string; occurredAt: Date; outcome: string; summary: string },
): Promise<string | null> {
  const incident = await tx.query<{ id: string }>(
    `insert into incidents (case_id, alarm_id, occurred_at, outcome, summary) values ($1, $2, $3, $4, $5)
       on conflict do nothing returning id`,
    [i.caseId, i.alarmId, i.occurredAt, i.outcome, i.summary],
  );
  return incident.rows[0]?.id ?? null;
}

/** Who does the after-care of a case: its caseworker (if any) and that caseworker's e-mail address. */
export interface AfterCareContactRow {
  caseworkerId: string | null;
  reference: string;
  email: string | null;
}

export async function afterCareContact(tx: Queryable, caseId: string): Promise<AfterCareContactRow> {
  const caseRow = await tx.query<AfterCareContactRow>(
    `select c.caseworker_id as "caseworkerId", c.reference, u.email from cases c
       left join users u on u.id = c.caseworker_id where c.id = $1`,
    [caseId],
  );
  return caseRow.rows[0]!;
}

/** A step on the alarm that changes no state (e.g. a unit dispatched) still counts as its last step. */
export async function touchAlarmStep(tx: Queryable, alarmId: string): Promise<void> {
  await tx.query('update alarms set last_step_at = now() where id = $1', [alarmId]);
}

/** The e-mail addresses of the contact persons of the region's alarm centres, each once. */
export async function alarmCentreContactEmails(tx: Queryable, regionId: string): Promise<string[]> {
  const contacts = await tx.query<{ email: string }>(
    `select distinct c.email from organisation_contacts c join organisations o on o.id = c.organisation_id
           where o.region_id = $1 and o.type = 'alarm_centre' and c.email is not null`,
    [regionId],
  );
  return contacts.rows.map((c) => c.email);
}
