import type { SecretBox } from '../crypto/sealed.ts';
import { openPosition } from '../crypto/sealed-position.ts';
import type { Queryable } from '../db/index.ts';
import type {
  AlarmRecord,
  AuditEntryFields,
  EvidenceContent,
  Person,
  PositionRecord,
  Step,
  View,
} from './content.ts';
import * as repo from './repository.ts';

/** The alarm's lifecycle as read from the database: everything of the bundle but the proofs and the PDF. */
export type Lifecycle = Omit<EvidenceContent, 'audit' | 'pdf'> & {
  caseId: string | null;
  regionId: string;
  auditEntries: {
    seq: number;
    leafIndex: number | null;
    actorName: string | null;
    entry: AuditEntryFields;
  }[];
};

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** A person by display name; a button by its label; otherwise the part of the system that acted. */
function personOf(label: string, actorId: string | null, name: string | null, deviceLabel: string): Person {
  if (actorId) return { kind: 'person', label, name };
  if (label.startsWith('device:')) return { kind: 'device', label, name: deviceLabel };
  return { kind: 'system', label, name: null };
}

export async function gatherLifecycle(
  db: Queryable,
  secrets: SecretBox,
  alarmId: string,
  exportedBy: Person,
  now: Date,
): Promise<Lifecycle | null> {
  const alarm = await repo.findEvidenceAlarm(db, alarmId);
  if (!alarm) return null;
  const repeats = await repo.findRepeats(db, alarm.id);
  const all = [alarm, ...repeats];
  const ids = all.map((a) => a.id);
  const [steps, tracked, audit] = await Promise.all([
    repo.findSteps(db, ids),
    repo.findTrackedPositions(db, ids),
    repo.findAuditEntries(db, ids, alarm.caseId),
  ]);
  const auditEntries = audit.map((row) => ({
    seq: Number(row.seq),
    leafIndex: row.leafIndex === null ? null : Number(row.leafIndex),
    actorName: row.actorName,
    entry: {
      at: iso(row.at),
      actorId: row.actorId,
      actorLabel: row.actorLabel,
      action: row.action,
      access: row.access,
      recordType: row.recordType,
      recordId: row.recordId,
      ip: row.ip,
      reason: row.reason,
      details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<
        string,
        unknown
      >,
    },
  }));
  // the protocol is recorded only in the audit entry of the receipt
  const protocolOf = (id: string) => {
    const raised = auditEntries.find((e) => e.entry.action === 'alarm.raise' && e.entry.recordId === id);
    const protocol = raised?.entry.details.protocol;
    return typeof protocol === 'string' ? protocol : null;
  };
  const record = (a: repo.EvidenceAlarmRow): AlarmRecord => ({
    id: a.id,
    kind: a.kind,
    isTest: a.isTest,
    state: a.state,
    outcome: a.outcome,
    outcomeNote: a.outcomeNote,
    region: a.regionName,
    deviceLabel: a.deviceLabel,
    deviceAccount: a.deviceAccount,
    caseReference: a.caseReference,
    code: a.code,
    text: a.text,
    batteryPercent: a.batteryPercent,
    escalationLevel: a.escalationLevel,
    resolvedAt: isoOrNull(a.resolvedAt),
    receipt: {
      protocol: protocolOf(a.id),
      rawFrame: a.rawSealed ? secrets.open(a.rawSealed) : null,
      sequence: a.sequence,
      occurredAt: isoOrNull(a.occurredAt),
      receivedAt: iso(a.receivedAt),
      committedAt: iso(a.committedAt),
    },
  });
  const positions: PositionRecord[] = [];
  for (const a of all) {
    const p = openPosition(secrets, a.positionSealed);
    if (p) positions.push(positionRecord(a.id, 'alarm', p.at ?? iso(a.occurredAt ?? a.receivedAt), p));
  }
  for (const t of tracked) {
    const p = openPosition(secrets, t.positionSealed);
    if (p) positions.push(positionRecord(t.alarmId, 'tracking', iso(t.at), p));
  }
  positions.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  const stepList: Step[] = steps.map((s) => ({
    alarmId: s.alarmId,
    at: iso(s.at),
    actor: personOf(s.actorLabel, s.actorId, s.actorName, alarm.deviceLabel),
    from: s.fromState,
    to: s.toState,
    note: s.note,
  }));
  const views: View[] = auditEntries
    .filter((e) => e.entry.access === 'read')
    .map((e) => ({
      at: e.entry.at,
      actor: personOf(e.entry.actorLabel, e.entry.actorId, e.actorName, alarm.deviceLabel),
      action: e.entry.action,
      auditSeq: e.seq,
    }));
  return {
    type: 'aware.alarm-evidence',
    version: 1,
    exportedAt: now.toISOString(),
    exportedBy,
    alarm: record(alarm),
    repeats: repeats.map(record),
    steps: stepList,
    positions,
    views,
    caseId: alarm.caseId,
    regionId: alarm.regionId,
    auditEntries,
  };
}

function positionRecord(
  alarmId: string,
  source: PositionRecord['source'],
  at: string,
  p: { lat: number; lon: number; accuracy?: number | null; altitude?: number | null },
): PositionRecord {
  return {
    alarmId,
    source,
    at: iso(at),
    lat: p.lat,
    lon: p.lon,
    accuracy: p.accuracy ?? null,
    altitude: p.altitude ?? null,
  };
}
