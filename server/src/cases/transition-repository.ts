import type { Queryable } from '../db/index.ts';
import type { CaseFacts } from './status.ts';

/** What the status machine needs to know of the case, besides its status. */
export async function caseFacts(tx: Queryable, caseId: string): Promise<Omit<CaseFacts, 'status'>> {
  const r = await tx.query<Omit<CaseFacts, 'status'>>(
    `select (select count(*) from screening_items s where s.case_id = c.id) = 8 as "screeningComplete",
            c.decision,
            c.caseworker_id is not null as "caseworkerAssigned",
            exists (select 1 from device_assignments d where d.case_id = c.id and d.unassigned_at is null) as "deviceAssigned",
            c.test_alarm_at is not null as "testAlarmDone",
            c.contract_signed_on is not null as "contractSigned",
            c.device_return is not null as "deviceReturnRecorded",
            exists (select 1 from evaluations e where e.case_id = c.id and e.moment = 'end') as "endEvaluationDone"
     from cases c where c.id = $1`,
    [caseId],
  );
  return r.rows[0]!;
}

/** Sets the status (and, on entering active or closed, its timestamp); returns the new version. */
export async function setStatus(
  tx: Queryable,
  caseId: string,
  to: string,
  alsoSet?: string,
): Promise<number> {
  const r = await tx.query<{ version: number }>(
    `update cases set status = $2, version = version + 1 ${alsoSet ? `, ${alsoSet}` : ''} where id = $1 returning version`,
    [caseId, to],
  );
  return r.rows[0]!.version;
}

export async function insertTransition(
  tx: Queryable,
  t: {
    caseId: string;
    from: string;
    to: string;
    actorId: string | null;
    actorLabel: string;
    rationale: string;
  },
) {
  await tx.query(
    `insert into case_transitions (case_id, from_status, to_status, actor_id, actor_label, rationale)
     values ($1, $2, $3, $4, $5, $6)`,
    [t.caseId, t.from, t.to, t.actorId, t.actorLabel, t.rationale],
  );
}

/** Takes the case's devices out of test mode; returns the serials that were in it. */
export async function endTestMode(tx: Queryable, caseId: string): Promise<string[]> {
  const r = await tx.query<{ serial: string }>(
    'update devices set test_mode = false where case_id = $1 and test_mode returning serial',
    [caseId],
  );
  return r.rows.map((d) => d.serial);
}
