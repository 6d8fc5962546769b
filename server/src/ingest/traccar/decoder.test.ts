import { describe, expect, it } from 'vitest';
import { mapTraccarAlarms } from './alarm.ts';
import { decodeTraccar } from './decoder.ts';
import {
  ALARM_EVENT_FORWARD,
  ONLINE_EVENT_FORWARD,
  POSITION_FORWARD,
  ROUTINE_FORWARD,
  withChanges,
} from './fixtures.ts';

const receivedAt = new Date('2026-03-01T12:00:00.500Z');

function decoded(forward: 'positions' | 'events', body: unknown) {
  const result = decodeTraccar(forward, body, receivedAt);
  if (!result.ok) throw new Error(`refused ${result.field}: ${result.detail}`);
  return result;
}

function refused(forward: 'positions' | 'events', body: unknown) {
  const result = decodeTraccar(forward, body, receivedAt);
  if (result.ok) throw new Error(`accepted ${result.events.map((e) => e.kind).join(',')}`);
  return result;
}

describe('Traccar position forwarding (forward.type=json)', () => {
  it('decodes an SOS position into a panic with its fix, fix time, battery and device', () => {
    const { uniqueId, events } = decoded('positions', POSITION_FORWARD);
    expect(uniqueId).toBe('868120300145601');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      protocol: 'traccar',
      deviceAccount: '868120300145601',
      kind: 'panic',
      code: 'alarm=sos',
      occurredAt: new Date('2026-03-01T11:59:58.000Z'),
      receivedAt,
      position: {
        lat: 52.2226,
        lon: 5.1746,
        accuracy: 25,
        altitude: 4,
        speedKnots: 0,
        bearing: 0,
        fixedAt: new Date('2026-03-01T11:59:58.000Z'),
      },
      batteryPercent: 64,
      charging: false,
    });
    expect(events[0]!.text).toBeUndefined();
  });

  it('keeps the device name, phone and contact out of the raw text it stores', () => {
    const body = withChanges(POSITION_FORWARD, (b) => {
      (b.device as Record<string, unknown>).phone = '+31612345678';
    });
    const raw = decoded('positions', body).events[0]!.raw;
    expect(raw).toContain('"uniqueId":"868120300145601"');
    expect(raw).not.toContain('Knop 7');
    expect(raw).not.toContain('+31612345678');
  });

  it('makes a routine position of a fix without an alarm, and a heartbeat of an invalid fix', () => {
    expect(decoded('positions', ROUTINE_FORWARD).events).toMatchObject([
      { kind: 'position', batteryPercent: 63, position: { lat: 52.2229, lon: 5.1751 } },
    ]);
    const invalid = withChanges(ROUTINE_FORWARD, (b) => {
      b.position.valid = false;
    });
    const [event] = decoded('positions', invalid).events;
    expect(event!.kind).toBe('heartbeat');
    expect(event!.position).toBeUndefined();
  });

  it('keeps the last known fix of an alarm even when Traccar marks it invalid', () => {
    const body = withChanges(POSITION_FORWARD, (b) => {
      b.position.valid = false;
      b.position.fixTime = '2026-03-01T11:40:00.000+00:00';
    });
    const [event] = decoded('positions', body).events;
    expect(event!.position).toMatchObject({ lat: 52.2226, fixedAt: new Date('2026-03-01T11:40:00.000Z') });
  });

  it('treats 0/0 as no position and accuracy 0 as unknown', () => {
    const body = withChanges(POSITION_FORWARD, (b) => {
      b.position.latitude = 0;
      b.position.longitude = 0;
    });
    expect(decoded('positions', body).events[0]!.position).toBeUndefined();
    const noAccuracy = withChanges(POSITION_FORWARD, (b) => {
      b.position.accuracy = 0;
    });
    expect(decoded('positions', noAccuracy).events[0]!.position!.accuracy).toBeUndefined();
  });

  it('raises one alarm per kind for a position with several alarms, the panic first', () => {
    const body = withChanges(POSITION_FORWARD, (b) => {
      b.position.attributes.alarm = 'lowBattery,fallDown,sos';
    });
    expect(decoded('positions', body).events.map((e) => [e.kind, e.code])).toEqual([
      ['panic', 'alarm=fallDown'],
      ['low_battery', 'alarm=lowBattery'],
    ]);
  });

  it.each([
    [
      'position/latitude',
      (b: typeof ROUTINE_FORWARD) => {
        b.position.latitude = 95;
      },
    ],
    [
      'position/longitude',
      (b: typeof ROUTINE_FORWARD) => {
        b.position.longitude = -181;
      },
    ],
    [
      'position/speed',
      (b: typeof ROUTINE_FORWARD) => {
        b.position.speed = 5000;
      },
    ],
    [
      'position/course',
      (b: typeof ROUTINE_FORWARD) => {
        b.position.course = 400;
      },
    ],
    [
      'position/attributes/batteryLevel',
      (b: typeof ROUTINE_FORWARD) => {
        b.position.attributes.batteryLevel = 180;
      },
    ],
    [
      'position/fixTime',
      (b: typeof ROUTINE_FORWARD) => {
        b.position.fixTime = 'yesterday';
      },
    ],
    [
      'position/deviceTime',
      (b: typeof ROUTINE_FORWARD) => {
        b.position.deviceTime = '2031-01-01T00:00:00.000+00:00';
      },
    ],
    [
      'position/latitude',
      (b: typeof ROUTINE_FORWARD) => {
        (b.position as Record<string, unknown>).latitude = '52.1';
      },
    ],
    [
      'position/deviceId',
      (b: typeof ROUTINE_FORWARD) => {
        b.position.deviceId = 8;
      },
    ],
    [
      'device/uniqueId',
      (b: typeof ROUTINE_FORWARD) => {
        (b.device as Record<string, unknown>).uniqueId = undefined;
      },
    ],
    [
      'device/uniqueId',
      (b: typeof ROUTINE_FORWARD) => {
        b.device.uniqueId = 'a\nb';
      },
    ],
    [
      'device',
      (b: typeof ROUTINE_FORWARD) => {
        (b as Record<string, unknown>).device = 'x';
      },
    ],
    [
      'position',
      (b: typeof ROUTINE_FORWARD) => {
        (b as Record<string, unknown>).position = null;
      },
    ],
  ])('refuses an implausible routine position naming %s', (field, change) => {
    const result = refused('positions', withChanges(ROUTINE_FORWARD, change));
    expect(result.field).toBe(field);
    expect(result.detail.length).toBeGreaterThan(0);
  });

  it('stores an alarm without its implausible values, naming them (never their values) in the text', () => {
    const body = withChanges(POSITION_FORWARD, (b) => {
      b.position.latitude = 95;
      b.position.attributes.batteryLevel = 180;
    });
    const [event] = decoded('positions', body).events;
    expect(event).toMatchObject({ kind: 'panic', code: 'alarm=sos' });
    expect(event!.position).toBeUndefined();
    expect(event!.batteryPercent).toBeUndefined();
    expect(event!.text).toBe('dropped invalid: position/latitude, position/attributes/batteryLevel');
  });

  it('refuses what is not a JSON object', () => {
    expect(refused('positions', [POSITION_FORWARD]).field).toBe('body');
    expect(refused('positions', 'sos').field).toBe('body');
  });
});

