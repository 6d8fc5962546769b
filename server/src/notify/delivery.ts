import { Counter, Gauge, type Registry } from 'prom-client';
import { type Database, withTimeout } from '../db/database.ts';
import type { Mailer } from './mailer.ts';
import * as outbox from './outbox-repository.ts';
import { ATTEMPT_LEASE_MS, afterFailure, classifyFailure, type RetryPolicy } from './rules.ts';

/** Most messages one round sends; the next round continues. */
const ROUND_LIMIT = 100;
/** Sent messages are kept this long (what went out, for support questions), failed ones longer; then deleted. */
const KEEP_SENT_MS = 30 * 24 * 60 * 60_000;
const KEEP_FAILED_MS = 90 * 24 * 60 * 60_000;
const CLEAN_EVERY_MS = 60 * 60_000;

export interface DeliveryOptions extends RetryPolicy {
  /** the domain of the Message-ID header */
  domain: string;
}

export interface RoundResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers the outbox (leader only, every few seconds). A message is claimed for one attempt, sent, and
 * marked sent at once. At least once: if this node dies after the SMTP server accepted a message but
 * before the mark is stored, the message is sent again after its lease; its Message-ID (the outbox id)
 * stays the same, so a receiving mail system can recognise the copy. The window is one UPDATE long.
 */
export function createMailDelivery(
  db: Database,
  mailer: Mailer | null,
  registry: Registry,
  options: DeliveryOptions,
) {
  const attempts = new Counter({
    name: 'aware_outbox_attempts_total',
    help: 'E-mail delivery attempts, by outcome (sent, rejected, deferred, unreachable, other)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  // read from the database at scrape time, so every node reports the same figures
  let last: outbox.OutboxCounts | null = null;
  let pendingRead: Promise<outbox.OutboxCounts | null> | null = null;
  const read = () => {
    pendingRead ??= withTimeout(outbox.counts(db, new Date()), 1000, 'outbox counts')
      .then((c) => (last = c))
      .catch(() => last)
      .finally(() => {
        pendingRead = null;
      });
    return pendingRead;
  };
  new Gauge({
    name: 'aware_outbox_pending',
    help: 'E-mail messages waiting in the outbox (not yet accepted by the SMTP server)',
    registers: [registry],
    async collect() {
      const c = await read();
      if (c) this.set(c.pending);
    },
  });
  new Gauge({
    name: 'aware_outbox_failed',
    help: 'E-mail messages given up after their retries (shown to administrators)',
    registers: [registry],
    async collect() {
      const c = await read();
      if (c) this.set(c.failed);
    },
  });
  new Gauge({
    name: 'aware_mail_enabled',
    help: '1 when AWARE_SMTP_URL is set and the outbox is delivered',
    registers: [registry],
  }).set(mailer ? 1 : 0);

  let cleanedAt = 0;

  /** One round: give up what is too old, then send what is due. `now` is a parameter for tests. */
  async function deliver(now = new Date()): Promise<RoundResult> {
    const result: RoundResult = { sent: 0, retrying: 0, failed: await outbox.expirePending(db, now) };
    if (now.getTime() - cleanedAt > CLEAN_EVERY_MS) {
      cleanedAt = now.getTime();
      await outbox.deleteFinished(db, {
        sentBefore: new Date(now.getTime() - KEEP_SENT_MS),
        failedBefore: new Date(now.getTime() - KEEP_FAILED_MS),
      });
    }
    if (!mailer) return result;
    for (let i = 0; i < ROUND_LIMIT; i++) {
      const message = await outbox.claimNext(db, now, new Date(now.getTime() + ATTEMPT_LEASE_MS));
      if (!message) break;
      try {
        await mailer.send({
          to: message.recipient,
          subject: message.subject,
          text: message.body,
          messageId: `<${message.id}@${options.domain}>`,
        });
      } catch (error) {
        const failure = classifyFailure(error);
        attempts.inc({ outcome: failure.category });
        const next = afterFailure(message, now, options);
        if (next.giveUp) {
          await outbox.markFailed(db, message.id, now, failure);
          result.failed++;
        } else {
          await outbox.markRetry(db, message.id, next.retryAt, failure);
          result.retrying++;
        }
        // the server cannot be reached: every other message would wait for the same timeout
        if (failure.category === 'unreachable') break;
        continue;
      }
      await outbox.markSent(db, message.id, now);
      attempts.inc({ outcome: 'sent' });
      result.sent++;
    }
    return result;
  }

  return { deliver, enabled: mailer !== null };
}

export type MailDelivery = ReturnType<typeof createMailDelivery>;
