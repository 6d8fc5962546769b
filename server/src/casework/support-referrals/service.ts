import { recordOnTimeline } from '../../cases/timeline.ts';
import type { RequestContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/index.ts';
import { auditWrite, readInCase, userIdOf, writeInCase } from '../access.ts';
import { caseLife, refuseIf } from '../plausible/life.ts';
import { checkCaseDate } from '../plausible/rules.ts';

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

const list = async (db: Queryable, caseId: string) =>
  (
    await db.query(
      `select s.id, to_char(s.referred_on, 'YYYY-MM-DD') as "referredOn", s.kind, s.to_whom as "toWhom", s.reason,
              u.display_name as author, s.created_at as "createdAt"
       from support_referrals s left join users u on u.id = s.created_by
       where s.case_id = $1 order by s.referred_on desc, s.created_at desc`,
      [caseId],
    )
  ).rows as { id: string }[];

/** Referrals to further support (legal aid, trauma care, youth care …), seed 000 phase 3A. */
export function createSupportReferralService(db: Database) {
  return {
    list: (ctx: RequestContext, caseId: string) =>
      readInCase(db, ctx, caseId, 'case.care.read', 'support_referral', (tx) => list(tx, caseId)),

    add(ctx: RequestContext, caseId: string, input: SupportReferralInput) {
      return writeInCase(db, ctx, caseId, 'case.care.write', async (tx, c) => {
        refuseIf(checkCaseDate('referredOn', input.referredOn, await caseLife(tx, caseId)));
        const r = await tx.query<{ id: string }>(
          `insert into support_referrals (case_id, referred_on, kind, to_whom, reason, created_by)
           values ($1, $2, $3, $4, $5, $6) returning id`,
          [
            caseId,
            input.referredOn,
            input.kind,
            input.toWhom.trim(),
            input.reason?.trim() || null,
            userIdOf(ctx),
          ],
        );
        const id = r.rows[0]!.id;
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
        return (await list(tx, caseId)).find((s) => s.id === id)!;
      });
    },
  };
}

export type SupportReferralService = ReturnType<typeof createSupportReferralService>;
