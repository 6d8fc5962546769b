import { inclusionProof, verifyInclusion } from '../audit/merkle.ts';
import { latestCheckpoint, leafHashesUpTo } from '../audit/repository.ts';
import type { Queryable } from '../db/index.ts';
import { auditLeafHashOf, toBundledCheckpoint } from './checkpoint-link.ts';
import type { AuditEvidence } from './content.ts';
import type { Lifecycle } from './gather.ts';
import { leafIndexesOf } from './repository.ts';

export const LEAF_FORMAT =
  'RFC 6962 leaf: SHA-256(0x00 || canonical JSON {v:1, leafIndex, seq, at, actorId, actorLabel, action, access, recordType, recordId, ip, reason, details}), keys sorted';

/**
 * Waits until the sequencer has placed these audit entries in the tree and signed a checkpoint over them
 * (it runs every 200 ms on the leader). `integrate` may run a sequencer pass meanwhile (the CLI, alone on an
 * embedded database). False when the time ran out.
 */
export async function waitUntilCovered(
  db: Queryable,
  seqs: number[],
  options: { timeoutMs: number; integrate?: () => Promise<unknown> },
): Promise<boolean> {
  const until = Date.now() + options.timeoutMs;
  for (;;) {
    const places = [...(await leafIndexesOf(db, seqs)).values()];
    const checkpoint = await latestCheckpoint(db);
    if (
      places.length === seqs.length &&
      places.every((p) => p !== null && checkpoint !== null && p < checkpoint.treeSize)
    ) {
      return true;
    }
    if (Date.now() >= until) return false;
    if (options.integrate) await options.integrate();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The audit part of a bundle: each entry with its audit path to the newest signed checkpoint. Each proof is
 * checked here against the entry's own fields before it goes out: a bundle from a tampered log is refused at
 * export rather than found out in court.
 */
export async function proveEntries(
  db: Queryable,
  entries: Lifecycle['auditEntries'],
): Promise<AuditEvidence> {
  const checkpoint = await latestCheckpoint(db);
  const covered = (i: number | null): i is number =>
    i !== null && checkpoint !== null && i < checkpoint.treeSize;
  const leaves =
    checkpoint && entries.some((e) => covered(e.leafIndex))
      ? await leafHashesUpTo(db, checkpoint.treeSize)
      : [];
  const root = checkpoint ? Buffer.from(checkpoint.rootHash, 'hex') : null;
  return {
    leafFormat: LEAF_FORMAT,
    checkpoint: checkpoint ? { ...toBundledCheckpoint(checkpoint) } : null,
    entries: entries.map((e) => {
      if (!covered(e.leafIndex) || !root || !checkpoint) {
        return { seq: e.seq, actorName: e.actorName, entry: e.entry, leafIndex: e.leafIndex, proof: null };
      }
      const proof = inclusionProof(e.leafIndex, leaves);
      const leaf = auditLeafHashOf(e.entry, e.seq, e.leafIndex);
      if (
        !leaves[e.leafIndex]!.equals(leaf) ||
        !verifyInclusion(e.leafIndex, checkpoint.treeSize, leaf, proof, root)
      ) {
        throw new Error(`audit entry ${e.seq} does not match its place in the signed audit log`);
      }
      return {
        seq: e.seq,
        actorName: e.actorName,
        entry: e.entry,
        leafIndex: e.leafIndex,
        proof: proof.map((p) => p.toString('hex')),
      };
    }),
  };
}
