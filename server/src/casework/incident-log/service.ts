import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/index.ts';
import { type FieldError, notFound } from '../../errors.ts';
import { auditWrite, readInCase, userIdOf, writeInCase } from '../access.ts';
import { keepCorrection } from '../corrections/record.ts';
import { withCorrections } from '../corrections/repository.ts';
import { caseLife, refuseIf } from '../plausible/life.ts';
import { checkIncidentDescription, checkIncidentMoment } from '../plausible/rules.ts';
import { renderIncidentLogPdf } from './pdf.ts';
import * as repo from './repository.ts';

export type { IncidentLogRow } from './repository.ts';

export interface IncidentLogInput {
  occurredOn: string;
  /** HH:MM; absent or null when she does not know the time */
  occurredTime?: string | null;
  whatHappened: string;
  place?: string | null;
  witnesses?: string | null;
  evidenceDocumentIds?: string[];
  reportedToPolice: boolean;
  policeReportNumber?: string | null;
}

export type IncidentCorrectionInput = Omit<IncidentLogInput, 'evidenceDocumentIds'> & { reason: string };

/** The values as they will be stored, and what is implausible about them. */
async function normalise(
  tx: Queryable,
  caseId: string,
  input: Omit<IncidentLogInput, 'evidenceDocumentIds'>,
) {
  const values = {
    occurredOn: input.occurredOn,
    occurredTime: input.occurredTime?.trim() || null,
    whatHappened: input.whatHappened.trim(),
    place: input.place?.trim() || null,
    witnesses: input.witnesses?.trim() || null,
    reportedToPolice: input.reportedToPolice,
    policeReportNumber: input.policeReportNumber?.trim() || null,
  };
  const errors: FieldError[] = [
    ...checkIncidentMoment(values.occurredOn, values.occurredTime, await caseLife(tx, caseId)),
    ...checkIncidentDescription(values.whatHappened),
  ];
  if (values.policeReportNumber && !values.reportedToPolice)
    errors.push({
      field: 'policeReportNumber',
      code: 'incident.numberWithoutReport',
      message: 'only an incident reported to the police has a report number',
    });
  return { values, errors };
}

const listWithHistory = async (tx: Queryable, caseId: string) =>
  withCorrections(tx, caseId, 'incident_log_entry', await repo.listEntries(tx, caseId));

export function createIncidentLogService(db: Database) {
  return {
    list(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.care.read', 'incident_log', (tx) =>
        listWithHistory(tx, caseId),
      );
    },

    add(ctx: RequestContext, caseId: string, input: IncidentLogInput) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        const { values, errors } = await normalise(tx, caseId, input);
        const evidence = [...new Set(input.evidenceDocumentIds ?? [])];
        if (evidence.length > 0) {
          // evidence is a document of this very case (the document store keeps the bytes)
          if ((await repo.countCaseDocuments(tx, caseId, evidence)) !== evidence.length)
            errors.push({
              field: 'evidenceDocumentIds',
              code: 'incident.evidenceNotInCase',
              message: 'names a document that is not in this case',
            });
        }
        refuseIf(errors);
        const id = await repo.insertEntry(tx, {
          caseId,
          ...values,
          evidence,
          source: 'caseworker',
          by: userIdOf(ctx),
        });
        await auditWrite(tx, ctx, 'incident_log.add', 'incident_log_entry', id, caseId, {
          reportedToPolice: values.reportedToPolice,
          evidence: evidence.length,
          timeKnown: values.occurredTime !== null,
        });
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'incident_log',
          summary: `incident in logboek${values.reportedToPolice ? ' (aangifte gedaan)' : ''}`,
          message: { code: values.reportedToPolice ? 'incidentLogReported' : 'incidentLog' },
          actorLabel: ctx.actor.label,
          refType: 'incident_log_entry',
          refId: id,
        });
        return (await listWithHistory(tx, caseId)).find((e) => e.id === id)!;
      });
    },

    /** Corrects an entry with a reason; what it said before stays in its history. */
    correct(ctx: RequestContext, caseId: string, entryId: string, input: IncidentCorrectionInput) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        const current = (await repo.listEntries(tx, caseId)).find((e) => e.id === entryId);
        if (!current) throw notFound('incident');
        const { values, errors } = await normalise(tx, caseId, input);
        const before = Object.fromEntries(repo.CORRECTABLE.map((k) => [k, current[k]]));
        await keepCorrection(tx, ctx, {
          caseId,
          recordType: 'incident_log_entry',
          recordId: entryId,
          before,
          after: values,
          reason: input.reason,
          extraErrors: errors,
        });
        await repo.updateEntry(tx, entryId, values);
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'incident_log',
          summary: 'incident in logboek gecorrigeerd',
          actorLabel: ctx.actor.label,
          refType: 'incident_log_entry',
          refId: entryId,
        });
        return (await listWithHistory(tx, caseId)).find((e) => e.id === entryId)!;
      });
    },

    /** The whole log as a chronological PDF for a police report, in her language, with the case reference. */
    pdf(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.care.read', 'incident_log.print', async (tx, c) => {
        const language = await repo.clientLanguage(tx, caseId);
        return renderIncidentLogPdf(language ?? 'nl', c.reference, await repo.listEntries(tx, caseId));
      });
    },
  };
}

export type IncidentLogService = ReturnType<typeof createIncidentLogService>;
