import type { Queryable } from '../../db/index.ts';

/** The day the case was referred, as the Netherlands counts it. */
export async function referralDay(tx: Queryable, caseId: string): Promise<string> {
  const r = await tx.query<{ referredOn: string }>(
    `select to_char(referred_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as "referredOn"
     from cases where id = $1`,
    [caseId],
  );
  return r.rows[0]!.referredOn;
}
