import type { KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { publicKeyRing } from '../audit/checkpoint.ts';
import { describeVerdict, verifyBundle } from './verify.ts';

// npm run evidence:verify -- <bundle> --public-key <pem> [--public-key <pem> …] [--pdf <file>]
// Offline: reads only the bundle and the public key file(s); no database, no configuration.
const { values, positionals } = parseArgs({
  options: { 'public-key': { type: 'string', multiple: true }, pdf: { type: 'string' } },
  allowPositionals: true,
  strict: true,
});
const keys = values['public-key'] ?? [];
if (positionals.length !== 1 || keys.length === 0) {
  console.error(
    'Gebruik: npm run evidence:verify -- <bewijspakket.json> --public-key <openbare-sleutel.pem> [--pdf <waar de PDF heen moet>]',
  );
  process.exit(2);
}
const ring = new Map<string, KeyObject>();
for (const file of keys) {
  let found: Map<string, KeyObject>;
  try {
    found = publicKeyRing(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`[FOUT]  De openbare sleutel ${file} is niet te lezen: ${(error as Error).message}`);
    process.exit(1);
  }
  if (found.size === 0) {
    console.error(`[FOUT]  ${file} bevat geen openbare sleutel (PEM, "BEGIN PUBLIC KEY")`);
    process.exit(1);
  }
  for (const [id, key] of found) ring.set(id, key);
}
let bytes: Buffer;
try {
  bytes = readFileSync(positionals[0]!);
} catch (error) {
  console.error(`[FOUT]  Het bewijspakket ${positionals[0]} is niet te lezen: ${(error as Error).message}`);
  process.exit(1);
}
const verdict = verifyBundle(bytes, ring);
console.log(describeVerdict(verdict));
if (verdict.ok && values.pdf && verdict.pdf) {
  writeFileSync(values.pdf, verdict.pdf);
  console.log(`De gecontroleerde PDF staat in ${values.pdf}.`);
}
process.exitCode = verdict.ok ? 0 : 1;
