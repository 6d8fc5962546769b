import { regionsFor, requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import { recordOnTimeline } from '../cases/timeline.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import { sealPosition } from '../crypto/sealed-position.ts';
import type { Database, Queryable } from '../db/index.ts';
import type { DeviceRoute } from '../devices/directory.ts';
import type { DeviceEvent } from '../events/device-event.ts';
import { notifyCaseworker } from '../inbox/notification-repository.ts';
import type { Metrics } from '../metrics/registry.ts';
import type { Bus, BusMessage } from '../realtime/bus.ts';
import * as repo from './repository.ts';
import { type AlarmKind, dedupeKey, SELF_CLEARING } from './rules.ts';
import { seesAlarm, toAlarmView } from './view.ts';

export interface RaiseResult {
  alarmId: string;
  /** false when this was a retransmission of an alarm already stored */
  created: boolean;
}

/** For the case timeline (which carries no position). */
const ALARM_KIND_NL: Record<string, string> = {
  panic: 'noodmelding',
  test: 'testmelding',
  low_battery: 'batterij bijna leeg',
  tamper: 'sabotage',
  fault: 'storing',
  supervision: 'geen contact met het apparaat',
};

const SUPERVISION: RequestContext = {
  actor: { kind: 'system', id: null, label: 'supervision', grants: [] },
  ip: null,
};

export function createAlarmService(db: Database, bus: Bus, metrics: Metrics, secrets: SecretBox) {
  async function notifyCaseTeam(tx: Queryable, caseId: string | null, alarmId: string, kind: string) {
    if (caseId) await notifyCaseworker(tx, caseId, `alarm.${kind}`, alarmId);
  }

  /**
   * Commits one alarm — row, first timeline entry, audit entry — in one transaction, once per
   * retransmission identity. Resolves only when committed: the receiver acknowledges after this.
   */
  async function raise(event: DeviceEvent, device: DeviceRoute, kind: AlarmKind): Promise<RaiseResult> {
    const key = dedupeKey(event);
    const result = await db.transaction(
      async (tx) => {
        await repo.lockDevice(tx, device.id);
        const existing = SELF_CLEARING.has(kind)
          ? (await repo.findOpenAlarmOfKind(tx, device.id, kind))?.id
          : await repo.findRetransmission(
              tx,
              device.id,
              kind,
              event.sequence ?? null,
              event.occurredAt ?? null,
            );
        if (existing) return { alarmId: existing, created: false, eventId: undefined };
        // A real alarm must never be filed as a test on a stale cache (the case may have gone active a moment
        // ago, on another node): test mode is confirmed from the row. The other way round errs on the safe side.
        const testMode =
          kind !== 'test' && device.testMode ? await repo.deviceInTestMode(tx, device.id) : false;
        const isTest = kind === 'test' || testMode;
        // A repeated press while the first is open: stored all the same, folded into the first (one card).
        const firstAlarmId = SELF_CLEARING.has(kind)
          ? null
          : await repo.findOpenFirstPress(tx, device.id, kind, isTest);
        const alarmId = await repo.insertAlarm(tx, {
          deviceId: device.id,
          caseId: device.caseId,
          regionId: device.regionId,
          kind,
          isTest,
          firstAlarmId,
          sequence: event.sequence ?? null,
          dedupeKey: key,
          code: event.code ?? null,
          text: event.text ?? null,
          occurredAt: event.occurredAt ?? null,
          receivedAt: event.receivedAt,
          positionSealed: event.position ? sealPosition(secrets, event.position) : null,
          batteryPercent: event.batteryPercent ?? null,
          rawSealed: secrets.seal(event.raw),
        });
        const actor = {
          kind: 'system' as const,
          id: null,
          label: `device:${event.deviceAccount}`,
          grants: [],
        };
        const eventId = await repo.insertAlarmEvent(tx, {
          alarmId,
          actorId: null,
          actorLabel: actor.label,
          from: null,
          to: 'received',
        });
        await audit(
          tx,
          { actor, ip: null },
          {
            action: 'alarm.raise',
            access: 'write',
            recordType: 'alarm',
            recordId: alarmId,
            details: { kind, protocol: event.protocol, deviceId: device.id, caseId: device.caseId },
          },
        );
        if (kind !== 'panic') await notifyCaseTeam(tx, device.caseId, alarmId, kind);
        if (device.caseId) {
          // a repeated press is on the case's timeline as part of the open alarm, not as an alarm of its own
          await recordOnTimeline(tx, {
            caseId: device.caseId,
            kind: kind === 'test' || testMode ? 'test_alarm' : 'alarm',
            summary: firstAlarmId
              ? `Opnieuw op de knop gedrukt: ${ALARM_KIND_NL[kind] ?? kind}, hoort bij de open melding`
              : `Melding ontvangen: ${ALARM_KIND_NL[kind] ?? kind}${testMode ? ' (testmodus)' : ''}`,
            message: {
              code: firstAlarmId ? 'alarmRepeated' : testMode ? 'alarmReceivedTest' : 'alarmReceived',
              params: { alarm: kind },
            },
            actorLabel: actor.label,
            refType: 'alarm',
            refId: alarmId,
          });
        }
        return { alarmId, created: true, eventId };
      },
      { lane: 'alarm' },
    );
    if (result.created) {
      metrics.alarmsRaised.inc({ kind });
      bus.publish({
        type: 'alarm',
        alarmId: result.alarmId,
        regionId: device.regionId,
        eventId: result.eventId!,
      });
    }
    return { alarmId: result.alarmId, created: result.created };
  }

  /**
   * Raises a technical alarm inside the caller's transaction unless one of that kind is already
   * open for the device (one, not a flood). The caller publishes after commit.
   */
  async function raiseTechnical(
    tx: Queryable,
    device: { id: string; caseId: string | null; regionId: string },
    kind: 'supervision' | 'low_battery',
    now: Date,
  ): Promise<BusMessage | null> {
    await repo.lockDevice(tx, device.id);
    if (await repo.findOpenAlarmOfKind(tx, device.id, kind)) return null;
    const alarmId = await repo.insertAlarm(tx, {
      deviceId: device.id,
      caseId: device.caseId,
      regionId: device.regionId,
      kind,
      isTest: false,
      sequence: null,
      dedupeKey: `${kind}|${now.toISOString()}`,
      code: null,
      text: null,
      occurredAt: now,
      receivedAt: now,
      positionSealed: null,
      batteryPercent: null,
      rawSealed: null,
    });
    const eventId = await repo.insertAlarmEvent(tx, {
      alarmId,
      actorId: null,
      actorLabel: SUPERVISION.actor.label,
      from: null,
      to: 'received',
    });
    await audit(tx, SUPERVISION, {
      action: 'alarm.raise',
      access: 'write',
      recordType: 'alarm',
      recordId: alarmId,
      details: { kind },
    });
    await notifyCaseTeam(tx, device.caseId, alarmId, kind);
    if (device.caseId) {
      await recordOnTimeline(tx, {
        caseId: device.caseId,
        kind: 'alarm',
        summary: `Technische melding: ${ALARM_KIND_NL[kind]}`,
        message: { code: 'technicalAlarm', params: { alarm: kind } },
        actorLabel: SUPERVISION.actor.label,
        refType: 'alarm',
        refId: alarmId,
      });
    }
    metrics.alarmsRaised.inc({ kind });
    return { type: 'alarm', alarmId, regionId: device.regionId, eventId };
  }

  /** Clears a self-clearing technical alarm inside the caller's transaction when the device has recovered. */
  async function clearTechnical(tx: Queryable, alarm: { id: string; regionId: string }, note: string) {
    const from = await repo.resolveAlarm(tx, alarm.id, 'cleared_by_device');
    if (!from) return null;
    const eventId = await repo.insertAlarmEvent(tx, {
      alarmId: alarm.id,
      actorId: null,
      actorLabel: SUPERVISION.actor.label,
      from,
      to: 'resolved',
      note,
    });
    await audit(tx, SUPERVISION, {
      action: 'alarm.clear',
      access: 'write',
      recordType: 'alarm',
      recordId: alarm.id,
    });
    return { type: 'alarm', alarmId: alarm.id, regionId: alarm.regionId, eventId } satisfies BusMessage;
  }

  /**
   * A device reporting its battery restored (DC-09 YR, Contact ID restore of a battery event) clears its open
   * low-battery alarm; committed before the receiver acknowledges, published after. Nothing open: nothing to do.
   */
  async function clearRestoredBattery(device: { id: string }): Promise<void> {
    const change = await db.transaction(
      async (tx) => {
        await repo.lockDevice(tx, device.id);
        const open = await repo.findOpenAlarmOfKind(tx, device.id, 'low_battery');
        return open ? clearTechnical(tx, open, 'battery restored') : null;
      },
      { lane: 'alarm' },
    );
    if (change) bus.publish(change);
  }

  async function list(ctx: RequestContext, filter: { state: 'open' | 'all'; limit?: number }) {
    requireAccess(ctx.actor, 'alarm.read');
    const reach = regionsFor(ctx.actor, 'alarm.read');
    const rows = await repo.listAlarms(db, {
      regionIds: reach.all ? null : reach.regionIds,
      open: filter.state === 'open',
      limit: filter.state === 'open' ? null : (filter.limit ?? 200),
    });
    return rows.filter((row) => seesAlarm(ctx.actor, row)).map((row) => toAlarmView(secrets, row));
  }

  /** For the live stream: the alarm if this actor may see it, else null (no error, no audit noise). */
  async function visibleTo(ctx: RequestContext, id: string) {
    const alarm = await repo.findAlarm(db, id);
    if (!alarm) return null;
    const reach = regionsFor(ctx.actor, 'alarm.read');
    return (reach.all || reach.regionIds.includes(alarm.regionId)) && seesAlarm(ctx.actor, alarm)
      ? toAlarmView(secrets, alarm)
      : null;
  }

  return { raise, raiseTechnical, clearTechnical, clearRestoredBattery, list, visibleTo };
}

export type AlarmService = ReturnType<typeof createAlarmService>;
