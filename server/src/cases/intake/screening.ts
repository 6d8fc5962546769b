import type { RequestContext } from '../../context.ts';
import { invalid } from '../../errors.ts';
import { bumpVersion, openCase } from '../case-access.ts';
import type { ScreeningItem } from '../decision-rules.ts';
import { INSTRUMENT_NL } from '../labels.ts';
import type { CaseStatus } from '../status.ts';
import { recordOnTimeline } from '../timeline.ts';
import { applyTransition } from '../transitions.ts';
import { dutchDay } from '../working-days.ts';
import {
  addDecisionParties,
  auditWrite,
  type IntakeDeps,
  openForEdit,
  requireStatus,
  userId,
} from './case-edit.ts';
import { insertContribution, insertRiskAssessment, isCaseDocument, saveScreeningItem } from './repository.ts';

/** Statuses every writing party may move a case to: the intake up to the joint decision. */
const INTAKE_STATUSES: ReadonlySet<CaseStatus> = new Set(['screening', 'decision']);

/** Phase 1, continued: the parties screen the case, add what they know, and bring it to the joint decision. */
export function screeningCommands({ db }: IntakeDeps) {
  return {
    /** Moves the case along the status machine; the reason for a refusal is the machine's. */
    async transition(
      ctx: RequestContext,
      caseId: string,
      input: { to: CaseStatus; rationale: string; version: number },
    ) {
      return db.transaction(async (tx) => {
        // the parties prepare the joint decision together; after it the executing organisation moves the case
        const action = INTAKE_STATUSES.has(input.to) ? 'case.write' : 'case.connect';
        const c = await openForEdit(db, tx, ctx, caseId, input.version, action);
        if (input.to === 'connecting' || input.to === 'rejected') {
          throw invalid(
            'to',
            'a case is granted or rejected by registering the joint decision',
            'case.decideByDecision',
          );
        }
        if (input.to === 'decision') await addDecisionParties(tx, c);
        const moved = await applyTransition(tx, ctx, c, input.to, input.rationale);
        await auditWrite(tx, ctx, c, 'case.transition', { from: c.status, to: input.to });
        return { status: moved.status, version: moved.version };
      });
    },

    async recordScreening(
      ctx: RequestContext,
      caseId: string,
      input: { version: number; items: { item: ScreeningItem; holds: boolean; note?: string }[] },
    ) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(db, tx, ctx, caseId, input.version);
        requireStatus(c, ['referral', 'screening'], 'screening');
        const seen = new Set<string>();
        for (const [i, item] of input.items.entries()) {
          if (seen.has(item.item)) throw invalid(`items/${i}/item`, 'is given twice', 'screening.itemTwice');
          seen.add(item.item);
          await saveScreeningItem(tx, caseId, {
            item: item.item,
            holds: item.holds,
            note: item.note?.trim() || null,
            assessedBy: userId(ctx),
          });
        }
        const version = await bumpVersion(tx, caseId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'screening',
          summary: `Screening bijgewerkt (${input.items.length} punten)`,
          message: { code: 'screening', params: { count: input.items.length } },
          actorLabel: ctx.actor.label,
        });
        await auditWrite(tx, ctx, c, 'case.screening', { items: input.items.length });
        return { version };
      });
    },

    async addContribution(ctx: RequestContext, caseId: string, input: { body: string }) {
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, caseId, 'case.write');
        const grant =
          ctx.actor.grants.find((g) => c.parties.includes(g.organisationId)) ?? ctx.actor.grants[0];
        const id = await insertContribution(tx, {
          caseId,
          organisationId: grant?.organisationId ?? null,
          authorId: userId(ctx),
          body: input.body,
        });
        await recordOnTimeline(tx, {
          caseId,
          kind: 'contribution',
          summary: 'Informatie toegevoegd door een ketenpartner',
          message: { code: 'contribution' },
          actorLabel: ctx.actor.label,
          refType: 'case_contribution',
          refId: id,
        });
        await auditWrite(tx, ctx, c, 'case.contribution');
        return { id };
      });
    },

    async addRiskAssessment(
      ctx: RequestContext,
      caseId: string,
      input: {
        instrument: 'sash' | 'vt_triage' | 'vt_safety_assessment' | 'gri' | 'other';
        assessedOn: string;
        assessor: string;
        outcomeLevel: string;
        documentId?: string;
        notes?: string;
      },
    ) {
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, caseId, 'case.write');
        if (input.assessedOn > dutchDay(new Date()))
          throw invalid('assessedOn', 'lies in the future', 'date.future');
        if (input.documentId && !(await isCaseDocument(tx, input.documentId, caseId)))
          throw invalid('documentId', 'is not a document of this case', 'document.notInCase');
        const grant =
          ctx.actor.grants.find((g) => c.parties.includes(g.organisationId)) ?? ctx.actor.grants[0];
        const id = await insertRiskAssessment(tx, {
          caseId,
          instrument: input.instrument,
          assessedOn: input.assessedOn,
          assessor: input.assessor,
          organisationId: grant?.organisationId ?? null,
          outcomeLevel: input.outcomeLevel,
          documentId: input.documentId ?? null,
          notes: input.notes ?? null,
          createdBy: userId(ctx),
        });
        await recordOnTimeline(tx, {
          caseId,
          kind: 'risk_assessment',
          summary: `${INSTRUMENT_NL[input.instrument]}: ${input.outcomeLevel}`,
          message: {
            code: 'riskAssessment',
            params: { instrument: input.instrument, level: input.outcomeLevel },
          },
          actorLabel: ctx.actor.label,
          refType: 'risk_assessment',
          refId: id,
        });
        await auditWrite(tx, ctx, c, 'case.risk_assessment', { instrument: input.instrument });
        return { id };
      });
    },
  };
}
