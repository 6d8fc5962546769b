import type { RequestContext } from '../../context.ts';
import { forbidden, invalid } from '../../errors.ts';
import { notify } from '../../inbox/notification-repository.ts';
import { bumpVersion } from '../case-access.ts';
import { recordOnTimeline } from '../timeline.ts';
import { dutchDay } from '../working-days.ts';
import { auditWrite, type IntakeDeps, openForEdit, requireStatus } from './case-edit.ts';
import {
  assignCaseworker,
  caseworkersAmong,
  hasPerpetrator,
  isContractPdf,
  recordContractSigned,
  recordPrivacyStatementHanded,
  recordSignalementSent,
} from './repository.ts';

/** Phase 2: the executing organisation assigns a caseworker and connects the client. */
export function connectionCommands({ db }: IntakeDeps) {
  return {
    /** The coordinator assigns the fixed caseworker (and the case director, by default the same person). */
    async assignCaseworker(
      ctx: RequestContext,
      caseId: string,
      input: { caseworkerId: string; caseDirectorId?: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(db, tx, ctx, caseId, input.version);
        if (
          !ctx.actor.grants.some((g) => g.role === 'coordinator' && g.organisationId === c.organisationId)
        ) {
          throw forbidden(
            'only a coordinator of the executing organisation assigns',
            'assign.coordinatorOnly',
          );
        }
        requireStatus(
          c,
          ['referral', 'screening', 'decision', 'connecting', 'active', 'evaluation'],
          'assigning',
        );
        const people = await caseworkersAmong(
          tx,
          [input.caseworkerId, input.caseDirectorId ?? input.caseworkerId],
          c.organisationId,
        );
        const worker = people.find((p) => p.id === input.caseworkerId);
        if (!worker)
          throw invalid(
            'caseworkerId',
            'is not a caseworker of the executing organisation',
            'assign.notCaseworker',
          );
        const directorId = input.caseDirectorId ?? input.caseworkerId;
        if (!people.some((p) => p.id === directorId)) {
          throw invalid(
            'caseDirectorId',
            'is not a caseworker of the executing organisation',
            'assign.notCaseworker',
          );
        }
        await assignCaseworker(tx, caseId, input.caseworkerId, directorId);
        await notify(tx, { userId: input.caseworkerId, kind: 'case.assigned', caseId });
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'team',
          summary: `Hulpverlener toegewezen: ${worker.name}`,
          message: { code: 'caseworkerAssigned', params: { name: worker.name } },
          actorLabel: ctx.actor.label,
        });
        await auditWrite(tx, ctx, c, 'case.assign', {
          caseworkerId: input.caseworkerId,
          caseDirectorId: directorId,
        });
        return { version };
      });
    },

    async recordSignalement(
      ctx: RequestContext,
      caseId: string,
      input: { recipient: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(db, tx, ctx, caseId, input.version, 'case.connect');
        requireStatus(c, ['connecting', 'active', 'evaluation'], 'sending the signalement');
        if (!(await hasPerpetrator(tx, caseId)))
          throw invalid(
            'recipient',
            'there is no perpetrator description to send',
            'signalement.noPerpetrator',
          );
        await recordSignalementSent(tx, caseId, input.recipient);
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'signalement',
          summary: `Signalement verstuurd aan ${input.recipient}`,
          message: { code: 'signalementSent', params: { recipient: input.recipient } },
          actorLabel: ctx.actor.label,
        });
        await auditWrite(tx, ctx, c, 'case.signalement', { recipient: input.recipient });
        return { version };
      });
    },

    async recordContract(
      ctx: RequestContext,
      caseId: string,
      input: { signedOn: string; documentId: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(db, tx, ctx, caseId, input.version, 'case.connect');
        requireStatus(c, ['connecting', 'active', 'evaluation'], 'recording the contract');
        if (!(await isContractPdf(tx, input.documentId, caseId)))
          throw invalid('documentId', 'is not a signed contract (PDF) of this case', 'contract.notSignedPdf');
        if (input.signedOn > dutchDay(new Date()))
          throw invalid('signedOn', 'lies in the future', 'date.future');
        await recordContractSigned(tx, caseId, input.signedOn);
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'contract',
          summary: `Gebruikerscontract getekend op ${input.signedOn}`,
          message: { code: 'contractSigned', params: { date: input.signedOn } },
          actorLabel: ctx.actor.label,
          refType: 'case_document',
          refId: input.documentId,
        });
        await auditWrite(tx, ctx, c, 'case.contract', { documentId: input.documentId });
        return { version };
      });
    },

    async recordPrivacyStatement(
      ctx: RequestContext,
      caseId: string,
      input: { handedOn: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(db, tx, ctx, caseId, input.version, 'case.connect');
        requireStatus(c, ['connecting', 'active', 'evaluation'], 'recording the privacy statement');
        if (input.handedOn > dutchDay(new Date()))
          throw invalid('handedOn', 'lies in the future', 'date.future');
        await recordPrivacyStatementHanded(tx, caseId, input.handedOn);
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'document',
          summary: `Privacyverklaring uitgereikt op ${input.handedOn}`,
          message: { code: 'privacyStatement', params: { date: input.handedOn } },
          actorLabel: ctx.actor.label,
        });
        await auditWrite(tx, ctx, c, 'case.privacy_statement');
        return { version };
      });
    },
  };
}
