import { describe, expect, it } from 'vitest';
import type { Alarm, AlarmState } from '../api/contract.ts';
import en from '../i18n/en.json';
import nl from '../i18n/nl.json';
import {
  alarmSignal,
  beepPattern,
  CHOOSABLE_OUTCOMES,
  changedAlarmIds,
  escalationLevel,
  foldRepeats,
  mergeAlarm,
  outcomeNeedsNote,
  outcomesFor,
  parseAlarm,
  safeImageSrc,
  sortAlarms,
  sortForPolice,
  splitQueue,
  stepsFor,
} from './model.ts';

const alarm = (
  id: string,
  kind: Alarm['kind'],
  receivedAt: string,
  state: AlarmState = 'received',
  extra: Partial<Alarm> = {},
): Alarm => ({
  id,
  kind,
  state,
  isTest: false,
  deviceId: 'device-1234',
  deviceAccount: '1234',
  deviceLabel: 'XM-1234',
  caseId: null,
  caseReference: null,
  regionId: 'region-1',
  code: null,
  receivedAt,
  occurredAt: null,
  position: null,
  batteryPercent: null,
  outcome: null,
  escalationLevel: 0,
  claimedById: null,
  claimedByName: null,
  firstAlarmId: null,
  forwardNote: null,
  forwardedByName: null,
  handedToPolice: false,
  ...extra,
});

