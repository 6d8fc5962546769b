import type { Queryable } from '../db/index.ts';

/** What caused a message; the administrators' page names these, never the recipient. */
export type MailKind =
  | 'alarm.escalated.2'
  | 'alarm.aftercare'
  | 'case.connection_due'
  | 'case.connection_overdue'
  | 'task.overdue';

export interface OutgoingMail {
  kind: MailKind;
  to: string;
  subject: string;
  /** plain text; never a client's name, address or phone */
  text: string;
}

/**
 * Puts a message in the outbox inside the caller's transaction: it exists exactly when its cause
 * committed, and the leader delivers it (delivery.ts). Call it only with the cause's transaction.
 */
export async function enqueueMail(tx: Queryable, mail: OutgoingMail): Promise<void> {
  await tx.query('insert into outbox (kind, recipient, subject, body) values ($1, $2, $3, $4)', [
    mail.kind,
    mail.to,
    mail.subject,
    mail.text,
  ]);
}

/** Sends the same message to each address (one outbox row each: one address failing delays no other). */
export async function enqueueMailTo(
  tx: Queryable,
  recipients: Iterable<string>,
  mail: Omit<OutgoingMail, 'to'>,
): Promise<number> {
  const unique = [...new Set([...recipients].filter((r) => r))];
  for (const to of unique) await enqueueMail(tx, { ...mail, to });
  return unique.length;
}

export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
  giveUpAt: Date;
}

/**
 * Takes the next due message for one attempt: counts the attempt and moves its next time to the end of
 * the lease, in one statement, so a second sweep (another node) skips it while it is being sent.
 */
export async function claimNext(db: Queryable, now: Date, leaseUntil: Date): Promise<ClaimedMail | null> {
  const r = await db.query<ClaimedMail>(
    `update outbox set attempts = attempts + 1, next_attempt_at = $2
     where id = (select id from outbox where status = 'pending' and next_attempt_at <= $1
                 order by next_attempt_at, created_at limit 1 for update skip locked)
       and status = 'pending' and next_attempt_at <= $1
     returning id, recipient, subject, body, attempts, give_up_at as "giveUpAt"`,
    [now, leaseUntil],
  );
  return r.rows[0] ?? null;
}

export async function markSent(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query(
    `update outbox set status = 'sent', sent_at = $2, last_error = null, last_response_code = null
     where id = $1 and status = 'pending'`,
    [id, at],
  );
}

export async function markRetry(
  db: Queryable,
  id: string,
  retryAt: Date,
  failure: { category: string; responseCode: number | null },
): Promise<void> {
  await db.query(
    `update outbox set next_attempt_at = $2, last_error = $3, last_response_code = $4
     where id = $1 and status = 'pending'`,
    [id, retryAt, failure.category, failure.responseCode],
  );
}

export async function markFailed(
  db: Queryable,
  id: string,
  at: Date,
  failure: { category: string; responseCode: number | null },
): Promise<void> {
  await db.query(
    `update outbox set status = 'failed', failed_at = $2, last_error = $3, last_response_code = $4
     where id = $1 and status = 'pending'`,
    [id, at, failure.category, failure.responseCode],
  );
}

/** Gives up messages undelivered at their give-up time (e.g. while mail was off): they become failed. */
export async function expirePending(db: Queryable, now: Date): Promise<number> {
  const r = await db.query(
    `update outbox set status = 'failed', failed_at = $1, last_error = coalesce(last_error, 'expired')
     where status = 'pending' and give_up_at <= $1`,
    [now],
  );
  return r.rowCount;
}

export async function deleteFinished(
  db: Queryable,
  before: { sentBefore: Date; failedBefore: Date },
): Promise<number> {
  const r = await db.query(
    `delete from outbox where (status = 'sent' and sent_at < $1) or (status = 'failed' and failed_at < $2)`,
    [before.sentBefore, before.failedBefore],
  );
  return r.rowCount;
}

export interface OutboxCounts {
  pending: number;
  failed: number;
  sentLastDay: number;
  oldestPendingAt: Date | null;
}

export async function counts(db: Queryable, now: Date): Promise<OutboxCounts> {
  const r = await db.query<OutboxCounts>(
    `select count(*) filter (where status = 'pending')::int as pending,
            count(*) filter (where status = 'failed')::int as failed,
            count(*) filter (where status = 'sent' and sent_at > $1::timestamptz - interval '1 day')::int
              as "sentLastDay",
            min(created_at) filter (where status = 'pending') as "oldestPendingAt"
     from outbox where status <> 'sent' or sent_at > $1::timestamptz - interval '1 day'`,
    [now],
  );
  return r.rows[0]!;
}

export interface FailedMail {
  id: string;
  kind: string;
  createdAt: Date;
  failedAt: Date;
  attempts: number;
  reason: string;
  responseCode: number | null;
}

export async function listFailed(db: Queryable, limit: number): Promise<FailedMail[]> {
  const r = await db.query<FailedMail>(
    `select id, kind, created_at as "createdAt", failed_at as "failedAt", attempts,
            coalesce(last_error, 'other') as reason, last_response_code as "responseCode"
     from outbox where status = 'failed' order by failed_at desc limit $1`,
    [limit],
  );
  return r.rows;
}

/** Administrators send failed messages once more: they become pending with a fresh day to go. */
export async function retryFailed(db: Queryable, now: Date): Promise<number> {
  const r = await db.query(
    `update outbox set status = 'pending', attempts = 0, next_attempt_at = $1,
            give_up_at = $1::timestamptz + interval '24 hours', failed_at = null
     where status = 'failed'`,
    [now],
  );
  return r.rowCount;
}
