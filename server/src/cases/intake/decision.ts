import { decide } from '../../access/index.ts';
import type { RequestContext } from '../../context.ts';
import type { Queryable } from '../../db/index.ts';
import { conflict, forbidden, invalid } from '../../errors.ts';
import { notifyPartiesAndTeam } from '../../inbox/notification-repository.ts';
import { addOrganisationTask } from '../../inbox/task-repository.ts';
import { type CaseRecord, openCase } from '../case-access.ts';
import { missingAgreements, requiredDecisionParties } from '../decision-rules.ts';
import { TASK_NL } from '../labels.ts';
import { recordOnTimeline } from '../timeline.ts';
import { applyTransition } from '../transitions.ts';
import { connectionDeadline, dutchDay } from '../working-days.ts';
import {
  addDecisionParties,
  auditWrite,
  type IntakeDeps,
  openForEdit,
  requireStatus,
  userId,
} from './case-edit.ts';
import { grantAgreements, onlyOfType, organisation, recordDecision, saveAgreement } from './repository.ts';

export interface DecisionInput {
  outcome: 'granted' | 'rejected';
  rationale: string;
  version: number;
  communicatedToClient: boolean;
  communicatedToReferrer: boolean;
  rejectionAdvice?: string;
  rejectionReferral?: string;
  /** set when the police judge that a STOP-gesprek would raise the danger */
  stopTalkSkippedReason?: string;
}

/** Phase 1's end: the parties agree, and the joint decision grants or rejects. */
export function decisionCommands({ db }: IntakeDeps) {
  return {
    /** One party's agreement with granting or rejecting; a later answer of the same party replaces it. */
    async agree(
      ctx: RequestContext,
      caseId: string,
      input: { outcome: 'granted' | 'rejected'; note?: string },
    ) {
      return db.transaction(async (tx) => {
        const c = await openCase(db, tx, ctx, caseId, 'case.decide', { forUpdate: true });
        requireStatus(c, ['decision'], 'agreeing on the decision');
        const grant = decidingGrant(ctx, c);
        if (!grant) throw forbidden('your organisation does not take part in this case', 'decision.notParty');
        await saveAgreement(tx, caseId, {
          organisationId: grant.organisationId,
          userId: userId(ctx),
          outcome: input.outcome,
          note: input.note?.trim() || null,
        });
        const org = await organisation(tx, grant.organisationId);
        await recordOnTimeline(tx, {
          caseId,
          kind: 'decision',
          summary: `${org!.name} stemt in met ${input.outcome === 'granted' ? 'toekennen' : 'afwijzen'}`,
          message: { code: 'decisionAgreed', params: { organisation: org!.name, outcome: input.outcome } },
          actorLabel: ctx.actor.label,
        });
        await auditWrite(tx, ctx, c, 'case.decision.agree', {
          organisationId: grant.organisationId,
          outcome: input.outcome,
        });
        return { organisationId: grant.organisationId, outcome: input.outcome };
      });
    },

    async decide(ctx: RequestContext, caseId: string, input: DecisionInput) {
      return db.transaction(async (tx) => {
        const c = await openForEdit(db, tx, ctx, caseId, input.version, 'case.decide');
        requireStatus(c, ['decision'], 'a decision');
        if (input.outcome === 'rejected' && !input.rejectionAdvice?.trim()) {
          throw invalid(
            'rejectionAdvice',
            'is required when the request is rejected',
            'decision.rejectionAdviceRequired',
          );
        }
        const required = await requiredDecisionParties(tx, c.regionId);
        const missing = missingAgreements(required, await grantAgreements(tx, caseId), input.outcome);
        if (missing.length > 0) {
          throw conflict(
            `the joint decision still lacks the agreement of: ${missing.join(', ')}`,
            'decision.agreementsMissing',
            'agreements',
            { parties: missing.join(',') },
          );
        }
        const now = new Date();
        const deadline =
          input.outcome === 'granted' ? connectionDeadline(dutchDay(now), c.targetGroup) : null;
        await recordDecision(tx, caseId, {
          outcome: input.outcome,
          rationale: input.rationale,
          at: now,
          toClient: input.communicatedToClient,
          toReferrer: input.communicatedToReferrer,
          rejectionAdvice: input.rejectionAdvice?.trim() || null,
          rejectionReferral: input.rejectionReferral?.trim() || null,
          connectionDeadline: deadline,
        });
        await recordOnTimeline(tx, {
          caseId,
          kind: 'decision',
          summary: `Besluit: ${input.outcome === 'granted' ? 'toegekend' : 'afgewezen'}${
            input.communicatedToClient ? ', gedeeld met cliënt' : ''
          }${input.communicatedToReferrer ? ' en verwijzer' : ''}`,
          message: {
            code: 'decision',
            params: {
              outcome: input.outcome,
              toClient: input.communicatedToClient,
              toReferrer: input.communicatedToReferrer,
            },
          },
          actorLabel: ctx.actor.label,
        });
        if (input.outcome === 'granted') {
          await addDecisionParties(tx, c);
          await createGrantTasks(tx, ctx, c, deadline!, input.stopTalkSkippedReason?.trim() || null);
          await recordOnTimeline(tx, {
            caseId,
            kind: 'deadline',
            summary: `Aansluiten uiterlijk ${deadline} (${c.targetGroup === 'acute_unsafety' ? '2' : '10'} werkdagen)`,
            message: {
              code: 'connectionDeadline',
              params: { date: deadline ?? null, workingDays: c.targetGroup === 'acute_unsafety' ? 2 : 10 },
            },
            actorLabel: ctx.actor.label,
          });
        }
        // registered for every party: each of their case workers, coordinators, VT and police staff is told
        await notifyPartiesAndTeam(tx, caseId, 'case.decision');
        const moved = await applyTransition(
          tx,
          ctx,
          c,
          input.outcome === 'granted' ? 'connecting' : 'rejected',
          input.rationale,
        );
        await auditWrite(tx, ctx, c, 'case.decide', { outcome: input.outcome });
        return { status: moved.status, version: moved.version, connectionDeadline: deadline };
      });
    },
  };
}

