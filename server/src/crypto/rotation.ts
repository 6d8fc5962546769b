import type { Database } from '../db/index.ts';
import type { SecretBox } from './sealed.ts';

/** Every column that holds a sealed value, with its table's key. Add new sealed columns here. */
export const SEALED_COLUMNS: { table: string; key: string; columns: string[] }[] = [
  { table: 'users', key: 'id', columns: ['totp_secret_sealed'] },
  { table: 'devices', key: 'id', columns: ['key_sealed', 'last_position_sealed'] },
  { table: 'vendors', key: 'id', columns: ['webhook_secret_sealed'] },
  { table: 'clients', key: 'case_id', columns: ['phone_sealed', 'address_sealed', 'photo_sealed'] },
  { table: 'perpetrators', key: 'case_id', columns: ['photo_sealed'] },
  { table: 'alarms', key: 'id', columns: ['position_sealed', 'raw_sealed'] },
  { table: 'alarm_positions', key: 'id', columns: ['position_sealed'] },
  { table: 'privacy_requests', key: 'id', columns: ['description_sealed', 'decision_sealed'] },
  // the per-file key of each uploaded document (the bytes on disk are sealed under it)
  { table: 'case_documents', key: 'id', columns: ['key_sealed'] },
];

/**
 * Re-seals every sealed value under the new key in one transaction. `box` must open values under the
 * old key and seal under the new one (createSecretBox(newKey, oldKey)).
 */
export async function resealAll(db: Database, box: SecretBox): Promise<number> {
  return db.transaction(async (tx) => {
    let count = 0;
    for (const { table, key, columns } of SEALED_COLUMNS) {
      const rows = await tx.query<Record<string, string | null>>(
        `select ${key}::text as k, ${columns.join(', ')} from ${table}`,
      );
      for (const row of rows.rows) {
        const values = columns.map((c) => (row[c] ? box.seal(box.open(row[c]!)) : row[c]));
        if (values.every((v) => v === null || v === undefined)) continue;
        await tx.query(
          `update ${table} set ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} where ${key}::text = $1`,
          [row.k, ...values],
        );
        count += values.filter((v) => v).length;
      }
    }
    return count;
  });
}
