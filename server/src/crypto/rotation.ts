import type { Database } from '../db/index.ts';
import type { SecretBox } from './sealed.ts';
import { rewriteSealedRow, sealedRows } from './sealed-columns-repository.ts';

/** Every column that holds a sealed value, with its table's key. Add new sealed columns here. */
export const SEALED_COLUMNS: { table: string; key: string; columns: string[] }[] = [
  { table: 'users', key: 'id', columns: ['totp_secret_sealed'] },
  { table: 'devices', key: 'id', columns: ['key_sealed', 'last_position_sealed'] },
  { table: 'vendors', key: 'id', columns: ['webhook_secret_sealed'] },
  { table: 'clients', key: 'case_id', columns: ['phone_sealed', 'address_sealed', 'photo_sealed'] },
  { table: 'perpetrators', key: 'case_id', columns: ['photo_sealed'] },
  { table: 'alarms', key: 'id', columns: ['position_sealed', 'raw_sealed', 'address_sealed'] },
  { table: 'alarm_positions', key: 'id', columns: ['position_sealed', 'address_sealed'] },
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
      for (const row of await sealedRows(tx, table, key, columns)) {
        const values = columns.map((c) => (row[c] ? box.seal(box.open(row[c]!)) : row[c]));
        if (values.every((v) => v === null || v === undefined)) continue;
        await rewriteSealedRow(tx, table, key, row.k!, columns, values);
        count += values.filter((v) => v).length;
      }
    }
    return count;
  });
}
