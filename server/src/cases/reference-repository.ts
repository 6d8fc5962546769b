import type { Queryable } from '../db/index.ts';

/**
 * The next case reference AW-<year>-<seq>. The counter row is locked by its upsert until the caller's
 * transaction ends, so two referrals at once get different numbers; a year's first counter starts after
 * any reference of that year already present (demo data, imports).
 */
export async function nextReference(tx: Queryable, year: number): Promise<string> {
  const r = await tx.query<{ last: number }>(
    `insert into case_reference_counters (year, last)
     values ($1::integer, (select coalesce(max(substring(reference from 9)::integer), 0) + 1 from cases
                  where reference ~ ('^AW-' || $2 || '-[0-9]+$')))
     on conflict (year) do update set last = case_reference_counters.last + 1
     returning last`,
    [year, String(year)],
  );
  return `AW-${year}-${String(r.rows[0]!.last).padStart(4, '0')}`;
}
