import type { Queryable } from '../db/index.ts';

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

export interface TimelineEntry {
  caseId: string;
  kind: TimelineKind;
  /** short, human; no address, phone or position (those stay in the record it points to) */
  summary: string;
  actorLabel: string;
  refType?: string;
  refId?: string;
  at?: Date;
}

/** Appends to the case's chronology inside the caller's transaction, so the entry exists iff the change does. */
export async function recordOnTimeline(tx: Queryable, e: TimelineEntry): Promise<void> {
  await tx.query(
    `insert into case_timeline (case_id, kind, summary, actor_label, ref_type, ref_id, at)
     values ($1, $2, $3, $4, $5, $6, coalesce($7, now()))`,
    [e.caseId, e.kind, e.summary, e.actorLabel, e.refType ?? null, e.refId ?? null, e.at ?? null],
  );
}
