import type { Queryable } from '../db/index.ts';

/** A timeline entry as stored (timeline.ts types its kinds and messages). */
export interface TimelineRow {
  caseId: string;
  kind: string;
  summary: string;
  actorLabel: string;
  refType?: string;
  refId?: string;
  at?: Date;
  message?: { code: string; params?: Record<string, unknown> };
}

export async function insertTimelineEntry(tx: Queryable, e: TimelineRow): Promise<void> {
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

/** Several entries in one statement, in their order. */
export async function insertTimelineEntries(tx: Queryable, entries: TimelineRow[]): Promise<void> {
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
