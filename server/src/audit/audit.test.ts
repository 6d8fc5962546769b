import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../context.ts';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../testing/databases.ts';
import { type AuditFields, canonicalJson, entryHash, GENESIS_HASH, verifyChain } from './chain.ts';
import { audit } from './index.ts';
import { verifyAuditLog } from './verify.ts';

const ctx: RequestContext = {
  actor: { kind: 'user', id: '00000000-0000-4000-8000-000000000001', label: 'tester', grants: [] },
  ip: '127.0.0.1',
};

describe('audit chain (pure)', () => {
  const entry = (n: number): AuditFields => ({
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    actorId: null,
    actorLabel: 'system',
    action: `test.${n}`,
    access: 'write',
    recordType: 'thing',
    recordId: String(n),
    ip: null,
    reason: null,
    details: { b: 1, a: [n] },
  });

  it('hashes the same whatever the key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('finds the first broken link', async () => {
    const rows = [];
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 5; i++) {
      const hash = entryHash(prev, entry(i));
      rows.push({ ...entry(i), seq: i, prevHash: prev, hash });
      prev = hash;
    }
    expect(await verifyChain(rows)).toEqual({ ok: true, entries: 5 });
    rows[2] = { ...rows[2]!, action: 'test.tampered' };
    expect(await verifyChain(rows)).toMatchObject({ ok: false, brokenAt: 3, problem: 'hash_mismatch' });
    expect(await verifyChain([rows[0]!, rows[1]!, rows[3]!])).toMatchObject({
      ok: false,
      brokenAt: 4,
      problem: 'prev_hash_mismatch',
    });
  });
});

describeEachEngine('audit log in the database', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(() => t.drop());

  it('chains entries written in separate transactions, and verifies', async () => {
    for (let i = 0; i < 20; i++) {
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
    expect(await verifyAuditLog(t.db)).toEqual({ ok: true, entries: 20 });
  });

  it('refuses updates and deletes (append-only)', async () => {
    await expect(t.db.query(`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('delete from audit_log where seq = 1')).rejects.toThrow(/append-only/);
  });

  it('an entry rolled back with its transaction leaves no trace', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await audit(tx, ctx, {
          action: 'case.write',
          access: 'write',
          recordType: 'case',
          recordId: 'rolled-back',
        });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    const r = await t.db.query(`select 1 from audit_log where record_id = 'rolled-back'`);
    expect(r.rows).toHaveLength(0);
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
  });

  it('detects a tampered row, naming it', async () => {
    // a database superuser can switch the trigger off; the chain still gives the edit away
    await t.db.query('alter table audit_log disable trigger audit_log_no_update');
    await t.db.query(`update audit_log set record_id = 'c-forged' where seq = 7`);
    await t.db.query('alter table audit_log enable trigger audit_log_no_update');
    expect(await verifyAuditLog(t.db)).toMatchObject({ ok: false, brokenAt: 7, problem: 'hash_mismatch' });
  });

  it('detects a deleted row', async () => {
    await t.db.query('alter table audit_log disable trigger audit_log_no_update');
    await t.db.query(`update audit_log set record_id = 'c6' where seq = 7`);
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
    await t.db.query('delete from audit_log where seq = 12');
    await t.db.query('alter table audit_log enable trigger audit_log_no_update');
    expect(await verifyAuditLog(t.db)).toMatchObject({
      ok: false,
      brokenAt: 13,
      problem: 'prev_hash_mismatch',
    });
  });
});
