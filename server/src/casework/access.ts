import type { Action } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import { type CaseRecord, openCase } from '../cases/case-access.ts';
import type { CaseStatus } from '../cases/status.ts';
import type { RequestContext } from '../context.ts';
import type { Database, Queryable } from '../db/index.ts';
import { conflict, invalid } from '../errors.ts';

/** Statuses in which the care records of a case still change (phase 2 prepares, phase 4 rounds off). */
export const CARE_STATUSES: ReadonlySet<CaseStatus> = new Set(['connecting', 'active', 'evaluation']);

export const userIdOf = (ctx: RequestContext) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

/**
 * Reads a record of one case in one transaction: opens the case for `action` (404/403 as openCase decides)
 * and writes one audit entry for the read — ids and counts only, never content.
 */
export function readInCase<T>(
  db: Database,
  ctx: RequestContext,
  caseId: string,
  action: Action,
  record: string,
  read: (tx: Queryable, c: CaseRecord) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const c = await openCase(db, tx, ctx, caseId, action);
    const result = await read(tx, c);
    await audit(tx, ctx, { action: `${record}.read`, access: 'read', recordType: 'case', recordId: caseId });
    return result;
  });
}

/**
 * Changes a case in one transaction: the case row is locked, the status must allow the change, and the
 * write (which records its own audit entry and timeline entry) commits or rolls back as a whole.
 */
export function writeInCase<T>(
  db: Database,
  ctx: RequestContext,
  caseId: string,
  action: Action,
  write: (tx: Queryable, c: CaseRecord) => Promise<T>,
  statuses: ReadonlySet<CaseStatus> = CARE_STATUSES,
): Promise<T> {
  return db.transaction(async (tx) => {
    const c = await openCase(db, tx, ctx, caseId, action, { forUpdate: true });
    if (!statuses.has(c.status)) {
      throw conflict(`not possible while the case is ${c.status}`, 'case.notInStatus', 'status', {
        status: c.status,
      });
    }
    return write(tx, c);
  });
}

/** One audit entry for a write on a case record. */
export function auditWrite(
  tx: Queryable,
  ctx: RequestContext,
  action: string,
  recordType: string,
  recordId: string,
  caseId: string,
  details: Record<string, unknown> = {},
) {
  return audit(tx, ctx, { action, access: 'write', recordType, recordId, details: { caseId, ...details } });
}

/** A date (YYYY-MM-DD) that lies after today cannot have happened yet. */
export function notInFuture(field: string, date: string, now = new Date()): void {
  if (date > now.toISOString().slice(0, 10)) {
    throw invalid(field, 'lies in the future', 'date.future');
  }
}
