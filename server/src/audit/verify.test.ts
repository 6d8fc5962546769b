import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { RequestContext } from '../context.ts';
import { testAuditKey } from '../testing/audit-keys.ts';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../testing/databases.ts';
import { signCheckpoint } from './checkpoint.ts';
import { audit } from './index.ts';
import { auditLeafHash } from './leaf.ts';
import { auditEntriesFor } from './repository.ts';
import { createAuditSequencer } from './sequencer.ts';
import { describeVerdict, verifyAuditLog } from './verify.ts';

const ctx: RequestContext = {
  actor: { kind: 'system', id: null, label: 'test', grants: [] },
  ip: '10.0.0.1',
};
const ENTRIES = 30;
const BATCH = 5;

// A database superuser can switch the append-only triggers off; the tree and the signatures still tell.
describeEachEngine('audit verifier finds tampering', (engine) => {
  let t: TestDatabase;
  const { key, ring } = testAuditKey();
  const undo: string[] = [];
  const tamper = async (...statements: [string, unknown[]?][]) => {
    await t.db.query('alter table audit_log disable trigger audit_log_no_update');
    await t.db.query('alter table audit_checkpoints disable trigger audit_checkpoints_no_update');
    await t.db.query('create table if not exists audit_log_orig as select * from audit_log');
    await t.db.query('create table if not exists audit_checkpoints_orig as select * from audit_checkpoints');
    for (const [sql, params] of statements) await t.db.query(sql, params);
  };
  const verify = () => verifyAuditLog(t.db, ring);

  beforeAll(async () => {
    t = await freshDatabase(engine);
    for (let i = 0; i < ENTRIES; i++) {
      await t.db.transaction((tx) =>
        audit(tx, ctx, {
          action: 'case.read',
          access: 'read',
          recordType: 'case',
          recordId: `c${i}`,
          details: { i },
        }),
      );
    }
    await createAuditSequencer(t.db, () => key, { batchSize: BATCH }).run();
  });
  afterEach(async () => {
    // put the untouched log back for the next case
    for (const sql of undo.splice(0)) await t.db.query(sql);
    if ((await t.db.query(`select 1 from pg_tables where tablename = 'audit_log_orig'`)).rows.length === 0)
      return;
    await t.db.query('delete from audit_log');
    await t.db.query('insert into audit_log overriding system value select * from audit_log_orig');
    await t.db.query('delete from audit_checkpoints');
    await t.db.query('insert into audit_checkpoints select * from audit_checkpoints_orig');
    await t.db.query('drop table audit_log_orig');
    await t.db.query('drop table audit_checkpoints_orig');
    await t.db.query('alter table audit_log enable trigger audit_log_no_update');
    await t.db.query('alter table audit_checkpoints enable trigger audit_checkpoints_no_update');
    expect((await verify()).ok).toBe(true);
  });
  afterAll(() => t.drop());

  it('passes an untouched log, and counts entries not yet integrated without failing', async () => {
    expect(await verify()).toEqual({ ok: true, entries: ENTRIES, checkpoints: ENTRIES / BATCH, pending: 0 });
    await t.db.transaction((tx) =>
      audit(tx, ctx, { action: 'case.read', access: 'read', recordType: 'case', recordId: 'waiting' }),
    );
    const verdict = await verify();
    expect(verdict).toEqual({ ok: true, entries: ENTRIES, checkpoints: ENTRIES / BATCH, pending: 1 });
    expect(describeVerdict(verdict)).toMatch(/1 entries not yet integrated/);
    await tamper(); // snapshot, so afterEach removes the waiting entry again
    await t.db.query(`delete from audit_log_orig where record_id = 'waiting'`);
  });

  it('a changed entry: names the first one changed', async () => {
    await tamper(
      [`update audit_log set record_id = 'forged' where leaf_index = 17`],
      [`update audit_log set details = '{"i": 99}' where leaf_index = 8`],
    );
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: false, problem: 'entry_mismatch', leafIndex: 8, entries: 8 });
    expect(describeVerdict(verdict)).toMatch(/entry_mismatch at leaf index 8, seq \d+/);
  });

  it('a changed entry whose leaf hash was recomputed: the signed root gives it away', async () => {
    const [entry] = await auditEntriesFor(t.db, 'case', 'c12');
    const forged = { ...entry!, recordId: 'forged' };
    await tamper([
      'update audit_log set record_id = $1, leaf_hash = $2 where leaf_index = 12',
      ['forged', auditLeafHash(forged, 12).toString('hex')],
    ]);
    expect(await verify()).toMatchObject({
      ok: false,
      problem: 'root_mismatch',
      treeSize: 15,
      range: [10, 15],
    });
  });

  it('a removed entry, in the middle or at the end', async () => {
    await tamper(['delete from audit_log where leaf_index = 21']);
    expect(await verify()).toMatchObject({ ok: false, problem: 'missing_entry', leafIndex: 21, entries: 21 });
    await t.db.query(
      'insert into audit_log overriding system value select * from audit_log_orig where leaf_index = 21',
    );
    expect((await verify()).ok).toBe(true);
    await t.db.query(`delete from audit_log where leaf_index = ${ENTRIES - 1}`);
    expect(await verify()).toMatchObject({ ok: false, problem: 'missing_entry', leafIndex: ENTRIES - 1 });
  });

  it('two entries reordered (leaf indexes swapped): names the first', async () => {
    await tamper(
      ['update audit_log set leaf_index = -1 where leaf_index = 4'],
      ['update audit_log set leaf_index = 4 where leaf_index = 9'],
      ['update audit_log set leaf_index = 9 where leaf_index = -1'],
    );
    expect(await verify()).toMatchObject({ ok: false, problem: 'entry_mismatch', leafIndex: 4 });
  });

  it('a forged checkpoint: a signature that does not verify, or a key nobody published', async () => {
    await tamper([
      `update audit_checkpoints set signed_at = signed_at + interval '1 hour' where tree_size = 20`,
    ]);
    expect(await verify()).toMatchObject({
      ok: false,
      problem: 'bad_signature',
      treeSize: 20,
      checkpoints: 3,
    });
    const stranger = testAuditKey().key;
    const c = signCheckpoint({ treeSize: 10, rootHash: '00'.repeat(32), signedAt: new Date() }, stranger);
    await t.db.query('update audit_checkpoints set key_id = $1, signature = $2 where tree_size = 10', [
      c.keyId,
      c.signature,
    ]);
    expect(await verify()).toMatchObject({ ok: false, problem: 'unknown_key', treeSize: 10 });
  });

  it('a checkpoint with a wrong root, validly signed: names it', async () => {
    const wrong = signCheckpoint({ treeSize: 25, rootHash: 'ab'.repeat(32), signedAt: new Date() }, key);
    await tamper([
      'update audit_checkpoints set root_hash = $1, signed_at = $2, signature = $3 where tree_size = 25',
      [wrong.rootHash, wrong.signedAt, wrong.signature],
    ]);
    expect(await verify()).toMatchObject({
      ok: false,
      problem: 'root_mismatch',
      treeSize: 25,
      range: [20, 25],
    });
  });

  it('a removed last checkpoint', async () => {
    await tamper([`delete from audit_checkpoints where tree_size = ${ENTRIES}`]);
    expect(await verify()).toMatchObject({ ok: false, problem: 'missing_checkpoint', treeSize: ENTRIES });
  });
});
