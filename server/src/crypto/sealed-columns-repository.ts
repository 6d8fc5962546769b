import type { Queryable } from '../db/index.ts';

/** Every row of a table with sealed columns: its key as text (`k`) and the sealed values. */
export async function sealedRows(tx: Queryable, table: string, key: string, columns: readonly string[]) {
  const r = await tx.query<Record<string, string | null>>(
    `select ${key}::text as k, ${columns.join(', ')} from ${table}`,
  );
  return r.rows;
}

/** Writes the row's sealed columns anew (sealed under the current key). */
export async function rewriteSealedRow(
  tx: Queryable,
  table: string,
  key: string,
  k: string,
  columns: readonly string[],
  values: (string | null | undefined)[],
) {
  await tx.query(
    `update ${table} set ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} where ${key}::text = $1`,
    [k, ...values],
  );
}