/** The organisation on whose behalf the actor decides: one taking part in the case. */
function decidingGrant(ctx: RequestContext, c: CaseRecord) {
  return ctx.actor.grants.find(
    (g) =>
      (c.parties.includes(g.organisationId) || g.organisationId === c.organisationId) &&
      decide({ ...ctx.actor, grants: [g] }, 'case.decide', {
        regionId: c.regionId,
        organisationId: c.organisationId,
        caseTeam: c.team,
        parties: c.parties,
      }).allowed,
  );
}

/** On granting: police flag person and location, police STOP-gesprek (or why not), VT checks contact. */
async function createGrantTasks(
  tx: Queryable,
  ctx: RequestContext,
  c: CaseRecord,
  deadline: string,
  stopTalkSkippedReason: string | null,
) {
  const police = await onlyOfType(tx, c.regionId, 'police');
  const vt = await onlyOfType(tx, c.regionId, 'veilig_thuis');
  const tasks: [string, string | null, string | null][] = [
    ['police_flag', police, null],
    ['police_stop_talk', police, stopTalkSkippedReason],
    ['vt_perpetrator_contact', vt, null],
  ];
  for (const [kind, organisationId, skipped] of tasks) {
    await addOrganisationTask(tx, {
      caseId: c.id,
      kind,
      description: TASK_NL[kind] ?? null,
      organisationId,
      dueOn: deadline,
      createdBy: userId(ctx),
      skippedReason: skipped,
    });
    await recordOnTimeline(tx, {
      caseId: c.id,
      kind: 'task',
      summary: skipped ? `${TASK_NL[kind]}: overgeslagen (${skipped})` : `Taak: ${TASK_NL[kind]}`,
      message: skipped
        ? { code: 'taskSkipped', params: { task: kind, reason: skipped } }
        : { code: 'task', params: { task: kind } },
      actorLabel: ctx.actor.label,
    });
  }
}
