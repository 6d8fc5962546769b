import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { loadMasterKey } from './master-key.ts';
import { resealAll } from './rotation.ts';
import { createSecretBox } from './sealed.ts';

// npm run keys:rotate — a new master key; every sealed value re-sealed under it.
// Crash-safe order: the new key is written beside the old one first (both are tried when opening),
// then the database is re-sealed in one transaction, then the new key replaces the old file.
const config = loadConfig();
if (config.masterKey) {
  console.error(
    'AWARE_MASTER_KEY is set: rotate by running with AWARE_KEY_FILE instead, or re-seal manually.',
  );
  process.exit(2);
}
const oldKey = loadMasterKey({ keyFile: config.keyFile });
const nextFile = `${config.keyFile}.next`;
const newKey = existsSync(nextFile)
  ? Buffer.from(readFileSync(nextFile, 'utf8').trim(), 'hex')
  : randomBytes(32);
writeFileSync(nextFile, `${newKey.toString('hex')}\n`, { mode: 0o600 });

const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const count = await resealAll(db, createSecretBox(newKey, oldKey));
await db.close();
renameSync(config.keyFile, `${config.keyFile}.previous`);
renameSync(nextFile, config.keyFile);
console.log(
  `re-sealed ${count} values under a new master key; the old key is in ${config.keyFile}.previous — destroy it once backups made with it have expired`,
);
