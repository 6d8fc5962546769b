import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAuditSequencer } from '../audit/sequencer.ts';
import { auditKeyFiles, auditSigner } from '../audit/signing-key.ts';
import { loadConfig } from '../config.ts';
import { loadMasterKey, loadPendingKey } from '../crypto/master-key.ts';
import { createSecretBox } from '../crypto/sealed.ts';
import { openDatabase } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { bundleFileName, pdfFileName } from './bundle.ts';
import { createEvidenceService } from './service.ts';

// npm run evidence -- --alarm <id> [--out dir]
// Writes the alarm's signed evidence bundle and its PDF; the export is audited under the person at the console.
const { values } = parseArgs({
  options: { alarm: { type: 'string' }, out: { type: 'string', default: '.' } },
  strict: true,
});
if (!values.alarm || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.alarm)) {
  console.error('Gebruik: npm run evidence -- --alarm <id van de melding> [--out <map>]');
  process.exit(2);
}
const config = loadConfig();
// never a new signing key from here: a bundle signed by a key nobody published helps no one
if (!existsSync(config.auditKeyFile)) {
  console.error(
    `De ondertekeningssleutel van de auditlog ontbreekt (${config.auditKeyFile}). Gebruik dezelfde instellingen als de server (AWARE_DATA_DIR, AWARE_AUDIT_KEY_FILE).`,
  );
  process.exit(1);
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const secrets = createSecretBox(
    loadMasterKey({ masterKey: config.masterKey, keyFile: config.keyFile }),
    ...loadPendingKey(config.keyFile),
  );
  const signer = auditSigner(config.auditKeyFile);
  // alone on an embedded database no server seals the audit log: this process runs the sequencer itself
  // (a transaction lock keeps it from ever running beside a server's)
  const sequencer = createAuditSequencer(db, signer);
  const evidence = createEvidenceService(db, secrets, { signer, integrate: () => sequencer.run() });
  const label = `cli:${userInfo().username}`;
  const result = await evidence.exportAlarmOnServer(
    { actor: { kind: 'system', id: null, label, grants: [] }, ip: null },
    values.alarm,
  );
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const bundlePath = join(out, bundleFileName(result.alarmId));
  const pdfPath = join(out, pdfFileName(result.alarmId));
  writeFileSync(bundlePath, result.bundle, { mode: 0o600 });
  writeFileSync(pdfPath, result.pdf, { mode: 0o600 });
  const checkpoint = result.content.audit.checkpoint!;
  console.log(`Bewijspakket: ${bundlePath}`);
  console.log(`PDF (dezelfde als in het pakket): ${pdfPath}`);
  console.log(
    `Ondertekend met de sleutel van de auditlog ${signer().keyId}; ${result.content.audit.entries.length} auditregels bewezen onder controlepunt ${checkpoint.treeSize}.`,
  );
  console.log(
    `Controleren: npm run evidence:verify -- ${bundlePath} --public-key ${auditKeyFiles(config.auditKeyFile).publicKeysFile}`,
  );
  console.log('VERTROUWELIJK: bewaar en deel deze bestanden alleen volgens de afspraken.');
} catch (error) {
  if (error instanceof DomainError && error.status === 404)
    console.error(`Melding ${values.alarm} bestaat niet.`);
  else console.error(`Bewijspakket niet gemaakt: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
