import type { RequestContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import { appendAuditEntries, appendAuditEntry } from './repository.ts';

export interface AuditEvent {
  action: string;
  access: 'read' | 'write';
  recordType: string;
  recordId?: string | null;
  reason?: string | null;
  /** never personal data: ids, field names, counts */
  details?: Record<string, unknown>;
}

/** Writes one audit entry inside the caller's transaction, so the entry and the action commit together. */
export function audit(tx: Queryable, ctx: RequestContext, event: AuditEvent): Promise<void> {
  return appendAuditEntry(tx, auditFields(ctx, event));
}

/** Several entries in one statement, inside the caller's transaction (they commit together with it). */
export function auditMany(tx: Queryable, items: { ctx: RequestContext; event: AuditEvent }[]): Promise<void> {
  return appendAuditEntries(
    tx,
    items.map(({ ctx, event }) => auditFields(ctx, event)),
  );
}

function auditFields(ctx: RequestContext, event: AuditEvent) {
  return {
    at: new Date(),
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    action: event.action,
    access: event.access,
    recordType: event.recordType,
    recordId: event.recordId ?? null,
    ip: ctx.ip,
    reason: event.reason ?? null,
    details: event.details ?? {},
  };
}
