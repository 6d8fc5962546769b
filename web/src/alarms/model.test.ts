import { describe, expect, it } from 'vitest';
import type { Alarm } from '../api/types.ts';
import { mergeAlarm, parseAlarm, sortAlarms } from './model.ts';

const alarm = (id: string, kind: Alarm['kind'], receivedAt: string, state = 'received'): Alarm => ({
  id,
  kind,
  state,
  deviceAccount: '1234',
  caseId: null,
  caseReference: null,
  receivedAt,
  occurredAt: null,
  position: null,
  batteryPercent: null,
});

describe('alarm queue model', () => {
  it('puts panic alarms first, longest waiting on top, then the rest longest waiting first', () => {
    const sorted = sortAlarms([
      alarm('old-panic', 'panic', '2025-01-01T10:00:00Z'),
      alarm('new-test', 'test', '2025-01-01T10:05:00Z'),
      alarm('new-panic', 'panic', '2025-01-01T10:03:00Z'),
      alarm('battery', 'low_battery', '2025-01-01T09:00:00Z'),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['old-panic', 'new-panic', 'battery', 'new-test']);
  });

  it('merges by id and drops alarms that are no longer open', () => {
    let list = [alarm('a', 'panic', '2025-01-01T10:00:00Z')];
    list = mergeAlarm(list, alarm('b', 'tamper', '2025-01-01T10:01:00Z'));
    list = mergeAlarm(list, { ...alarm('a', 'panic', '2025-01-01T10:00:00Z'), batteryPercent: 50 });
    expect(list).toHaveLength(2);
    expect(list.find((a) => a.id === 'a')?.batteryPercent).toBe(50);
    list = mergeAlarm(list, alarm('a', 'panic', '2025-01-01T10:00:00Z', 'resolved'));
    expect(list.map((a) => a.id)).toEqual(['b']);
  });

  it('ignores malformed stream data', () => {
    expect(parseAlarm('not json')).toBeNull();
    expect(parseAlarm('{"id":1}')).toBeNull();
    expect(parseAlarm(JSON.stringify(alarm('x', 'panic', '2025-01-01T10:00:00Z')))?.id).toBe('x');
  });
});
