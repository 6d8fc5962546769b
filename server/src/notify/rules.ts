/** Pure rules of e-mail delivery: when to try again, when to give up, what a failure was. */

/** Longest wait between two attempts. */
export const MAX_BACKOFF_MS = 60 * 60_000;
/**
 * How long an attempt holds its message: another sweep (a second node that briefly believes it leads)
 * leaves it alone meanwhile. Longer than the SMTP timeouts of one attempt together.
 */
export const ATTEMPT_LEASE_MS = 2 * 60_000;

export interface RetryPolicy {
  baseMs: number;
  maxAttempts: number;
}

/** Exponential backoff: base, 2×base, 4×base … capped at MAX_BACKOFF_MS. `attempts` made so far (≥ 1). */
export function backoffMs(attempts: number, baseMs: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(baseMs * 2 ** exponent, MAX_BACKOFF_MS);
}

/**
 * After a failed attempt: try again at `retryAt`, or give up — after `maxAttempts`, or when the next try
 * would fall after the message's give-up time (a day after it was written, migration 0013).
 */
export function afterFailure(
  message: { attempts: number; giveUpAt: Date },
  now: Date,
  policy: RetryPolicy,
): { giveUp: true } | { giveUp: false; retryAt: Date } {
  const retryAt = new Date(now.getTime() + backoffMs(message.attempts, policy.baseMs));
  if (message.attempts >= policy.maxAttempts) return { giveUp: true };
  if (retryAt.getTime() > message.giveUpAt.getTime()) return { giveUp: true };
  return { giveUp: false, retryAt };
}

export type FailureCategory = 'rejected' | 'deferred' | 'unreachable' | 'other';

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/**
 * What went wrong, as a category and the SMTP reply code; never the reply text (it may quote addresses).
 * `unreachable` means the server could not be reached at all: the rest of a round would fail the same way.
 */
export function classifyFailure(error: unknown): { category: FailureCategory; responseCode: number | null } {
  const e = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  if (responseCode !== null && responseCode >= 500) return { category: 'rejected', responseCode };
  if (responseCode !== null && responseCode >= 400) return { category: 'deferred', responseCode };
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code))
    return { category: 'unreachable', responseCode };
  return { category: 'other', responseCode };
}