describe('Traccar event forwarding (event.forward.url)', () => {
  it('decodes an alarm event into the same panic, time and position as its forwarded position', () => {
    const [fromEvent] = decoded('events', ALARM_EVENT_FORWARD).events;
    const [fromPosition] = decoded('positions', POSITION_FORWARD).events;
    const { raw: _a, ...event } = fromEvent!;
    const { raw: _b, ...position } = fromPosition!;
    expect(event).toEqual(position);
  });

  it('accepts events that are not alarms and stores nothing for them', () => {
    expect(decoded('events', ONLINE_EVENT_FORWARD).events).toEqual([]);
    const geofence = withChanges(ALARM_EVENT_FORWARD, (b) => {
      b.event.attributes.alarm = 'geofenceEnter';
    });
    expect(decoded('events', geofence).events).toEqual([]);
  });

  it('keeps an alarm of a name it does not know as a fault with that name', () => {
    const body = withChanges(ALARM_EVENT_FORWARD, (b) => {
      b.event.attributes.alarm = 'bonnet';
    });
    expect(decoded('events', body).events[0]).toMatchObject({ kind: 'fault', code: 'alarm=bonnet' });
  });

  it('refuses an event without a type or device', () => {
    const noType = withChanges(ALARM_EVENT_FORWARD, (b) => {
      (b.event as Record<string, unknown>).type = undefined;
    });
    expect(refused('events', noType).field).toBe('event/type');
    expect(refused('events', { event: ALARM_EVENT_FORWARD.event }).field).toBe('device');
  });
});

describe('Traccar alarm names onto Aware kinds', () => {
  it.each([
    ['sos', 'panic'],
    ['fallDown', 'panic'],
    ['lowBattery', 'low_battery'],
    ['lowPower', 'low_battery'],
    ['tampering', 'tamper'],
    ['removing', 'tamper'],
    ['jamming', 'tamper'],
    ['gpsAntennaCut', 'tamper'],
    ['powerCut', 'fault'],
    ['powerOff', 'fault'],
    ['general', 'fault'],
    ['somethingNew', 'fault'],
  ])('%s → %s', (name, kind) => {
    expect(mapTraccarAlarms(name).map((a) => a.kind)).toEqual([kind]);
  });

  it.each(['geofence', 'geofenceEnter', 'geofenceExit', 'powerRestored', 'overspeed', 'movement', ''])(
    '%s is routine, not an alarm',
    (name) => {
      expect(mapTraccarAlarms(name)).toEqual([]);
    },
  );
});