describe('alarm queue model', () => {
  it('puts panic alarms first, longest waiting on top, then the rest by priority and waiting time', () => {
    const sorted = sortAlarms([
      alarm('old-panic', 'panic', '2025-01-01T10:00:00Z'),
      alarm('new-test', 'test', '2025-01-01T10:05:00Z'),
      alarm('new-panic', 'panic', '2025-01-01T10:03:00Z'),
      alarm('battery', 'low_battery', '2025-01-01T09:00:00Z'),
      alarm('tamper', 'tamper', '2025-01-01T10:04:00Z'),
      alarm('old-test', 'test', '2025-01-01T08:00:00Z'),
    ]);
    expect(sorted.map((a) => a.id)).toEqual([
      'old-panic',
      'new-panic',
      'tamper',
      'battery',
      'old-test',
      'new-test',
    ]);
  });

  it('keeps test alarms (isTest or kind test) apart from real alarms', () => {
    const { real, tests } = splitQueue([
      alarm('p', 'panic', '2025-01-01T10:00:00Z'),
      alarm('tp', 'panic', '2025-01-01T09:00:00Z', 'received', { isTest: true }),
      alarm('t', 'test', '2025-01-01T09:30:00Z'),
    ]);
    expect(real.map((a) => a.id)).toEqual(['p']);
    expect(tests.map((a) => a.id)).toEqual(['tp', 't']);
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

  it('names the alarms a fresh read shows to have moved on, and the first alarm of a new repeat', () => {
    const before = [
      alarm('same', 'panic', '2025-01-01T10:00:00Z'),
      alarm('claimed', 'panic', '2025-01-01T10:01:00Z'),
      alarm('gone', 'tamper', '2025-01-01T10:02:00Z'),
    ];
    const after = [
      alarm('same', 'panic', '2025-01-01T10:00:00Z'),
      alarm('claimed', 'panic', '2025-01-01T10:01:00Z', 'claimed', { claimedByName: 'Olga' }),
      alarm('repeat', 'panic', '2025-01-01T10:03:00Z', 'received', { firstAlarmId: 'same' }),
      alarm('new', 'panic', '2025-01-01T10:04:00Z'),
    ];
    expect(changedAlarmIds(before, after).sort()).toEqual(['claimed', 'gone', 'same']);
    expect(changedAlarmIds(after, after)).toEqual([]);
  });

  it('ignores malformed stream data', () => {
    expect(parseAlarm('not json')).toBeNull();
    expect(parseAlarm('{"id":1}')).toBeNull();
    expect(parseAlarm(JSON.stringify(alarm('x', 'panic', '2025-01-01T10:00:00Z')))?.id).toBe('x');
  });
});

describe('alarm signal and escalation', () => {
  it('sounds only while a real panic is unclaimed, at the highest escalation level among them', () => {
    expect(alarmSignal(undefined)).toEqual({ active: false, count: 0, level: 0 });
    expect(
      alarmSignal([
        alarm('claimed', 'panic', '2025-01-01T10:00:00Z', 'claimed', { escalationLevel: 2 }),
        alarm('test', 'panic', '2025-01-01T10:00:00Z', 'received', { isTest: true, escalationLevel: 2 }),
        alarm('tamper', 'tamper', '2025-01-01T10:00:00Z', 'received', { escalationLevel: 2 }),
      ]).active,
    ).toBe(false);
    expect(
      alarmSignal([
        alarm('a', 'panic', '2025-01-01T10:00:00Z'),
        alarm('b', 'panic', '2025-01-01T10:01:00Z', 'received', { escalationLevel: 1 }),
      ]),
    ).toEqual({ active: true, count: 2, level: 1 });
  });

  it('clamps odd escalation values', () => {
    expect(escalationLevel({ escalationLevel: -1 })).toBe(0);
    expect(escalationLevel({ escalationLevel: 1 })).toBe(1);
    expect(escalationLevel({ escalationLevel: 7 })).toBe(2);
    expect(escalationLevel({ escalationLevel: Number.NaN })).toBe(0);
  });

  it('beeps louder and faster when escalated', () => {
    const [a, b, c] = [beepPattern(0), beepPattern(1), beepPattern(2)];
    expect(b.intervalMs).toBeLessThan(a.intervalMs);
    expect(c.intervalMs).toBeLessThan(b.intervalMs);
    expect(b.gain).toBeGreaterThan(a.gain);
    expect(c.gain).toBeGreaterThan(b.gain);
  });
});

describe('steps and outcomes', () => {
  it('offers the operator claim, then forward and resolve', () => {
    expect(stepsFor(alarm('a', 'panic', '2025-01-01T10:00:00Z'), 'operator')).toEqual(['claim']);
    expect(stepsFor(alarm('a', 'panic', '2025-01-01T10:00:00Z', 'claimed'), 'operator')).toEqual([
      'forward',
      'resolve',
    ]);
    expect(stepsFor(alarm('a', 'panic', '2025-01-01T10:00:00Z', 'forwarded'), 'operator')).toEqual([
      'resolve',
    ]);
    expect(stepsFor(alarm('a', 'panic', '2025-01-01T10:00:00Z', 'resolved'), 'operator')).toEqual([]);
  });

  it('never forwards tests or purely technical alarms', () => {
    const test = alarm('t', 'panic', '2025-01-01T10:00:00Z', 'claimed', { isTest: true });
    expect(stepsFor(test, 'operator')).toEqual(['resolve']);
    expect(stepsFor(alarm('b', 'low_battery', '2025-01-01T10:00:00Z', 'claimed'), 'operator')).toEqual([
      'resolve',
    ]);
    expect(stepsFor(alarm('t', 'tamper', '2025-01-01T10:00:00Z', 'claimed'), 'operator')).toContain(
      'forward',
    );
  });

  it('gives the police dispatch, on scene and resolve, never claim or forward', () => {
    expect(stepsFor(alarm('a', 'panic', '2025-01-01T10:00:00Z', 'forwarded'), 'police')).toEqual([
      'dispatch',
      'on_scene',
      'resolve',
    ]);
    expect(stepsFor(alarm('a', 'panic', '2025-01-01T10:00:00Z', 'on_scene'), 'police')).toEqual([
      'dispatch',
      'resolve',
    ]);
  });

  it('limits outcomes to what fits the alarm', () => {
    const test = alarm('t', 'test', '2025-01-01T10:00:00Z', 'claimed', { isTest: true });
    expect(outcomesFor(test)).toEqual(['test', 'technical_fault']);
    expect(outcomesFor(alarm('a', 'panic', '2025-01-01T10:00:00Z', 'claimed'))).not.toContain(
      'arrest_in_act',
    );
    expect(outcomesFor(alarm('a', 'panic', '2025-01-01T10:00:00Z', 'on_scene'))).toContain('arrest_in_act');
    expect(outcomeNeedsNote('other')).toBe(true);
    expect(outcomeNeedsNote('no_threat')).toBe(false);
  });

  it('has a Dutch and English label for every outcome', () => {
    expect(nl.outcomes).toMatchObject({
      arrest_in_act: 'Aanhouding op heterdaad',
      perpetrator_gone: 'Pleger vertrokken',
      no_threat: 'Geen dreiging aangetroffen',
      pressed_by_accident: 'Per ongeluk ingedrukt',
      technical_fault: 'Technische storing',
      test: 'Test',
      other: 'Anders',
    });
    for (const o of CHOOSABLE_OUTCOMES) expect(en.outcomes[o]).toBeTruthy();
    expect(nl.alarms.state).toEqual({
      received: 'Ontvangen',
      claimed: 'Geclaimd',
      forwarded: 'Doorgezet',
      on_scene: 'Ter plaatse',
      resolved: 'Afgehandeld',
    });
  });

  it('accepts only data: image URLs as photos', () => {
    expect(safeImageSrc('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeImageSrc('https://example.org/a.png')).toBeNull();
    expect(safeImageSrc('data:text/html;base64,PHNjcmlwdD4=')).toBeNull();
    expect(safeImageSrc(null)).toBeNull();
  });
});

describe('repeated presses of one button', () => {
  const first = alarm('first', 'panic', '2025-01-01T10:00:00Z', 'claimed');
  const again = alarm('again', 'panic', '2025-01-01T10:01:00Z', 'received', { firstAlarmId: 'first' });
  const third = alarm('third', 'panic', '2025-01-01T10:02:30Z', 'received', { firstAlarmId: 'first' });
  const other = alarm('other', 'panic', '2025-01-01T10:00:30Z');

  it('fold into the card of the first alarm with a count and the time of the last press', () => {
    const groups = foldRepeats(sortAlarms([third, other, again, first]));
    expect(groups.map((g) => [g.alarm.id, g.presses, g.lastPressAt])).toEqual([
      ['first', 3, '2025-01-01T10:02:30Z'],
      ['other', 1, '2025-01-01T10:00:30Z'],
    ]);
  });

  it('show where the client is now: the newest press that carries a position', () => {
    const at = (lat: number) => ({ lat, lon: 5.1, accuracy: 10 });
    const groups = foldRepeats([
      { ...first, position: at(52.1) },
      { ...again, position: at(52.2) },
      { ...third, position: null },
    ]);
    expect(groups[0]!.position).toEqual(at(52.2));
    expect(foldRepeats([{ ...first, position: at(52.1) }])[0]!.position).toEqual(at(52.1));
  });

  it('stay visible on their own when the first alarm is not in the list', () => {
    const groups = foldRepeats([again, other]);
    expect(groups.map((g) => [g.alarm.id, g.presses])).toEqual([
      ['other', 1],
      ['again', 1],
    ]);
  });

  it('do not sound the alarm signal again while their first alarm is being handled', () => {
    expect(alarmSignal([first, again, third])).toMatchObject({ active: false, count: 0 });
    const waiting = { ...first, state: 'received' as const };
    expect(alarmSignal([waiting, again, third])).toMatchObject({ active: true, count: 1 });
  });
});

describe('the police control room’s order', () => {
  it('puts what the alarm centre forwarded first, then the rest by priority', () => {
    const sorted = sortForPolice([
      alarm('waiting-panic', 'panic', '2025-01-01T09:00:00Z'),
      alarm('tamper-forwarded', 'tamper', '2025-01-01T10:00:00Z', 'forwarded'),
      alarm('panic-on-scene', 'panic', '2025-01-01T10:05:00Z', 'on_scene'),
      alarm('panic-forwarded', 'panic', '2025-01-01T10:01:00Z', 'forwarded'),
      alarm('claimed-panic', 'panic', '2025-01-01T08:00:00Z', 'claimed'),
    ]);
    expect(sorted.map((a) => a.id)).toEqual([
      'panic-forwarded',
      'panic-on-scene',
      'tamper-forwarded',
      'claimed-panic',
      'waiting-panic',
    ]);
  });
});
