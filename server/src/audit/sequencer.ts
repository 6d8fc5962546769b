import type { Database } from '../db/index.ts';
import { type AuditSigningKey, signCheckpoint } from './checkpoint.ts';
import { auditLeafHash } from './leaf.ts';
import { EMPTY_FRONTIER, extendFrontier, frontierRoot } from './merkle.ts';
import {
  anyUnintegrated,
  insertCheckpoint,
  latestCheckpoint,
  pendingIntegration,
  setLeaves,
  tryLockSequencer,
  unintegratedEntries,
} from './repository.ts';

/** how often the leader integrates (platform schedule) */
export const SEQUENCER_INTERVAL_MS = 200;
/**
 * Largest batch per transaction; a full batch is followed by the next at once. Smaller on the embedded
 * database, whose one connection an alarm shares with the sequencer (a batch of 1,000 took 80-480 ms there
 * on a loaded 2-core machine).
 */
export const SEQUENCER_BATCH = { postgres: 1000, pglite: 200 } as const;

export interface AuditSequencer {
  /** Integrates one batch and signs its checkpoint; 0 when nothing waits or another node is at it. */
  integrateBatch(): Promise<number>;
  /** Integrates batch after batch until fewer than a full batch was waiting. */
  run(): Promise<number>;
  /** committed entries waiting for integration, and the age of the oldest (any node may ask) */
  backlog(): Promise<{ entries: number; oldestSeconds: number }>;
}

/**
 * Gives committed audit entries their places in the Merkle tree, in the order it reads them, and signs a
 * checkpoint over each new tree — all in one transaction. State is only rows: the last checkpoint holds
 * the frontier the next batch extends, so a sequencer that dies mid-way loses nothing (its transaction
 * rolls back) and the next run, here or on another node, continues from the last checkpoint.
 */
export function createAuditSequencer(
  db: Database,
  signer: () => AuditSigningKey,
  options: {
    batchSize?: number;
    now?: () => Date;
    onBatch?: (entries: number, treeSize: number) => void;
  } = {},
): AuditSequencer {
  const batchSize = options.batchSize ?? SEQUENCER_BATCH[db.engine];
  const now = options.now ?? (() => new Date());

  async function integrateBatch(): Promise<number> {
    const result = await db.transaction(async (tx) => {
      // a transaction-scoped lock: two nodes never integrate at once, even in a leadership hand-over
      if (!(await tryLockSequencer(tx))) return null;
      const entries = await unintegratedEntries(tx, batchSize);
      if (entries.length === 0) return null;
      const last = await latestCheckpoint(tx);
      const frontier = last?.frontier ?? EMPTY_FRONTIER;
      const leaves = entries.map((e, i) => ({ seq: e.seq, hash: auditLeafHash(e, frontier.size + i) }));
      await setLeaves(
        tx,
        frontier.size,
        leaves.map((l) => ({ seq: l.seq, leafHash: l.hash.toString('hex') })),
      );
      const next = extendFrontier(
        frontier,
        leaves.map((l) => l.hash),
      );
      const checkpoint = signCheckpoint(
        {
          treeSize: next.size,
          rootHash: frontierRoot(next).toString('hex'),
          // never before the previous checkpoint, whatever this node's clock says after a hand-over
          signedAt: new Date(Math.max(now().getTime(), last?.signedAt.getTime() ?? 0)),
        },
        signer(),
      );
      await insertCheckpoint(tx, checkpoint, next);
      return { entries: entries.length, treeSize: next.size };
    });
    if (!result) return 0;
    options.onBatch?.(result.entries, result.treeSize);
    return result.entries;
  }

  return {
    integrateBatch,
    backlog: () => pendingIntegration(db),
    async run() {
      if (!(await anyUnintegrated(db))) return 0;
      let total = 0;
      for (;;) {
        const n = await integrateBatch();
        total += n;
        if (n < batchSize) return total;
      }
    },
  };
}
