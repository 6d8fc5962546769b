import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import type { CaseRecord } from './case-access.ts';
import { STATUS_NL } from './labels.ts';
import { type CaseFacts, type CaseStatus, checkTransition } from './status.ts';
import { recordOnTimeline } from './timeline.ts';

async function loadFacts(tx: Queryable, c: CaseRecord): Promise<CaseFacts> {
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
    [c.id],
  );
  return { status: c.status, ...r.rows[0]! };
}

const TIMESTAMP_ON_ENTRY: Partial<Record<CaseStatus, string>> = {
  active: 'active_since = coalesce(active_since, now())',
  closed: 'closed_at = now()',
};

/**
 * Moves a case to `to` inside the caller's transaction (which should hold the case row `for update`),
 * or refuses with the reason. Records actor, time and rationale, and puts it on the timeline.
 */
export async function applyTransition(
  tx: Queryable,
  ctx: RequestContext,
  c: CaseRecord,
  to: CaseStatus,
  rationale: string,
): Promise<CaseRecord> {
  const check = checkTransition(await loadFacts(tx, c), to);
  if (!check.ok) {
    throw new DomainError(
      409,
      'Transition refused',
      check.reason,
      [
        {
          field: 'status',
          message: check.reason,
          code: check.code,
          ...(check.params ? { params: check.params } : {}),
        },
      ],
      { code: check.code, ...(check.params ? { params: check.params } : {}) },
    );
  }
  const extra = TIMESTAMP_ON_ENTRY[to];
  const r = await tx.query<{ version: number }>(
    `update cases set status = $2, version = version + 1 ${extra ? `, ${extra}` : ''} where id = $1 returning version`,
    [c.id, to],
  );
  await tx.query(
    `insert into case_transitions (case_id, from_status, to_status, actor_id, actor_label, rationale)
     values ($1, $2, $3, $4, $5, $6)`,
    [c.id, c.status, to, ctx.actor.kind === 'user' ? ctx.actor.id : null, ctx.actor.label, rationale],
  );
  if (to === 'active' && c.status === 'connecting') await endHandOutTest(tx, ctx, c.id);
  await recordOnTimeline(tx, {
    caseId: c.id,
    kind: 'transition',
    summary: `Status: ${STATUS_NL[c.status]} → ${STATUS_NL[to]}`,
    message: { code: 'transition', params: { from: c.status, to } },
    actorLabel: ctx.actor.label,
  });
  return { ...c, status: to, version: r.rows[0]!.version };
}

/**
 * The hand-out test is over once the case is connected: from now on every press is a real alarm for the
 * police. (The alarm path confirms test mode from the device row, so no node's cache can keep it a test.)
 */
async function endHandOutTest(tx: Queryable, ctx: RequestContext, caseId: string): Promise<void> {
  const r = await tx.query<{ serial: string }>(
    'update devices set test_mode = false where case_id = $1 and test_mode returning serial',
    [caseId],
  );
  for (const device of r.rows) {
    await recordOnTimeline(tx, {
      caseId,
      kind: 'device',
      summary: `Noodknop ${device.serial} uit testmodus: meldingen gaan voortaan naar de politie`,
      message: { code: 'testModeEnded', params: { serial: device.serial } },
      actorLabel: ctx.actor.label,
    });
  }
}
