import { audit } from '../audit/index.ts';
import { findCase } from '../cases/repository.ts';
import type { RequestContext } from '../context.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import type { Database, Queryable } from '../db/index.ts';
import { conflict, DomainError, invalid, notFound } from '../errors.ts';
import { requireExecutingOrganisation } from './access.ts';
import { collectExport, type DataSubjectExport, type PrivacyRequestView, requestView } from './export.ts';
import { isoDay } from './labels.ts';
import { renderExportPdf } from './pdf.ts';
import * as repo from './repository.ts';

export type ExportFormat = 'json' | 'pdf';

export type ExportResult =
  | { format: 'json'; filename: string; data: DataSubjectExport }
  | { format: 'pdf'; filename: string; bytes: Uint8Array };

/** The reason every export is audited with. */
export const EXPORT_REASON = 'data-subject request';

export function createPrivacyService(db: Database, secrets: SecretBox, clock: () => Date = () => new Date()) {
  /** The case, after both access checks (404 when the caller may not see it; 403 when not executing). */
  async function caseFor(
    tx: Queryable,
    ctx: RequestContext,
    caseId: string,
    action: 'case.read' | 'case.write',
  ) {
    const found = await findCase(tx, caseId);
    if (!found) throw notFound('case');
    requireExecutingOrganisation(ctx.actor, action, {
      regionId: found.regionId,
      organisationId: found.organisationId,
      caseTeam: found.team,
      parties: found.parties,
    });
    return found;
  }

  return {
    /**
     * Everything the platform holds about the client of the case, as JSON or as a Dutch PDF. The audit entry
     * is written first, in the same transaction, so the export lists itself in its access log and no export
     * leaves without its entry.
     */
    async exportCase(ctx: RequestContext, caseId: string, format: ExportFormat): Promise<ExportResult> {
      return db.transaction(async (tx) => {
        const found = await caseFor(tx, ctx, caseId, 'case.read');
        await audit(tx, ctx, {
          action: 'case.data_subject_export',
          access: 'read',
          recordType: 'case',
          recordId: caseId,
          reason: EXPORT_REASON,
          details: { format },
        });
        const now = clock();
        const preparedFor = (await repo.displayNameOf(tx, ctx.actor.id!)) ?? ctx.actor.label;
        const data = await collectExport(tx, secrets, caseId, { generatedAt: now, preparedFor });
        const base = `inzage-${found.reference.replace(/[^A-Za-z0-9-]/g, '_')}-${isoDay(now)}`;
        if (format === 'json') return { format, filename: `${base}.json`, data };
        return { format, filename: `${base}.pdf`, bytes: await renderExportPdf(data) };
      });
    },

    async listRequests(ctx: RequestContext, caseId: string): Promise<PrivacyRequestView[]> {
      return db.transaction(async (tx) => {
        await caseFor(tx, ctx, caseId, 'case.read');
        const rows = await repo.listPrivacyRequests(tx, caseId);
        await audit(tx, ctx, {
          action: 'case.privacy_requests.list',
          access: 'read',
          recordType: 'case',
          recordId: caseId,
          details: { count: rows.length },
        });
        return rows.map((r) => requestView(secrets, r));
      });
    },

    async createRequest(
      ctx: RequestContext,
      caseId: string,
      input: { kind: repo.PrivacyRequestKind; description: string; receivedAt?: string },
    ): Promise<PrivacyRequestView> {
      return db.transaction(async (tx) => {
        await caseFor(tx, ctx, caseId, 'case.write');
        const now = clock();
        const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
        if (receivedAt.getTime() > now.getTime() + 60_000) {
          throw invalid('receivedAt', 'lies in the future', 'date.future');
        }
        const id = await repo.insertPrivacyRequest(tx, {
          caseId,
          kind: input.kind,
          receivedAt,
          descriptionSealed: secrets.seal(input.description.trim()),
          createdBy: ctx.actor.id!,
        });
        await audit(tx, ctx, {
          action: 'case.privacy_request.create',
          access: 'write',
          recordType: 'case',
          recordId: caseId,
          details: { requestId: id, kind: input.kind },
        });
        return requestView(secrets, (await repo.findPrivacyRequest(tx, id))!);
      });
    },

    /** One decision per request; a second attempt is 409, so a decision cannot be silently overwritten. */
    async decide(
      ctx: RequestContext,
      requestId: string,
      input: { decision: string },
    ): Promise<PrivacyRequestView> {
      return db.transaction(async (tx) => {
        const request = await repo.findPrivacyRequest(tx, requestId);
        if (!request) throw notFound('privacy request');
        // the request id is the record here: whoever may not decide it is not told that it exists
        await caseFor(tx, ctx, request.caseId, 'case.write').catch((error: unknown) => {
          throw error instanceof DomainError && error.status === 403 ? notFound('privacy request') : error;
        });
        const recorded = await repo.recordDecision(tx, requestId, {
          decisionSealed: secrets.seal(input.decision.trim()),
          decidedBy: ctx.actor.id!,
          decidedAt: clock(),
        });
        if (!recorded)
          throw conflict(
            'a decision on this request has already been recorded',
            'privacy.alreadyDecided',
            'decision',
          );
        await audit(tx, ctx, {
          action: 'case.privacy_request.decide',
          access: 'write',
          recordType: 'case',
          recordId: request.caseId,
          details: { requestId, kind: request.kind },
        });
        return requestView(secrets, (await repo.findPrivacyRequest(tx, requestId))!);
      });
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
