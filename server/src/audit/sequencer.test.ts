import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import { openPostgres } from '../db/postgres.ts';
import { electLeader } from '../ops/leader.ts';
import { testAuditKey } from '../testing/audit-keys.ts';
import { describeEachEngine, ENGINES, freshDatabase, type TestDatabase } from '../testing/databases.ts';
import { audit } from './index.ts';
import { createAuditSequencer } from './sequencer.ts';
import { verifyAuditLog } from './verify.ts';

const ctx: RequestContext = { actor: { kind: 'system', id: null, label: 'test', grants: [] }, ip: null };

const { key, ring } = testAuditKey();

const write = (db: Database, recordId: string) =>
  db.transaction((tx) =>
    audit(tx, ctx, { action: 'case.read', access: 'read', recordType: 'case', recordId }),
  );

/** Every entry has a place, the places are exactly 0..n-1, and each record id occurs once. */
async function expectDenseTree(db: Database, n: number) {
  const r = await db.query<{
    entries: number;
    placed: number;
    lo: number | null;
    hi: number | null;
    ids: number;
  }>(
    `select count(*)::int as entries, count(leaf_index)::int as placed, min(leaf_index)::int as lo,
            max(leaf_index)::int as hi, count(distinct record_id)::int as ids from audit_log`,
  );
  expect(r.rows[0]).toEqual({ entries: n, placed: n, lo: 0, hi: n - 1, ids: n });
  const sizes = await db.query<{ tree_size: number }>(
    'select tree_size from audit_checkpoints order by tree_size',
  );
  expect(sizes.rows.at(-1)?.tree_size).toBe(n);
  expect(await verifyAuditLog(db, ring)).toMatchObject({ ok: true, entries: n, pending: 0 });
}

describeEachEngine('audit sequencer', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(engine);
  });
  afterAll(() => t.drop());

  it('integrates entries appended concurrently by many transactions, in one dense order', async () => {
    const sequencer = createAuditSequencer(t.db, () => key, { batchSize: 7 });
    let writing = true;
    const integrating = (async () => {
      while (writing) await sequencer.run();
    })();
    await Promise.all(Array.from({ length: 64 }, (_, i) => write(t.db, `concurrent-${i}`)));
    writing = false;
    await integrating;
    await sequencer.run();
    await expectDenseTree(t.db, 64);
  });

  it('resumes after a restart and after dying mid-batch: no entry lost or placed twice', async () => {
    for (let i = 0; i < 30; i++) await write(t.db, `restart-${i}`);
    const first = createAuditSequencer(t.db, () => key, { batchSize: 10 });
    expect(await first.integrateBatch()).toBe(10);
    // dies while signing the next batch: its transaction rolls back, leaf places included
    const dying = createAuditSequencer(
      t.db,
      () => {
        throw new Error('process killed');
      },
      { batchSize: 10 },
    );
    await expect(dying.integrateBatch()).rejects.toThrow('process killed');
    const waiting = await t.db.query<{ n: number }>(
      'select count(*)::int as n from audit_log where leaf_index is null',
    );
    expect(waiting.rows[0]!.n).toBe(20);
    const second = createAuditSequencer(t.db, () => key, { batchSize: 10 });
    expect(await second.run()).toBe(20);
    expect(await second.run()).toBe(0);
    await expectDenseTree(t.db, 94);
  });
});

describe.runIf(ENGINES.includes('postgres'))('audit sequencer on one PostgreSQL, several nodes', () => {
  let t: TestDatabase;
  const nodes: Database[] = [];
  beforeAll(async () => {
    t = await freshDatabase('postgres');
    nodes.push(await openPostgres(t.url!), await openPostgres(t.url!));
  });
  afterAll(async () => {
    await Promise.all(nodes.map((db) => db.close()));
    await t.drop();
  });

  it('never skips an entry that commits after a later id', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let written!: () => void;
    const inserted = new Promise<void>((r) => {
      written = r;
    });
    // the first transaction takes the lower id, then stays open; with no lock, the second commits meanwhile
    const slow = t.db.transaction(async (tx) => {
      await audit(tx, ctx, { action: 'case.read', access: 'read', recordType: 'case', recordId: 'slow' });
      written();
      await gate;
    });
    await inserted;
    await write(t.db, 'fast');
    const sequencer = createAuditSequencer(t.db, () => key);
    expect(await sequencer.run()).toBe(1);
    release();
    await slow;
    expect(await sequencer.run()).toBe(1);
    const r = await t.db.query<{ record_id: string; seq: number; leaf_index: number }>(
      'select record_id, seq, leaf_index from audit_log order by leaf_index',
    );
    expect(r.rows.map((row) => row.record_id)).toEqual(['fast', 'slow']);
    expect(r.rows[1]!.seq).toBeLessThan(r.rows[0]!.seq);
    await expectDenseTree(t.db, 2);
  });

  it('two sequencers racing on one database never place an entry twice', async () => {
    const a = createAuditSequencer(nodes[0]!, () => key, { batchSize: 5 });
    const b = createAuditSequencer(nodes[1]!, () => key, { batchSize: 5 });
    let writing = true;
    const race = (s: typeof a) =>
      (async () => {
        while (writing) await s.integrateBatch();
      })();
    const racing = [race(a), race(b)];
    await Promise.all(Array.from({ length: 60 }, (_, i) => write(nodes[i % 2]!, `race-${i}`)));
    writing = false;
    await Promise.all(racing);
    await a.run();
    await expectDenseTree(t.db, 62);
  });

  it('only the leader sequences; a follower takes over when the leader stops', async () => {
    const log = { info() {}, warn() {} };
    const counts = [0, 0];
    const leaders = await Promise.all(nodes.map(() => electLeader(t.url!, new Registry(), log, 100)));
    leaders.forEach((leader, i) => {
      const s = createAuditSequencer(nodes[i]!, () => key, { onBatch: (n) => (counts[i]! += n) });
      leader.every(
        'audit-sequencer',
        20,
        () => s.run(),
        () => {},
      );
    });
    const first = leaders.findIndex((l) => l.isLeader());
    expect(leaders.filter((l) => l.isLeader())).toHaveLength(1);
    const other = 1 - first;
    const waitUntil = async (what: () => Promise<boolean>) => {
      const deadline = Date.now() + 10_000;
      while (!(await what())) {
        if (Date.now() > deadline) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const pending = async () =>
      (await t.db.query<{ n: number }>('select count(*)::int as n from audit_log where leaf_index is null'))
        .rows[0]!.n;
    for (let i = 0; i < 10; i++) await write(nodes[i % 2]!, `takeover-a-${i}`);
    await waitUntil(async () => (await pending()) === 0);
    expect(counts[first]).toBe(10);
    expect(counts[other]).toBe(0);

    await leaders[first]!.close();
    for (let i = 0; i < 10; i++) await write(nodes[i % 2]!, `takeover-b-${i}`);
    await waitUntil(async () => (await pending()) === 0);
    expect(leaders[other]!.isLeader()).toBe(true);
    expect(counts[other]).toBe(10);
    expect(counts[first]).toBe(10);
    await leaders[other]!.close();
    await expectDenseTree(t.db, 82);
  });
});
