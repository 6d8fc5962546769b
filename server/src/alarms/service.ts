import { regionsFor, requireAccess } from '../access/index.ts';
import { audit, auditMany } from '../audit/index.ts';
import { recordManyOnTimeline, recordOnTimeline } from '../cases/timeline.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import { sealPosition } from '../crypto/sealed-position.ts';
import type { Database, Queryable } from '../db/index.ts';
import type { DeviceRoute } from '../devices/directory.ts';
import type { DeviceEvent } from '../events/device-event.ts';
import { notifyCaseworker } from '../inbox/notification-repository.ts';
import type { Metrics } from '../metrics/registry.ts';
import type { Bus, BusMessage } from '../realtime/bus.ts';
import { createAlarmLane } from './alarm-lane.ts';
import type { AlarmToRaise } from './batch-repository.ts';
import * as batchRepo from './batch-repository.ts';
import * as repo from './repository.ts';
import { type AlarmKind, dedupeKey, RETRANSMISSION_WINDOW_MINUTES, SELF_CLEARING } from './rules.ts';
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

/**
 * Group commit: an alarm at an idle lane waits at most 1 ms for others; up to 256 go in one transaction, and two
 * transactions may be in flight (the alarm pool has three connections; one stays for battery restores).
 */
const ALARM_LANE = { maxWaitMs: 1, maxBatch: 256, writers: 2 };

const SUPERVISION: RequestContext = {
  actor: { kind: 'system', id: null, label: 'supervision', grants: [] },
  ip: null,
};

export function createAlarmService(db: Database, bus: Bus, metrics: Metrics, secrets: SecretBox) {
  async function notifyCaseTeam(tx: Queryable, caseId: string | null, alarmId: string, kind: string) {
    if (caseId) await notifyCaseworker(tx, caseId, `alarm.${kind}`, alarmId);
  }

  const deviceActor = (account: string) => ({
    kind: 'system' as const,
    id: null,
    label: `device:${account}`,
    grants: [],
  });

  interface Pending {
    alarm: AlarmToRaise;
    protocol: DeviceEvent['protocol'];
    account: string;
  }

  /**
   * Commits a batch of alarms — rows, first steps, case timelines, notices, audit entries — in one
   * transaction, then tells the consoles. One result per alarm, in order.
   */
  async function commitBatch(batch: Pending[]): Promise<RaiseResult[]> {
    const raised = await db.transaction(
      async (tx) => {
        const rows = await batchRepo.raiseAlarms(
          tx,
          batch.map((p) => p.alarm),
          RETRANSMISSION_WINDOW_MINUTES,
        );
        const created = rows.flatMap((row, i) => (row.created ? [{ row, p: batch[i]! }] : []));
        await batchRepo.notifyCaseTeams(
          tx,
          created.flatMap(({ row, p }) =>
            p.alarm.kind !== 'panic' && p.alarm.caseId
              ? [{ caseId: p.alarm.caseId, alarmId: row.alarmId, kind: p.alarm.kind }]
              : [],
          ),
        );
        // a repeated press is on the case's timeline as part of the open alarm, not as an alarm of its own
        await recordManyOnTimeline(
          tx,
          created.flatMap(({ row, p }) => {
            const { kind, caseId } = p.alarm;
            if (!caseId) return [];
            const name = ALARM_KIND_NL[kind] ?? kind;
            return [
              {
                caseId,
                kind: kind === 'test' || row.testMode ? ('test_alarm' as const) : ('alarm' as const),
                summary: row.firstAlarmId
                  ? `Opnieuw op de knop gedrukt: ${name}, hoort bij de open melding`
                  : `Melding ontvangen: ${name}${row.testMode ? ' (testmodus)' : ''}`,
                message: {
                  code: row.firstAlarmId
                    ? 'alarmRepeated'
                    : row.testMode
                      ? 'alarmReceivedTest'
                      : 'alarmReceived',
                  params: { alarm: kind },
                },
                actorLabel: p.alarm.actorLabel,
                refType: 'alarm',
                refId: row.alarmId,
              },
            ];
          }),
        );
        await auditMany(
          tx,
          created.map(({ row, p }) => ({
            ctx: { actor: deviceActor(p.account), ip: null },
            event: {
              action: 'alarm.raise',
              access: 'write' as const,
              recordType: 'alarm',
              recordId: row.alarmId,
              details: {
                kind: p.alarm.kind,
                protocol: p.protocol,
                deviceId: p.alarm.deviceId,
                caseId: p.alarm.caseId,
              },
            },
          })),
        );
        return rows;
      },
      { lane: 'alarm' },
    );
    raised.forEach((row, i) => {
      if (!row.created) return;
      const { alarm } = batch[i]!;
      metrics.alarmsRaised.inc({ kind: alarm.kind });
      bus.publish({ type: 'alarm', alarmId: row.alarmId, regionId: alarm.regionId, eventId: row.eventId! });
    });
    return raised.map((row) => ({ alarmId: row.alarmId, created: row.created }));
  }

  const lane = createAlarmLane(commitBatch, ALARM_LANE);

  /**
   * Stores one alarm — row, first timeline entry, audit entry — once per retransmission identity, together
   * with the alarms that arrive with it (group commit). Resolves only when committed: the receiver
   * acknowledges after this.
   */
  async function raise(event: DeviceEvent, device: DeviceRoute, kind: AlarmKind): Promise<RaiseResult> {
    return lane.submit({
      protocol: event.protocol,
      account: event.deviceAccount,
      alarm: {
        deviceId: device.id,
        caseId: device.caseId,
        regionId: device.regionId,
        kind,
        selfClearing: SELF_CLEARING.has(kind),
        deviceTestMode: device.testMode,
        sequence: event.sequence ?? null,
        dedupeKey: dedupeKey(event),
        code: event.code ?? null,
        text: event.text ?? null,
        occurredAt: event.occurredAt ?? null,
        receivedAt: event.receivedAt,
        // with the fix time (the device's time where the protocol has no fix time of its own)
        positionSealed: event.position
          ? sealPosition(secrets, event.position, event.position.fixedAt ?? event.occurredAt)
          : null,
        batteryPercent: event.batteryPercent ?? null,
        rawSealed: secrets.seal(event.raw),
        actorLabel: deviceActor(event.deviceAccount).label,
      },
    });
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

  return {
    raise,
    raiseTechnical,
    clearTechnical,
    clearRestoredBattery,
    list,
    visibleTo,
    /** Commits the alarms queued in the lane and waits for them (shutdown). */
    drain: () => lane.drain(),
  };
}

export type AlarmService = ReturnType<typeof createAlarmService>;
