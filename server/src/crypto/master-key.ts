import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The master key from configuration, else from the key file, created (mode 0600) on first start. */
export function loadMasterKey(options: { masterKey?: string; keyFile: string }): Buffer {
  if (options.masterKey) return Buffer.from(options.masterKey, 'hex');
  if (existsSync(options.keyFile)) {
    const hex = readFileSync(options.keyFile, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(hex))
      throw new Error(`key file ${options.keyFile} does not hold 64 hex digits`);
    return Buffer.from(hex, 'hex');
  }
  const key = randomBytes(32);
  mkdirSync(dirname(options.keyFile), { recursive: true, mode: 0o700 });
  writeFileSync(options.keyFile, `${key.toString('hex')}\n`, { mode: 0o600 });
  chmodSync(options.keyFile, 0o600);
  return key;
}

/** A key file left by an interrupted rotation: values may already be sealed under it. */
export function loadPendingKey(keyFile: string): Buffer[] {
  const next = `${keyFile}.next`;
  return existsSync(next) ? [Buffer.from(readFileSync(next, 'utf8').trim(), 'hex')] : [];
}
