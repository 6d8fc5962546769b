import { requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import * as outbox from './outbox-repository.ts';

const FAILED_SHOWN = 100;

/**
 * What administrators see of the outbox: whether mail is on, how many messages wait or failed, and the
 * failed ones by kind, time and reason — never an address or a message's content.
 */
export function createMailService(db: Database, mailEnabled: boolean) {
  return {
    async overview(ctx: RequestContext) {
      requireAccess(ctx.actor, 'mail.manage');
      const now = new Date();
      const c = await outbox.counts(db, now);
      const failed = await outbox.listFailed(db, FAILED_SHOWN);
      return {
        enabled: mailEnabled,
        pending: c.pending,
        failed: c.failed,
        sentLastDay: c.sentLastDay,
        oldestPendingAt: c.oldestPendingAt?.toISOString() ?? null,
        failedMessages: failed.map((m) => ({
          id: m.id,
          kind: m.kind,
          createdAt: m.createdAt.toISOString(),
          failedAt: m.failedAt.toISOString(),
          attempts: m.attempts,
          reason: m.reason,
          responseCode: m.responseCode,
        })),
      };
    },

    /** Failed messages go back in the queue (e.g. after the mail server was repaired). */
    async retryFailed(ctx: RequestContext) {
      requireAccess(ctx.actor, 'mail.manage');
      return db.transaction(async (tx) => {
        const requeued = await outbox.retryFailed(tx, new Date());
        await audit(tx, ctx, {
          action: 'mail.retry',
          access: 'write',
          recordType: 'outbox',
          details: { requeued },
        });
        return { requeued };
      });
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;
