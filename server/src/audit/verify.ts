import type { Database } from '../db/index.ts';
import { checkpointSignatureProblem, type PublicKeyRing, type StoredCheckpoint } from './checkpoint.ts';
import { type AuditEntry, auditLeafHash } from './leaf.ts';
import { type Frontier, TreeBuilder } from './merkle.ts';
import { pendingIntegration, readCheckpoints, readIntegratedEntries } from './repository.ts';

export type AuditProblem =
  /** the entry's content (or its place) does not match its leaf hash */
  | 'entry_mismatch'
  /** no entry at this place in the tree: removed */
  | 'missing_entry'
  /** the root recomputed from the entries differs from the signed root: an entry in the range was changed or moved */
  | 'root_mismatch'
  /** the checkpoint's signature does not verify with the key it names */
  | 'bad_signature'
  /** signed by a key that is not among the public keys */
  | 'unknown_key'
  /** the stored frontier (what the next batch extends) does not describe the signed tree */
  | 'frontier_mismatch'
  /** signed earlier than the checkpoint before it */
  | 'time_reversed'
  /** entries placed in the tree beyond the last checkpoint: a checkpoint was removed */
  | 'missing_checkpoint';

export type AuditVerdict =
  | { ok: true; entries: number; checkpoints: number; pending: number }
  | {
      ok: false;
      /** entries and checkpoints verified before the problem */
      entries: number;
      checkpoints: number;
      pending: number;
      problem: AuditProblem;
      /** the first bad entry's place and id, when the problem is an entry */
      leafIndex?: number;
      seq?: number;
      /** the bad checkpoint, when the problem is a checkpoint */
      treeSize?: number;
      /** for root_mismatch: the leaves the changed entry is among, [from, to) */
      range?: [number, number];
    };

type Problem = Omit<Extract<AuditVerdict, { ok: false }>, 'ok' | 'entries' | 'checkpoints' | 'pending'>;

function sameFrontier(a: Frontier, b: Frontier): boolean {
  return a.size === b.size && a.nodes.length === b.nodes.length && a.nodes.every((n, i) => n === b.nodes[i]);
}

function checkpointProblem(
  cp: StoredCheckpoint,
  tree: TreeBuilder,
  previous: StoredCheckpoint | null,
  keys: PublicKeyRing,
): Problem | null {
  const signature = checkpointSignatureProblem(cp, keys);
  if (signature) return { problem: signature, treeSize: cp.treeSize };
  if (tree.root().toString('hex') !== cp.rootHash) {
    return { problem: 'root_mismatch', treeSize: cp.treeSize, range: [previous?.treeSize ?? 0, cp.treeSize] };
  }
  if (!sameFrontier(tree.frontier(), cp.frontier))
    return { problem: 'frontier_mismatch', treeSize: cp.treeSize };
  if (previous && cp.signedAt.getTime() < previous.signedAt.getTime()) {
    return { problem: 'time_reversed', treeSize: cp.treeSize };
  }
  return null;
}

/**
 * Walks the integrated entries in tree order and the checkpoints by size together: each entry's leaf hash
 * from its content, each checkpoint's signature and its root recomputed from the entries (one tree for all
 * checkpoints, so later checkpoints extend earlier ones: append-only). Stops at the first problem.
 */
export async function verifyAuditStructure(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
  checkpoints: AsyncIterable<StoredCheckpoint> | Iterable<StoredCheckpoint>,
  keys: PublicKeyRing,
  pending = 0,
): Promise<AuditVerdict> {
  const tree = new TreeBuilder();
  const cps =
    Symbol.asyncIterator in checkpoints
      ? checkpoints[Symbol.asyncIterator]()
      : (checkpoints as Iterable<StoredCheckpoint>)[Symbol.iterator]();
  let next = (await cps.next()).value as StoredCheckpoint | undefined;
  let previous: StoredCheckpoint | null = null;
  let verifiedCheckpoints = 0;
  const fail = (p: Problem): AuditVerdict => ({
    ok: false,
    entries: tree.size,
    checkpoints: verifiedCheckpoints,
    pending,
    ...p,
  });

  for await (const entry of entries) {
    const place = tree.size;
    if (entry.leafIndex !== place) return fail({ problem: 'missing_entry', leafIndex: place });
    const hash = auditLeafHash(entry, place);
    if (hash.toString('hex') !== entry.leafHash) {
      return fail({ problem: 'entry_mismatch', leafIndex: place, seq: entry.seq });
    }
    tree.push(hash);
    while (next && next.treeSize <= tree.size) {
      const problem = checkpointProblem(next, tree, previous, keys);
      if (problem) return fail(problem);
      previous = next;
      verifiedCheckpoints++;
      next = (await cps.next()).value as StoredCheckpoint | undefined;
    }
  }
  if (next) return fail({ problem: 'missing_entry', leafIndex: tree.size, treeSize: next.treeSize });
  if ((previous?.treeSize ?? 0) !== tree.size) {
    return fail({ problem: 'missing_checkpoint', treeSize: tree.size });
  }
  return { ok: true, entries: tree.size, checkpoints: verifiedCheckpoints, pending };
}

/** Verifies the whole audit log in the database against the given public keys. */
export async function verifyAuditLog(db: Database, keys: PublicKeyRing): Promise<AuditVerdict> {
  const { entries: pending } = await pendingIntegration(db);
  return verifyAuditStructure(readIntegratedEntries(db), readCheckpoints(db), keys, pending);
}

/** One line for a person: what is wrong and where. */
export function describeVerdict(v: AuditVerdict): string {
  const tail = v.pending > 0 ? `; ${v.pending} entries not yet integrated (not checked)` : '';
  if (v.ok)
    return `audit log intact: ${v.entries} entries and ${v.checkpoints} signed checkpoints verified${tail}`;
  const where = [
    v.leafIndex !== undefined ? `leaf index ${v.leafIndex}` : null,
    v.seq !== undefined ? `seq ${v.seq}` : null,
    v.treeSize !== undefined ? `checkpoint of tree size ${v.treeSize}` : null,
    v.range ? `changed entry among leaf indexes ${v.range[0]}..${v.range[1] - 1}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `audit log BROKEN: ${v.problem} at ${where}; ${v.entries} entries and ${v.checkpoints} checkpoints before it verified${tail}`;
}
