import type { SecretBox } from '../crypto/sealed.ts';
import { openPosition, type PositionView } from '../crypto/sealed-position.ts';
import type { Queryable } from '../db/index.ts';
import * as repo from './repository.ts';

/**
 * What the platform holds about the client of one case: the answer to her right of access
 * (AVG/GDPR article 15). Served as JSON (this structure) or rendered as a Dutch PDF (`pdf.ts`).
 *
 * Conventions: every moment is an ISO 8601 string in UTC; `null` means "not recorded"; lists are in
 * chronological order; codes (`status`, `kind`, `outcome` …) are the platform's own and are translated
 * in the PDF. Sealed fields (phone, address, photo, positions, request texts) appear opened.
 */
export interface DataSubjectExport {
  about: {
    /** always 'aware.data-subject-export'; `version` changes when this structure does */
    format: 'aware.data-subject-export';
    version: 1;
    generatedAt: string;
    /** the professional who drew it up, and to whom this copy is traceable */
    preparedFor: string;
    /** the executing organisation that answers the request (controller for this case) */
    organisation: string;
    caseReference: string;
    /** what is and is not included, in Dutch (the same sentences open the PDF) */
    notes: string[];
  };
  client: {
    name: string;
    /** ISO 639-1 code */
    language: string;
    phone: string | null;
    address: string | null;
    /** a data: URL, as stored */
    photo: string | null;
  } | null;
  children: { firstName: string; birthYear: number | null }[];
  /** contact and area bans imposed on the perpetrator for her protection: the only perpetrator data included */
  bans: { kind: 'contact' | 'area'; description: string }[];
  /** the alarm agreements of her safety plan, in their order */
  safetyPlanAgreements: string[];
  perpetratorData: { included: false; statement: string };
  case: {
    reference: string;
    status: string;
    targetGroup: string;
    region: string;
    organisation: string;
    caseworker: string | null;
    createdAt: string;
    decidedAt: string | null;
    testAlarmAt: string | null;
  };
  devices: {
    vendor: string;
    model: string;
    serial: string;
    assignedAt: string;
    /** when it was taken back; null while she has it */
    returnedAt: string | null;
    current: boolean;
    lastSeenAt: string | null;
    /** only while the device is with her: the one position kept between alarms */
    lastKnownPosition: PositionView | null;
  }[];
  alarms: {
    id: string;
    kind: string;
    test: boolean;
    state: string;
    occurredAt: string | null;
    receivedAt: string;
    resolvedAt: string | null;
    outcome: string | null;
    outcomeNote: string | null;
    deviceSerial: string;
    /** the position sent with the alarm, while still held (positions are erased after the retention period) */
    position: PositionView | null;
    /** positions recorded in the minutes after the alarm, while still held */
    trail: PositionView[];
    /** the handling steps and their moments (who handled it and their notes are not included) */
    steps: { at: string; state: string }[];
  }[];
  incidents: {
    occurredAt: string;
    outcome: string | null;
    summary: string;
    alarmId: string | null;
    recordedAt: string;
  }[];
  tasks: { kind: string; dueAt: string; doneAt: string | null; createdAt: string; assignee: string | null }[];
  privacyRequests: PrivacyRequestView[];
  /** every read and change of her case record, from the audit log, including this export */
  accessLog: {
    at: string;
    action: string;
    access: 'read' | 'write';
    who: string;
    organisation: string | null;
    reason: string | null;
  }[];
}

export interface PrivacyRequestView {
  id: string;
  kind: repo.PrivacyRequestKind;
  receivedAt: string;
  /** one calendar month after receipt (article 12(3)); may be extended by two months with notice */
  answerDueAt: string;
  description: string;
  decision: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  createdBy: string;
  createdAt: string;
}

export const PERPETRATOR_STATEMENT =
  'Gegevens over de pleger maken geen deel uit van dit overzicht. Alleen de verboden die de pleger zijn ' +
  'opgelegd ter bescherming van cliënt (contact- en gebiedsverbod) zijn opgenomen, omdat die haar betreffen.';

export const EXPORT_NOTES = [
  'Dit overzicht bevat alle gegevens die het AWARE-platform over cliënt bewaart in dit dossier ' +
    '(artikel 15 Algemene verordening gegevensbescherming).',
  PERPETRATOR_STATEMENT,
  'Posities worden alleen bij meldingen bewaard en na de bewaartermijn gewist; wat gewist is, staat hier niet meer in.',
  'Wie een melding behandelde en de werkaantekeningen van alarmcentrale en politie zijn niet opgenomen; ' +
    'de politie beantwoordt verzoeken over haar eigen gegevens zelf (Wet politiegegevens).',
  'De ruwe technische berichten van de alarmknop zijn versleuteld bewaard en bevatten dezelfde melding en positie ' +
    'als hieronder; een kopie is op verzoek beschikbaar.',
  'Medewerkers worden genoemd met naam en organisatie, zonder e-mailadres.',
];

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d == null ? null : iso(d));

/** One calendar month after `received` (clamped to the month's last day: 31 jan → 28/29 feb). */
export function answerDue(received: Date): Date {
  const due = new Date(received);
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + 1);
  const last = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, last));
  return due;
}

