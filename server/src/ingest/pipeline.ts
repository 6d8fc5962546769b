import { alarmKindOf } from '../alarms/rules.ts';
import type { AlarmService } from '../alarms/service.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import { sealPosition } from '../crypto/sealed-position.ts';
import type { Queryable } from '../db/index.ts';
import type { DeviceDirectory } from '../devices/directory.ts';
import type { DeviceEvent, Position } from '../events/device-event.ts';
import { type AddressFinder, noAddressFinder } from '../geocoding/address-finder.ts';
import type { Metrics } from '../metrics/registry.ts';
import type { RoutineLane } from './routine-lane.ts';
import { insertAlarmPosition } from './trail-repository.ts';

export class UnknownDevice extends Error {
  constructor() {
    super('unknown device');
  }
}

/**
 * Where every decoded event goes after its socket: alarms go to the alarm lane (group commit, at most
 * ~1 ms of waiting); routine traffic goes to the routine lane. The promise resolves when the event is stored,
 * and only then may the receiver acknowledge it.
 */
export function createIngestPipeline(deps: {
  db: Queryable;
  secrets: SecretBox;
  directory: DeviceDirectory;
  alarms: AlarmService;
  routine: RoutineLane;
  metrics: Metrics;
  /** how long after an alarm the device's positions are kept with it */
  alarmPositionWindowMs: number;
  /** looks up the address of a stored position, after the event is acknowledged */
  addresses?: AddressFinder;
}) {
  const addresses = deps.addresses ?? noAddressFinder;
  // device id → the alarm whose position trail is being recorded, and until when
  const trails = new Map<string, { alarmId: string; until: number }>();

  async function recordTrail(deviceId: string, event: DeviceEvent) {
    const trail = trails.get(deviceId);
    if (!trail || !event.position) return;
    if (trail.until < Date.now()) {
      trails.delete(deviceId);
      return;
    }
    const pointId = await insertAlarmPosition(
      deps.db,
      trail.alarmId,
      event.occurredAt ?? event.receivedAt,
      sealPosition(deps.secrets, event.position, event.position.fixedAt ?? event.occurredAt),
    );
    addresses.forTrailPoint(pointId, event.position);
  }

  return async function handle(event: DeviceEvent): Promise<void> {
    const device = await deps.directory.find(event.protocol, event.deviceAccount);
    if (!device) throw new UnknownDevice();
    const started = performance.now();
    const kind = alarmKindOf(event.kind);
    const routine = {
      deviceId: device.id,
      seenAt: event.receivedAt,
      batteryPercent: event.batteryPercent ?? null,
      charging: event.charging ?? null,
      position: event.position
        ? sealedLater(deps.secrets, event.position, event.occurredAt ?? event.receivedAt)
        : null,
    };
    if (kind) {
      const { alarmId, created } = await deps.alarms.raise(event, device, kind);
      deps.metrics.eventCommitSeconds.observe({ lane: 'alarm' }, (performance.now() - started) / 1000);
      if (created && event.position) addresses.forAlarm(alarmId, event.position);
      trails.set(device.id, { alarmId, until: Date.now() + deps.alarmPositionWindowMs });
      // The alarm row holds its own position; the device summary may follow a moment later.
      deps.routine.submit(routine).catch(() => {});
      return;
    }
    if (event.kind === 'battery_restored') await deps.alarms.clearRestoredBattery(device);
    if (event.position && trails.has(device.id))
      await Promise.all([deps.routine.submit(routine), recordTrail(device.id, event)]);
    else await deps.routine.submit(routine);
    deps.metrics.eventCommitSeconds.observe({ lane: 'routine' }, (performance.now() - started) / 1000);
  };
}

/** Sealed (AES-GCM) only if the routine lane writes it: of a device's updates in one batch, only the newest. */
function sealedLater(secrets: SecretBox, position: Position, at: Date) {
  return { at, seal: () => sealPosition(secrets, position, at) };
}

export type IngestHandler = ReturnType<typeof createIngestPipeline>;
