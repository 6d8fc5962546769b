/**
 * Bodies as Traccar 6 sends them, written out from its source (forward/PositionData, forward/EventData and the
 * models they carry, serialised by its ObjectMapper: ISO times with offset, nulls kept inside the models).
 * PositionForwardingHandler runs before DatabaseHandler, so a forwarded position still has id 0.
 */
export const DEVICE = {
  id: 7,
  attributes: {},
  groupId: 0,
  calendarId: 0,
  name: 'Knop 7',
  uniqueId: '868120300145601',
  status: 'online',
  lastUpdate: '2026-03-01T11:59:58.000+00:00',
  positionId: 4711,
  phone: null,
  model: 'EV07B',
  contact: null,
  category: 'person',
  disabled: false,
  expirationTime: null,
};

export const SOS_POSITION = {
  id: 0,
  attributes: { alarm: 'sos', batteryLevel: 64, charge: false, sat: 9, distance: 3.2, totalDistance: 1520.4 },
  deviceId: 7,
  protocol: 'gt06',
  serverTime: '2026-03-01T12:00:00.412+00:00',
  deviceTime: '2026-03-01T11:59:58.000+00:00',
  fixTime: '2026-03-01T11:59:58.000+00:00',
  valid: true,
  latitude: 52.2226,
  longitude: 5.1746,
  altitude: 4.0,
  speed: 0.0,
  course: 0.0,
  address: null,
  accuracy: 25.0,
  network: null,
  geofenceIds: null,
};

/** POST to forward.url (forward.type=json) */
export const POSITION_FORWARD = { position: SOS_POSITION, device: DEVICE };

/** POST to event.forward.url: the alarm Traccar's AlarmEventHandler made of the same position */
export const ALARM_EVENT_FORWARD = {
  event: {
    id: 91,
    attributes: { alarm: 'sos' },
    deviceId: 7,
    type: 'alarm',
    eventTime: '2026-03-01T11:59:58.000+00:00',
    positionId: 4711,
    geofenceId: 0,
    maintenanceId: 0,
  },
  position: { ...SOS_POSITION, id: 4711 },
  device: DEVICE,
};

export const ONLINE_EVENT_FORWARD = {
  event: {
    id: 90,
    attributes: {},
    deviceId: 7,
    type: 'deviceOnline',
    eventTime: '2026-03-01T11:50:00.000+00:00',
    positionId: 0,
    geofenceId: 0,
    maintenanceId: 0,
  },
  device: DEVICE,
};

/** A routine fix: no alarm attribute */
export const ROUTINE_FORWARD = {
  position: {
    ...SOS_POSITION,
    attributes: { batteryLevel: 63, charge: false },
    deviceTime: '2026-03-01T12:01:00.000+00:00',
    fixTime: '2026-03-01T12:01:00.000+00:00',
    latitude: 52.2229,
    longitude: 5.1751,
  },
  device: DEVICE,
};

/** Deep copy with changes, for tests: `withChanges(POSITION_FORWARD, (b) => { b.position.latitude = 95; })` */
export function withChanges<T>(body: T, change: (copy: T) => void): T {
  const copy = structuredClone(body);
  change(copy);
  return copy;
}
