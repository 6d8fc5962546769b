import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../context.ts';
import { migrate, migrationFiles } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import { testAuditKey } from '../testing/audit-keys.ts';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../testing/databases.ts';
import { audit } from './index.ts';
import { canonicalJson } from './leaf.ts';
import { auditEntriesFor } from './repository.ts';
import { createAuditSequencer } from './sequencer.ts';
import { verifyAuditLog } from './verify.ts';

const ctx: RequestContext = {
  actor: { kind: 'user', id: '00000000-0000-4000-8000-000000000001', label: 'tester', grants: [] },
  ip: '127.0.0.1',
};

describe('audit leaf content (pure)', () => {
  it('hashes the same whatever the key order (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});

describeEachEngine('audit log in the database', (engine) => {
  let t: TestDatabase;
  const { key, ring } = testAuditKey();
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(() => t.drop());

  it('stores entries written in separate transactions; the sequencer integrates them and they verify', async () => {
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
    expect(await verifyAuditLog(t.db, ring)).toEqual({ ok: true, entries: 0, checkpoints: 0, pending: 20 });
    expect(await createAuditSequencer(t.db, () => key).run()).toBe(20);
    expect(await verifyAuditLog(t.db, ring)).toEqual({ ok: true, entries: 20, checkpoints: 1, pending: 0 });
    const [entry] = await auditEntriesFor(t.db, 'case', 'c3');
    expect(entry).toMatchObject({ action: 'case.read', details: { i: 3 }, leafIndex: 3 });
    expect(entry!.leafHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses updates and deletes (append-only), and a second placement of an entry', async () => {
    await expect(t.db.query(`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('delete from audit_log where seq = 1')).rejects.toThrow(/append-only/);
    await expect(t.db.query('update audit_log set leaf_index = 99 where seq = 1')).rejects.toThrow(
      /append-only/,
    );
    await t.db.transaction((tx) =>
      audit(tx, ctx, { action: 'case.read', access: 'read', recordType: 'case', recordId: 'late' }),
    );
    // placing a new entry must not smuggle in a change of its content
    await expect(
      t.db.query(
        `update audit_log set leaf_index = 20, leaf_hash = 'x', action = 'forged' where record_id = 'late'`,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query('update audit_checkpoints set root_hash = $1', ['0'.repeat(64)])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query('delete from audit_checkpoints')).rejects.toThrow(/append-only/);
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
    await createAuditSequencer(t.db, () => key).run();
    expect(await verifyAuditLog(t.db, ring)).toEqual({ ok: true, entries: 21, checkpoints: 2, pending: 0 });
  });
});

describe('a log written before migration 0020 (hash chain)', () => {
  it('keeps its entries and the sequencer integrates them in id order', async () => {
    const db = await openPglite(undefined);
    try {
      await db.exec(
        'create table schema_migrations (version text primary key, applied_at timestamptz not null default now())',
      );
      for (const m of migrationFiles().filter((f) => f.version < '0020')) {
        await db.exec(m.sql);
        await db.query('insert into schema_migrations (version) values ($1)', [m.version]);
      }
      for (const id of ['a', 'b', 'c']) {
        await db.query(
          `insert into audit_log (actor_label, action, access, record_type, record_id, prev_hash, hash)
           values ('old', 'case.read', 'read', 'case', $1, $2, $3)`,
          [id, '0'.repeat(64), 'f'.repeat(64)],
        );
      }
      expect(await migrate(db)).toContain('0020_audit_merkle');
      const { key, ring } = testAuditKey();
      expect(await createAuditSequencer(db, () => key).run()).toBe(3);
      const placed = await db.query<{ record_id: string; leaf_index: number }>(
        'select record_id, leaf_index from audit_log order by seq',
      );
      expect(placed.rows).toEqual([
        { record_id: 'a', leaf_index: 0 },
        { record_id: 'b', leaf_index: 1 },
        { record_id: 'c', leaf_index: 2 },
      ]);
      expect(await verifyAuditLog(db, ring)).toEqual({ ok: true, entries: 3, checkpoints: 1, pending: 0 });
    } finally {
      await db.close();
    }
  });
});
