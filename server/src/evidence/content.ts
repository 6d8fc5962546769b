import type { AuditFields } from '../audit/leaf.ts';
/** A signed audit checkpoint as a bundle carries it: plain JSON, its time an ISO string to the millisecond. */
export interface BundledCheckpoint {
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/**
 * What an evidence bundle says about one alarm. Every time is an ISO 8601 instant in UTC to the millisecond;
 * the PDF shows the same instants in Dutch time (Europe/Amsterdam). Field names are part of the bundle format
 * (`aware-evidence-bundle/1`): change them only with a new format version.
 */
export interface EvidenceContent {
  type: 'aware.alarm-evidence';
  version: 1;
  exportedAt: string;
  exportedBy: Person;
  alarm: AlarmRecord;
  /** later presses of the same button folded into this alarm: one situation, handled once */
  repeats: AlarmRecord[];
  /** every step of the alarm and its repeats, in the order written */
  steps: Step[];
  /** where the button was: with the alarm and in the tracking window after it */
  positions: PositionRecord[];
  /** who read what about this alarm: the linked case information while handling it, earlier exports */
  views: View[];
  audit: AuditEvidence;
  /** the Dutch PDF carried beside the content in the same bundle */
  pdf: { fileName: string; sha256: string; bytes: number };
}

export interface Person {
  kind: 'person' | 'device' | 'system';
  /** the audit log's label: an e-mail address, `device:<account>`, or a part of the system */
  label: string;
  /** a person's display name, the button's label, or null */
  name: string | null;
}

export interface AlarmRecord {
  id: string;
  kind: string;
  isTest: boolean;
  state: string;
  outcome: string | null;
  outcomeNote: string | null;
  region: string;
  deviceLabel: string;
  deviceAccount: string;
  caseReference: string | null;
  /** protocol event code, e.g. "SIA PA" */
  code: string | null;
  text: string | null;
  batteryPercent: number | null;
  escalationLevel: number;
  receipt: Receipt;
  resolvedAt: string | null;
}

export interface Receipt {
  /** the protocol the frame came in on, as the audit entry of the receipt recorded it */
  protocol: string | null;
  /** the frame exactly as received (DC-09: CRC, length and message between LF and CR, encrypted part as sent); null for system alarms */
  rawFrame: string | null;
  /** the protocol's sequence number (DC-09 SEQ, vendor event id) */
  sequence: string | null;
  /** the time the device put in the frame, if any */
  occurredAt: string | null;
  /** when the receiver had the frame */
  receivedAt: string;
  /** when the alarm was committed to the database (acknowledged after this) */
  committedAt: string;
}

export interface Step {
  alarmId: string;
  at: string;
  actor: Person;
  from: string | null;
  to: string;
  note: string | null;
}

export interface PositionRecord {
  alarmId: string;
  source: 'alarm' | 'tracking';
  at: string;
  lat: number;
  lon: number;
  accuracy: number | null;
  altitude: number | null;
}

export interface View {
  at: string;
  actor: Person;
  action: string;
  /** the audit entry (sequence number) that records this read */
  auditSeq: number;
}

export interface AuditEvidence {
  /** how each entry's leaf is hashed, so that a verifier can recompute it from the entry */
  leafFormat: string;
  entries: AuditEvidenceEntry[];
  /** the signed checkpoint the proofs lead to; null when none covered the entries at export */
  checkpoint: BundledCheckpoint | null;
}

export interface AuditEvidenceEntry {
  seq: number;
  /** the actor's display name at export (not part of the logged entry) */
  actorName: string | null;
  /** the logged entry, field for field as its leaf hash covers it */
  entry: AuditEntryFields;
  /** position in the audit Merkle tree and the audit path to the checkpoint's root; null when not yet covered */
  leafIndex: number | null;
  proof: string[] | null;
}

/** An audit entry's fields as a bundle carries them: its time an ISO string to the millisecond. */
export type AuditEntryFields = Omit<AuditFields, 'at'> & { at: string };
