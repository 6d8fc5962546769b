import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database } from '../../db/index.ts';
import { auditWrite, readInCase, userIdOf, writeInCase } from '../access.ts';
import { caseLife, refuseIf } from '../plausible/life.ts';
import { checkCaseDate } from '../plausible/rules.ts';
import * as repo from './repository.ts';

export const SUPPORT_KINDS = [
  'legal',
  'trauma_care',
  'youth_care',
  'victim_support',
  'housing',
  'debt',
  'perpetrator_care',
  'other',
] as const;

export interface SupportReferralInput {
  referredOn: string;
  kind: (typeof SUPPORT_KINDS)[number];
  toWhom: string;
  reason?: string | null;
}

/** Referrals to further support (legal aid, trauma care, youth care …), seed 000 phase 3A. */
export function createSupportReferralService(db: Database) {
  return {
    list: (ctx: RequestContext, caseId: string) =>
      readInCase(db, ctx, caseId, 'case.care.read', 'support_referral', (tx) =>
        repo.listSupportReferrals(tx, caseId),
      ),

    add(ctx: RequestContext, caseId: string, input: SupportReferralInput) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        refuseIf(checkCaseDate('referredOn', input.referredOn, await caseLife(tx, caseId)));
        const id = await repo.insertSupportReferral(tx, {
          caseId,
          referredOn: input.referredOn,
          kind: input.kind,
          toWhom: input.toWhom.trim(),
          reason: input.reason?.trim() || null,
          createdBy: userIdOf(ctx),
        });
        await auditWrite(tx, ctx, 'support_referral.add', 'support_referral', id, caseId, {
          kind: input.kind,
        });
        await recordOnTimeline(tx, {
          caseId: c.id,
          kind: 'support_referral',
          summary: `doorverwezen naar verdere hulp (${input.kind})`,
          message: { code: 'supportReferral', params: { referral: input.kind } },
          actorLabel: ctx.actor.label,
          refType: 'support_referral',
          refId: id,
        });
        return (await repo.listSupportReferrals(tx, caseId)).find((s) => s.id === id)!;
      });
    },
  };
}

export type SupportReferralService = ReturnType<typeof createSupportReferralService>;
