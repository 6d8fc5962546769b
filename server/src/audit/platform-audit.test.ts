import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/databases.ts';
import { startTestPlatform, type TestPlatform } from '../testing/platform.ts';
import { publicKeyRing } from './checkpoint.ts';
import { audit } from './index.ts';
import { latestCheckpoint } from './repository.ts';
import { auditKeyFiles, readPublicKeyRing, rotateAuditSigningKey } from './signing-key.ts';
import { verifyAuditLog } from './verify.ts';

describeEachEngine('audit log on a running platform', (engine) => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform(engine);
  });
  afterAll(() => p.close());

  const metric = async (name: string) => {
    const text = await (await fetch(`${p.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };
  const integrated = async () => {
    const deadline = Date.now() + 10_000;
    while ((await metric('aware_audit_unintegrated')) !== 0) {
      if (Date.now() > deadline) throw new Error('entries still waiting for the sequencer');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const write = () =>
    p.db.transaction((tx) =>
      audit(
        tx,
        { actor: { kind: 'system', id: null, label: 'test', grants: [] }, ip: null },
        {
          action: 'case.read',
          access: 'read',
          recordType: 'case',
          recordId: 'x',
        },
      ),
    );

  it('the leader integrates every entry within moments, signed by a key kept in files, and it verifies', async () => {
    await write();
    await integrated();
    expect(await metric('aware_audit_sequencer_lag_seconds')).toBeLessThan(1);
    const files = auditKeyFiles(p.config.auditKeyFile);
    expect(statSync(files.keyFile).mode & 0o777).toBe(0o600);
    const investigatorKey = publicKeyRing(readFileSync(files.publicKeyFile, 'utf8'));
    const verdict = await verifyAuditLog(p.db, investigatorKey);
    expect(verdict).toMatchObject({ ok: true, pending: 0 });
    expect(verdict.entries).toBeGreaterThan(1);
    expect(await metric('aware_audit_tree_size')).toBeGreaterThanOrEqual(verdict.entries);
  });

  it('after a key rotation new checkpoints carry the new key, and old ones still verify', async () => {
    const files = auditKeyFiles(p.config.auditKeyFile);
    const before = await latestCheckpoint(p.db);
    const oldRing = readPublicKeyRing(files.publicKeysFile);
    const { previous, current } = rotateAuditSigningKey(p.config.auditKeyFile);
    expect(previous).toBe(before!.keyId);
    await write();
    await integrated();
    const after = await latestCheckpoint(p.db);
    expect(after!.keyId).toBe(current);
    expect(after!.treeSize).toBeGreaterThan(before!.treeSize);
    expect(await verifyAuditLog(p.db, readPublicKeyRing(files.publicKeysFile))).toMatchObject({ ok: true });
    // the old public key alone no longer covers the log
    expect(await verifyAuditLog(p.db, oldRing)).toMatchObject({ ok: false, problem: 'unknown_key' });
  });
});
