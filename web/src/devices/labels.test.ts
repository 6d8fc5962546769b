import { describe, expect, it } from 'vitest';
import { groupSecret } from '../auth/EnrolTotpStep.tsx';
import { deadlineUrgency } from '../cases/CaseList.tsx';
import { heartbeatLate, parseEurosToCents, parsePositiveInt } from './labels.ts';

describe('small helpers', () => {
  it('parses euro amounts to cents', () => {
    expect(parseEurosToCents('45,00')).toBe(4500);
    expect(parseEurosToCents('12.5')).toBe(1250);
    expect(parseEurosToCents('€ 7')).toBe(700);
    expect(parseEurosToCents('-1')).toBeNull();
    expect(parseEurosToCents('abc')).toBeNull();
  });

  it('parses positive integers', () => {
    expect(parsePositiveInt('3600')).toBe(3600);
    expect(parsePositiveInt('0')).toBeNull();
    expect(parsePositiveInt('1.5')).toBeNull();
  });

  it('flags a heartbeat late after two intervals', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(
      heartbeatLate({ lastHeartbeatAt: '2025-01-01T11:50:00Z', heartbeatIntervalSeconds: 600 }, now),
    ).toBe(false);
    expect(
      heartbeatLate({ lastHeartbeatAt: '2025-01-01T11:39:00Z', heartbeatIntervalSeconds: 600 }, now),
    ).toBe(true);
    expect(heartbeatLate({ lastHeartbeatAt: null, heartbeatIntervalSeconds: 600 }, now)).toBe(false);
  });

  it('groups a TOTP secret in fours', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDE')).toBe('ABCD E');
  });

  it('classifies connection deadlines', () => {
    const now = Date.parse('2025-01-10T12:00:00Z');
    expect(deadlineUrgency(null, now)).toBe('none');
    expect(deadlineUrgency('2025-01-09', now)).toBe('overdue');
    expect(deadlineUrgency('2025-01-12', now)).toBe('soon');
    expect(deadlineUrgency('2025-02-12', now)).toBe('later');
  });
});
