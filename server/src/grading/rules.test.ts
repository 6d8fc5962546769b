import { describe, expect, it } from 'vitest';
import {
  isoWeekOf,
  isoWeekOfDay,
  mondayOf,
  percentile,
  secondsOf,
  stageStats,
  weeksBetween,
} from './rules.ts';

describe('ISO weeks as the Dutch calendar counts them', () => {
  it('names the week of a day, across year ends', () => {
    expect(isoWeekOfDay('2026-12-04')).toBe('2026-W49');
    expect(isoWeekOfDay('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOfDay('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOfDay('2021-01-03')).toBe('2020-W53');
  });
  it('counts an instant in Amsterdam time: Sunday 23:30 UTC in summer is already Monday', () => {
    expect(isoWeekOf(new Date('2026-06-07T23:30:00Z'))).toBe('2026-W24');
    expect(isoWeekOf(new Date('2026-06-07T21:30:00Z'))).toBe('2026-W23');
  });
  it('finds the Monday of a week and refuses a week that does not exist', () => {
    expect(mondayOf('2026-W49')).toBe('2026-11-30');
    expect(mondayOf('2025-W01')).toBe('2024-12-30');
    expect(mondayOf('2026-W53')).toBe('2026-12-28');
    expect(mondayOf('2027-W53')).toBeNull();
    expect(mondayOf('2026-49')).toBeNull();
    expect(weeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });
});

describe('grading a link of the chain', () => {
  it('percentiles are observed times (nearest rank)', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 0.5)).toBe(5);
    expect(percentile(ten, 0.9)).toBe(9);
    expect(percentile(ten, 0.99)).toBe(10);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('a link that did not happen is not reached, never zero, and the norm is judged on those that reached it', () => {
    const received = new Date('2026-12-04T10:00:00Z');
    const plus = (s: number) => new Date(received.getTime() + s * 1000);
    const none = {
      shown: null,
      claimed: null,
      voice: null,
      forwarded: null,
      dispatched: null,
      on_scene: null,
    };
    const group = [
      secondsOf(received, { ...none, claimed: plus(12.34) }),
      secondsOf(received, { ...none, claimed: plus(45) }),
      secondsOf(received, { ...none, claimed: plus(70) }),
      secondsOf(received, none),
    ];
    expect(group[0]!.claimed).toBe(12.3);
    expect(group[3]!.claimed).toBeNull();
    const stats = stageStats(group, 'claimed', { stage: 'claimed', within30: 0.3, within60: 0.8 });
    expect(stats).toEqual({
      stage: 'claimed',
      n: 3,
      notReached: 1,
      p50: 45,
      p90: 70,
      p99: 70,
      within30: 0.333,
      within60: 0.667,
      meets30: true,
      meets60: false,
    });
    const voice = stageStats(group, 'voice', undefined);
    expect(voice).toMatchObject({ n: 0, notReached: 4, p50: null, within30: null, meets30: null });
  });
});
