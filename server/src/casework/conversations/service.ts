import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/index.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { auditWrite, readInCase, userIdOf, writeInCase } from '../access.ts';
import { keepCorrection } from '../corrections/record.ts';
import { withCorrections } from '../corrections/repository.ts';
import { caseLife, refuseIf } from '../plausible/life.ts';
import { checkCaseDate, checkConversationContent } from '../plausible/rules.ts';
import { type ConversationKind, conversationNorms, progressAgainstNorms } from './norms.ts';
import * as repo from './repository.ts';

export interface ConversationInput {
  heldOn: string;
  kind: ConversationKind;
  childId?: string | null;
  durationMinutes: number;
  observation?: string | null;
  interpretation?: string | null;
}

export interface ConversationCorrection {
  heldOn: string;
  durationMinutes: number;
  observation?: string | null;
  interpretation?: string | null;
  reason: string;
}

const listWithHistory = async (tx: Queryable, caseId: string) =>
  withCorrections(tx, caseId, 'conversation', await repo.listConversations(tx, caseId));

const KIND_NL: Record<ConversationKind, string> = {
  intake: 'kennismaking',
  client: 'gesprek met cliënt',
  child: 'gesprek met kind',
  network: 'contact met netwerk',
  psycho_education: 'psycho-educatie',
};

export function createConversationService(db: Database) {
  return {
    /** The conversations of a case and how far they are against the handbook's norms. */
    list(ctx: RequestContext, caseId: string) {
      return readInCase(db, ctx, caseId, 'case.care.read', 'conversation', async (tx, c) => {
        const [conversations, children] = await Promise.all([
          listWithHistory(tx, caseId),
          repo.listChildren(tx, caseId),
        ]);
        const norms = conversationNorms(c.targetGroup, children.length);
        return {
          conversations,
          children: children.map((ch) => ({ id: ch.id, firstName: ch.firstName })),
          progress: progressAgainstNorms(norms, conversations),
        };
      });
    },

    create(ctx: RequestContext, caseId: string, input: ConversationInput) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        refuseIf([
          ...checkCaseDate('heldOn', input.heldOn, await caseLife(tx, caseId)),
          ...checkConversationContent(input.observation),
        ]);
        const childId = input.childId ?? null;
        if (input.kind === 'child') {
          if (!childId)
            throw invalid('childId', 'is required for a conversation with a child', 'child.required');
          const children = await repo.listChildren(tx, caseId);
          if (!children.some((ch) => ch.id === childId))
            throw invalid('childId', 'is not a child of this case', 'child.notInCase');
          if (!(await repo.childConsentGiven(tx, caseId, childId))) {
            throw conflict(
              'no recorded consent for conversations with this child',
              'child.noConsent',
              'childId',
            );
          }
        } else if (childId) {
          throw invalid('childId', 'only a conversation with a child names a child', 'child.notAllowed');
        }
        const id = await repo.insertConversation(tx, {
          caseId,
          heldOn: input.heldOn,
          kind: input.kind,
          childId,
          durationMinutes: input.durationMinutes,
          observation: input.observation?.trim() || null,
          interpretation: input.interpretation?.trim() || null,
          authorId: userIdOf(ctx),
        });
        await auditWrite(tx, ctx, 'conversation.create', 'conversation', id, caseId, { kind: input.kind });
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'conversation',
          summary: `${KIND_NL[input.kind]} (${input.durationMinutes} min)`,
          message: {
            code: 'conversation',
            params: { conversation: input.kind, minutes: input.durationMinutes },
          },
          actorLabel: ctx.actor.label,
          refType: 'conversation',
          refId: id,
        });
        return (await listWithHistory(tx, caseId)).find((v) => v.id === id)!;
      });
    },

    /** Corrects the date, duration or text of a conversation with a reason; the earlier version stays. */
    correct(ctx: RequestContext, caseId: string, conversationId: string, input: ConversationCorrection) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        const current = (await repo.listConversations(tx, caseId)).find((v) => v.id === conversationId);
        if (!current) throw notFound('conversation');
        const after = {
          heldOn: input.heldOn,
          durationMinutes: input.durationMinutes,
          observation: input.observation?.trim() || null,
          interpretation: input.interpretation?.trim() || null,
        };
        const before = Object.fromEntries(repo.CORRECTABLE.map((k) => [k, current[k]]));
        await keepCorrection(tx, ctx, {
          caseId,
          recordType: 'conversation',
          recordId: conversationId,
          before,
          after,
          reason: input.reason,
          extraErrors: [
            ...checkCaseDate('heldOn', after.heldOn, await caseLife(tx, caseId)),
            ...checkConversationContent(after.observation),
          ],
        });
        await repo.updateConversation(tx, conversationId, after);
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'conversation',
          summary: `${KIND_NL[current.kind]} gecorrigeerd`,
          actorLabel: ctx.actor.label,
          refType: 'conversation',
          refId: conversationId,
        });
        return (await listWithHistory(tx, caseId)).find((v) => v.id === conversationId)!;
      });
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
