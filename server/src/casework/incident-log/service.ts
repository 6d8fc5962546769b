import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/index.ts';
import { invalid } from '../../errors.ts';
import { auditWrite, readInCase, userIdOf, writeInCase } from '../access.ts';
import { renderIncidentLogPdf } from './pdf.ts';

export interface IncidentLogInput {
  occurredAt: string;
  whatHappened: string;
  place?: string | null;
  witnesses?: string | null;
  evidenceDocumentIds?: string[];
  reportedToPolice: boolean;
  policeReportNumber?: string | null;
}

export interface IncidentLogRow {
  id: string;
  occurredAt: Date;
  whatHappened: string;
  place: string | null;
  witnesses: string | null;
  evidenceDocumentIds: string[];
  evidence: { id: string; fileName: string }[];
  reportedToPolice: boolean;
  policeReportNumber: string | null;
  author: string | null;
  createdAt: Date;
}

/** Chronological, oldest first: the order a police report reads. Evidence names come from case_documents. */
async function listEntries(db: Queryable, caseId: string): Promise<IncidentLogRow[]> {
  const r = await db.query<IncidentLogRow>(
    `select e.id, e.occurred_at as "occurredAt", e.what_happened as "whatHappened", e.place, e.witnesses,
            e.evidence_document_ids as "evidenceDocumentIds",
            coalesce((select json_agg(json_build_object('id', d.id, 'fileName', d.file_name) order by d.uploaded_at)
                      from case_documents d where d.id = any(e.evidence_document_ids)), '[]'::json) as evidence,
            e.reported_to_police as "reportedToPolice", e.police_report_number as "policeReportNumber",
            u.display_name as author, e.created_at as "createdAt"
     from incident_log_entries e left join users u on u.id = e.created_by
     where e.case_id = $1 order by e.occurred_at, e.created_at`,
    [caseId],
  );
  return r.rows;
}

export function createIncidentLogService(db: Database) {
  return {
    list(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.care.read', 'incident_log', (tx) => listEntries(tx, caseId));
    },

    add(ctx: RequestContext, caseId: string, input: IncidentLogInput) {
      if (new Date(input.occurredAt).getTime() > Date.now() + 60_000)
        throw invalid('occurredAt', 'lies in the future');
      const number = input.policeReportNumber?.trim() || null;
      if (number && !input.reportedToPolice)
        throw invalid('policeReportNumber', 'only an incident reported to the police has a report number');
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        const evidence = [...new Set(input.evidenceDocumentIds ?? [])];
        if (evidence.length > 0) {
          // evidence is a document of this very case (the document store keeps the bytes)
          const found = await tx.query<{ n: number }>(
            'select count(*)::int as n from case_documents where case_id = $1 and id = any($2::uuid[])',
            [caseId, evidence],
          );
          if (found.rows[0]!.n !== evidence.length)
            throw invalid('evidenceDocumentIds', 'names a document that is not in this case');
        }
        const r = await tx.query<{ id: string }>(
          `insert into incident_log_entries (case_id, occurred_at, what_happened, place, witnesses, evidence_document_ids,
             reported_to_police, police_report_number, created_by)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
          [
            caseId,
            input.occurredAt,
            input.whatHappened.trim(),
            input.place?.trim() || null,
            input.witnesses?.trim() || null,
            evidence,
            input.reportedToPolice,
            number,
            userIdOf(ctx),
          ],
        );
        const id = r.rows[0]!.id;
        await auditWrite(tx, ctx, 'incident_log.add', 'incident_log_entry', id, caseId, {
          reportedToPolice: input.reportedToPolice,
          evidence: evidence.length,
        });
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'incident_log',
          summary: `incident in logboek${input.reportedToPolice ? ' (aangifte gedaan)' : ''}`,
          message: { code: input.reportedToPolice ? 'incidentLogReported' : 'incidentLog' },
          actorLabel: ctx.actor.label,
          refType: 'incident_log_entry',
          refId: id,
        });
        return (await listEntries(tx, caseId)).find((e) => e.id === id)!;
      });
    },

    /** The whole log as a chronological PDF for a police report, in her language. */
    pdf(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.care.read', 'incident_log.print', async (tx) => {
        const language = await tx.query<{ language: string | null }>(
          'select language from clients where case_id = $1',
          [caseId],
        );
        return renderIncidentLogPdf(language.rows[0]?.language ?? 'nl', await listEntries(tx, caseId));
      });
    },
  };
}

export type IncidentLogService = ReturnType<typeof createIncidentLogService>;
