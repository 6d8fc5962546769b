import { describe, expect, it } from 'vitest';
import { afterFailure, backoffMs, classifyFailure, MAX_BACKOFF_MS } from './rules.ts';

describe('e-mail retry rules', () => {
  it('doubles the wait per attempt up to an hour', () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 10_000))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(40, 10_000)).toBe(MAX_BACKOFF_MS);
  });

  it('gives up after the last attempt, or when the next try would fall after the give-up time', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const giveUpAt = new Date('2026-03-02T12:00:00Z');
    const policy = { baseMs: 10_000, maxAttempts: 12 };
    expect(afterFailure({ attempts: 1, giveUpAt }, now, policy)).toEqual({
      giveUp: false,
      retryAt: new Date('2026-03-01T12:00:10Z'),
    });
    expect(afterFailure({ attempts: 12, giveUpAt }, now, policy)).toEqual({ giveUp: true });
    const late = new Date('2026-03-02T11:59:55Z');
    expect(afterFailure({ attempts: 1, giveUpAt }, late, policy)).toEqual({ giveUp: true });
  });

  it('keeps the category and code of a failure, never its text', () => {
    expect(classifyFailure({ responseCode: 550, response: '550 <x@example.org> unknown' })).toEqual({
      category: 'rejected',
      responseCode: 550,
    });
    expect(classifyFailure({ responseCode: 451 })).toEqual({ category: 'deferred', responseCode: 451 });
    expect(classifyFailure({ code: 'ECONNECTION' })).toEqual({ category: 'unreachable', responseCode: null });
    expect(classifyFailure(new Error('boom'))).toEqual({ category: 'other', responseCode: null });
  });
});
