import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/index.ts';
import { verifyAuditLog } from './verify.ts';

// npm run audit:verify — exits 0 when the chain holds, 1 and names the first broken entry otherwise.
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const verdict = await verifyAuditLog(db);
await db.close();
if (verdict.ok) {
  console.log(`audit log intact: ${verdict.entries} entries verified`);
} else {
  console.error(
    `audit log BROKEN at entry seq=${verdict.brokenAt} (${verdict.problem}); ${verdict.entries - 1} entries before it verified`,
  );
  process.exitCode = 1;
}
