import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { auditKeyFiles, readPublicKeyRing } from './signing-key.ts';
import { describeVerdict, verifyAuditLog } from './verify.ts';

// npm run audit:verify [-- --public-keys FILE] — exits 0 when every integrated entry and every signed
// checkpoint holds, 1 and names the first bad entry or checkpoint otherwise.
const { values } = parseArgs({ options: { 'public-keys': { type: 'string' } } });
const config = loadConfig();
const keysFile = values['public-keys'] ?? auditKeyFiles(config.auditKeyFile).publicKeysFile;
if (!existsSync(keysFile)) {
  console.error(`no public keys at ${keysFile}: give the file with --public-keys`);
  process.exit(2);
}
const keys = readPublicKeyRing(keysFile);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const verdict = await verifyAuditLog(db, keys);
await db.close();
if (verdict.ok) console.log(describeVerdict(verdict));
else {
  console.error(describeVerdict(verdict));
  process.exitCode = 1;
}
