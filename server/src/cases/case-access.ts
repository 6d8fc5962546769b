import { AccessDenied, type Action, type Decision, decide, type ResourceScope } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import { afterRollback } from '../db/database.ts';
import type { Database, Queryable } from '../db/index.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import type { RefusalCode } from '../refusals.ts';
import { incrementVersion, loadCaseRecord } from './case-record-repository.ts';
import type { CaseStatus, TargetGroup } from './status.ts';

/** What every case service needs to know to decide and act on one case. */
export interface CaseRecord {
  id: string;
  reference: string;
  status: CaseStatus;
  targetGroup: TargetGroup;
  regionId: string;
  organisationId: string;
  caseworkerId: string | null;
  version: number;
  team: string[];
  parties: string[];
}

export const scopeOf = (c: CaseRecord): ResourceScope => ({
  regionId: c.regionId,
  organisationId: c.organisationId,
  caseTeam: c.team,
  parties: c.parties,
});

/** What the caller may do on this case, for the web app to show the right pages and buttons. */
export function permissionsOn(ctx: RequestContext, c: CaseRecord) {
  const may = (action: Action) => decide(ctx.actor, action, scopeOf(c)).allowed;
  return {
    write: may('case.write'),
    decide: may('case.decide'),
    careRead: may('case.care.read'),
    careWrite: may('case.care.write'),
    meetingWrite: may('case.meeting.write'),
    connect: may('case.connect'),
  };
}

/** Refusals that tell the reader who does take the step, instead of a bare "not allowed". */
const REFUSED_BECAUSE: Partial<Record<Action, { detail: string; code: RefusalCode }>> = {
  'case.connect': {
    detail:
      'after the joint decision the executing organisation (its coordinator or the caseworker) carries the case',
    code: 'case.executingOnly',
  },
};

function refusalOf(action: Action, decision: Decision): Error {
  const because = REFUSED_BECAUSE[action];
  return because ? forbidden(because.detail, because.code) : new AccessDenied(action, decision, false);
}

/**
 * Loads a case inside the caller's transaction and checks `action` on it. A caller who may not see the
 * case gets the same 404 as for a case that does not exist; one who may see it but not do this gets 403.
 * Either refusal is written to the audit log in a transaction of its own (the caller's rolls back).
 */
export async function openCase(
  db: Database,
  tx: Queryable,
  ctx: RequestContext,
  caseId: string,
  action: Action,
  options: { forUpdate?: boolean } = {},
): Promise<CaseRecord> {
  const found = await loadCaseRecord<CaseRecord>(tx, caseId, options.forUpdate === true);
  const visible = found !== undefined && decide(ctx.actor, 'case.read', scopeOf(found)).allowed;
  const decision = found ? decide(ctx.actor, action, scopeOf(found)) : null;
  if (!visible || !decision?.allowed) {
    const refusal = visible ? refusalOf(action, decision!) : notFound('case');
    const record = () =>
      db.transaction((t) =>
        audit(t, ctx, {
          action: 'case.refused',
          access: 'read',
          recordType: 'case',
          recordId: caseId,
          details: { attempted: action, answer: visible ? 403 : 404 },
        }),
      );
    // inside a transaction the record is written once it has rolled back; called on the database itself, now
    if (tx === db) await record();
    else throw afterRollback(refusal, record);
    throw refusal;
  }
  return found;
}

/** Refuses a stale edit: the form was loaded at `expected`, someone else has saved since. */
export function requireVersion(c: { version: number }, expected: number): void {
  if (c.version !== expected) {
    throw conflict(
      `the case was changed by someone else in the meantime (version ${c.version}, yours ${expected}); reload and try again`,
      'changedMeanwhile',
      'version',
    );
  }
}

/** Marks the case changed, so concurrent forms based on the old version are refused. */
export async function bumpVersion(tx: Queryable, caseId: string): Promise<number> {
  return incrementVersion(tx, caseId);
}
