import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.ts';
import { audit } from './index.ts';
import { createAuditSequencer } from './sequencer.ts';
import { auditKeyFiles, loadAuditSigningKey } from './signing-key.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');

/** The CLIs as an operator runs them, on an embedded database in a data directory. */
describe('npm run audit:verify and audit:rotate-key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aware-audit-cli-'));
  const keyFile = join(dataDir, 'keys', 'audit-signing.key');
  const env = { ...process.env, AWARE_DATA_DIR: dataDir, DATABASE_URL: '', AWARE_LOG_LEVEL: 'silent' };
  const cli = (script: string, args: string[] = []) =>
    run(process.execPath, ['--import', 'tsx', `server/src/audit/${script}`, ...args], {
      cwd: ROOT,
      env,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
  const withDatabase = async (fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<unknown>) => {
    const db = await openDatabase({ dataDir });
    try {
      await fn(db);
    } finally {
      await db.close();
    }
  };
  const ctx = { actor: { kind: 'system' as const, id: null, label: 'cli test', grants: [] }, ip: null };
  const writeAndIntegrate = (n: number) =>
    withDatabase(async (db) => {
      for (let i = 0; i < n; i++) {
        await db.transaction((tx) =>
          audit(tx, ctx, { action: 'case.read', access: 'read', recordType: 'case', recordId: `r${i}` }),
        );
      }
      await createAuditSequencer(db, () => loadAuditSigningKey(keyFile), { batchSize: 4 }).run();
    });

  beforeAll(() => writeAndIntegrate(10));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 on an intact log; after a rotation both keys verify', async () => {
    const ok = await cli('verify-cli.ts');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/intact: 10 entries and 3 signed checkpoints/);
    const rotated = await cli('rotate-key-cli.ts');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain(auditKeyFiles(keyFile).publicKeysFile);
    await writeAndIntegrate(2);
    expect((await cli('verify-cli.ts')).stdout).toMatch(/intact: 12 entries and 4 signed checkpoints/);
  });

  it('exits 1 and names the first bad entry; 2 without public keys', async () => {
    await withDatabase(async (db) => {
      await db.query('alter table audit_log disable trigger audit_log_no_update');
      await db.query(`update audit_log set action = 'case.write' where leaf_index in (5, 9)`);
    });
    const bad = await cli('verify-cli.ts');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/BROKEN: entry_mismatch at leaf index 5, seq \d+/);
    expect((await cli('verify-cli.ts', ['--public-keys', join(dataDir, 'nowhere.pem')])).code).toBe(2);
  });
});