export function requestView(secrets: SecretBox, row: repo.PrivacyRequestRow): PrivacyRequestView {
  return {
    id: row.id,
    kind: row.kind,
    receivedAt: iso(row.receivedAt),
    answerDueAt: answerDue(new Date(row.receivedAt)).toISOString(),
    description: secrets.open(row.descriptionSealed),
    decision: row.decisionSealed ? secrets.open(row.decisionSealed) : null,
    decidedAt: isoOrNull(row.decidedAt),
    decidedBy: row.decidedBy,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
  };
}

/** Reads everything about the client of `caseId` (inside the caller's transaction) and opens what is sealed. */
export async function collectExport(
  db: Queryable,
  secrets: SecretBox,
  caseId: string,
  meta: { generatedAt: Date; preparedFor: string },
): Promise<DataSubjectExport> {
  const open = (sealed: string | null) => (sealed ? secrets.open(sealed) : null);
  const found = await repo.loadCase(db, caseId);
  if (!found) throw new Error(`case ${caseId} vanished during the export`);
  // one after the other: a transaction is one connection, and PGlite runs one statement at a time anyway
  const client = await repo.loadClient(db, caseId);
  const children = await repo.loadChildren(db, caseId);
  const bans = await repo.loadBans(db, caseId);
  const agreements = await repo.loadAgreements(db, caseId);
  const devices = await repo.loadDeviceAssignments(db, caseId);
  const alarms = await repo.loadAlarms(db, caseId);
  const incidents = await repo.loadIncidents(db, caseId);
  const tasks = await repo.loadTasks(db, caseId);
  const requests = await repo.listPrivacyRequests(db, caseId);
  const accessLog = await repo.loadCaseAccessLog(db, caseId);

  return {
    about: {
      format: 'aware.data-subject-export',
      version: 1,
      generatedAt: meta.generatedAt.toISOString(),
      preparedFor: meta.preparedFor,
      organisation: found.organisationName,
      caseReference: found.reference,
      notes: EXPORT_NOTES,
    },
    client: client
      ? {
          name: client.name,
          language: client.language,
          phone: open(client.phoneSealed),
          address: open(client.addressSealed),
          photo: open(client.photoSealed),
        }
      : null,
    children: children.map((c) => ({ firstName: c.firstName, birthYear: c.birthYear })),
    bans: bans.map((b) => ({ kind: b.kind, description: b.description })),
    safetyPlanAgreements: agreements,
    perpetratorData: { included: false, statement: PERPETRATOR_STATEMENT },
    case: {
      reference: found.reference,
      status: found.status,
      targetGroup: found.targetGroup,
      region: found.regionName,
      organisation: found.organisationName,
      caseworker: found.caseworkerName,
      createdAt: iso(found.createdAt),
      decidedAt: isoOrNull(found.decidedAt),
      testAlarmAt: isoOrNull(found.testAlarmAt),
    },
    devices: devices.map((d) => ({
      vendor: d.vendor,
      model: d.model,
      serial: d.serial,
      assignedAt: iso(d.assignedAt),
      returnedAt: isoOrNull(d.unassignedAt),
      current: d.current,
      lastSeenAt: d.current ? isoOrNull(d.lastSeenAt) : null,
      lastKnownPosition: d.current ? openPosition(secrets, d.lastPositionSealed) : null,
    })),
    alarms: alarms.alarms.map((a) => ({
      id: a.id,
      kind: a.kind,
      test: a.isTest,
      state: a.state,
      occurredAt: isoOrNull(a.occurredAt),
      receivedAt: iso(a.receivedAt),
      resolvedAt: isoOrNull(a.resolvedAt),
      outcome: a.outcome,
      outcomeNote: a.outcomeNote,
      deviceSerial: a.deviceSerial,
      position: openPosition(secrets, a.positionSealed),
      trail: alarms.trail
        .filter((t) => t.alarmId === a.id)
        .map((t) => ({ ...openPosition(secrets, t.positionSealed)!, at: iso(t.at) })),
      steps: alarms.steps.filter((s) => s.alarmId === a.id).map((s) => ({ at: iso(s.at), state: s.toState })),
    })),
    incidents: incidents.map((i) => ({
      occurredAt: iso(i.occurredAt),
      outcome: i.outcome,
      summary: i.summary,
      alarmId: i.alarmId,
      recordedAt: iso(i.createdAt),
    })),
    tasks: tasks.map((t) => ({
      kind: t.kind,
      dueAt: iso(t.dueAt),
      doneAt: isoOrNull(t.doneAt),
      createdAt: iso(t.createdAt),
      assignee: t.assignee,
    })),
    privacyRequests: requests.map((r) => requestView(secrets, r)),
    accessLog: accessLog.map((e) => ({
      at: iso(e.at),
      action: e.action,
      access: e.access,
      who:
        e.displayName ??
        (e.actorLabel === 'system' || e.actorLabel === 'demo-seed' ? 'systeem' : e.actorLabel),
      organisation: e.organisations,
      reason: e.reason,
    })),
  };
}
