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
