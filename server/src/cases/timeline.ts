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
  await tx.query(
    `insert into case_timeline (case_id, kind, summary, actor_label, ref_type, ref_id, at, summary_code, summary_params)
     values ($1, $2, $3, $4, $5, $6, coalesce($7, now()), $8, $9::jsonb)`,
    [
      e.caseId,
      e.kind,
      e.summary,
      e.actorLabel,
      e.refType ?? null,
      e.refId ?? null,
      e.at ?? null,
      e.message?.code ?? null,
      e.message ? JSON.stringify(e.message.params ?? {}) : null,
    ],
  );
}

/** Appends several entries in one statement, in their order (a batch of alarms); same rules as above. */
export async function recordManyOnTimeline(tx: Queryable, entries: TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `insert into case_timeline (case_id, kind, summary, actor_label, ref_type, ref_id, at, summary_code, summary_params)
     select case_id, kind, summary, actor_label, ref_type, ref_id, coalesce(at, now()), summary_code, summary_params::jsonb
     from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[],
                 $9::text[]) with ordinality
          as e(case_id, kind, summary, actor_label, ref_type, ref_id, at, summary_code, summary_params, n)
     order by n`,
    [
      entries.map((e) => e.caseId),
      entries.map((e) => e.kind),
      entries.map((e) => e.summary),
      entries.map((e) => e.actorLabel),
      entries.map((e) => e.refType ?? null),
      entries.map((e) => e.refId ?? null),
      entries.map((e) => e.at ?? null),
      entries.map((e) => e.message?.code ?? null),
      entries.map((e) => (e.message ? JSON.stringify(e.message.params ?? {}) : null)),
    ],
  );
}
