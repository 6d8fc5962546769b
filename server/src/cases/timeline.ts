import type { Queryable } from '../db/index.ts';
import { insertTimelineEntries, insertTimelineEntry } from './timeline-repository.ts';

/** Every kind of entry on a case's timeline. */
export type TimelineKind =
  | 'transition'
  | 'referral'
  | 'contribution'
  | 'risk_assessment'
  | 'screening'
  | 'decision'
  | 'team'
  | 'deadline'
  | 'signalement'
  | 'device'
  | 'test_alarm'
  | 'document'
  | 'contract'
  | 'conversation'
  | 'safety_plan'
  | 'form'
  | 'incident_log'
  | 'support_referral'
  | 'meeting'
  | 'task'
  | 'alarm'
  | 'incident'
  | 'evaluation'
  | 'goal'
  | 'extension'
  | 'closure';

/** Parameters of a message: codes (statuses, kinds), ISO dates, numbers and names; rendered by the web. */
export type MessageParams = Record<string, string | number | boolean | null>;

/** A server-made text as a code with parameters, rendered in the reader's language (web: `case.timeline.msg.<code>`). */
export interface TimelineMessage {
  code: string;
  params?: MessageParams;
}

export interface TimelineEntry {
  caseId: string;
  kind: TimelineKind;
  /** short, human, Dutch; no address, phone or position (those stay in the record it points to) — the
   *  fallback for readers without the message below (exports, entries made before codes) */
  summary: string;
  /** the same text as a code with parameters; the web shows this in the reader's language */
  message?: TimelineMessage;
  actorLabel: string;
  refType?: string;
  refId?: string;
  at?: Date;
}

/** Appends to the case's chronology inside the caller's transaction, so the entry exists iff the change does. */
export async function recordOnTimeline(tx: Queryable, e: TimelineEntry): Promise<void> {
  await insertTimelineEntry(tx, e);
}

/** Appends several entries in one statement, in their order (a batch of alarms); same rules as above. */
export async function recordManyOnTimeline(tx: Queryable, entries: TimelineEntry[]): Promise<void> {
  await insertTimelineEntries(tx, entries);
}
