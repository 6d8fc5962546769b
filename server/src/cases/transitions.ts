import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import type { CaseRecord } from './case-access.ts';
import { STATUS_NL } from './labels.ts';
import { type CaseStatus, checkTransition } from './status.ts';
import { recordOnTimeline } from './timeline.ts';
import { caseFacts, endTestMode, insertTransition, setStatus } from './transition-repository.ts';

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
  const check = checkTransition({ status: c.status, ...(await caseFacts(tx, c.id)) }, to);
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
  const version = await setStatus(tx, c.id, to, extra);
  await insertTransition(tx, {
    caseId: c.id,
    from: c.status,
    to,
    actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    actorLabel: ctx.actor.label,
    rationale,
  });
  if (to === 'active' && c.status === 'connecting') await endHandOutTest(tx, ctx, c.id);
  await recordOnTimeline(tx, {
    caseId: c.id,
    kind: 'transition',
    summary: `Status: ${STATUS_NL[c.status]} → ${STATUS_NL[to]}`,
    message: { code: 'transition', params: { from: c.status, to } },
    actorLabel: ctx.actor.label,
  });
  return { ...c, status: to, version };
}

/**
 * The hand-out test is over once the case is connected: from now on every press is a real alarm for the
 * police. (The alarm path confirms test mode from the device row, so no node's cache can keep it a test.)
 */
async function endHandOutTest(tx: Queryable, ctx: RequestContext, caseId: string): Promise<void> {
  for (const serial of await endTestMode(tx, caseId)) {
    await recordOnTimeline(tx, {
      caseId,
      kind: 'device',
      summary: `Noodknop ${serial} uit testmodus: meldingen gaan voortaan naar de politie`,
      message: { code: 'testModeEnded', params: { serial } },
      actorLabel: ctx.actor.label,
    });
  }
}
