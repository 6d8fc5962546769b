import { loadConfig } from '../config.ts';
import { auditKeyFiles, rotateAuditSigningKey } from './signing-key.ts';

// npm run audit:rotate-key — a new Ed25519 key signs checkpoints from now on (running nodes pick it up
// at their next checkpoint); the old public key stays in the public-keys file so old checkpoints verify.
// With several nodes, copy the key files to every node, as with the master key.
const config = loadConfig();
const { previous, current } = rotateAuditSigningKey(config.auditKeyFile);
const files = auditKeyFiles(config.auditKeyFile);
console.log(`audit signing key rotated: ${previous ?? '(none)'} -> ${current}`);
console.log(`public keys for investigators: ${files.publicKeysFile}`);
