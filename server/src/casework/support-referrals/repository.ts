import type { Queryable } from '../../db/index.ts';

export const listSupportReferrals = async (db: Queryable, caseId: string) =>
  (
    await db.query(
      `select s.id, to_char(s.referred_on, 'YYYY-MM-DD') as "referredOn", s.kind, s.to_whom as "toWhom", s.reason,
              u.display_name as author, s.created_at as "createdAt"
       from support_referrals s left join users u on u.id = s.created_by
       where s.case_id = $1 order by s.referred_on desc, s.created_at desc`,
      [caseId],
    )
  ).rows as { id: string }[];

export async function insertSupportReferral(
  tx: Queryable,
  s: {
    caseId: string;
    referredOn: string;
    kind: string;
    toWhom: string;
    reason: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into support_referrals (case_id, referred_on, kind, to_whom, reason, created_by)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [s.caseId, s.referredOn, s.kind, s.toWhom, s.reason, s.createdBy],
  );
  return r.rows[0]!.id;
}
