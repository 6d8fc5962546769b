import { createHash } from 'node:crypto';

// RFC 6962 (certificate transparency) Merkle tree hashing, section 2.1. Pure: no I/O.

const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SHA-256(0x00 || data). */
export function leafHash(entryCanonicalBytes: Buffer | string): Buffer {
  const data =
    typeof entryCanonicalBytes === 'string' ? Buffer.from(entryCanonicalBytes, 'utf8') : entryCanonicalBytes;
  return sha256(LEAF_PREFIX, data);
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(NODE_PREFIX, left, right);
}

/** The largest power of two strictly smaller than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over leaf hashes (already leafHash-ed). The empty tree hashes to SHA-256(""). */
export function merkleRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  return subtreeRoot(leaves, 0, leaves.length);
}

function subtreeRoot(leaves: Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 1) return leaves[from]!;
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
}

/** RFC 6962 PATH(m, D[n]): the audit path for leaf `index`. */
export function inclusionProof(index: number, leaves: Buffer[]): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) {
    throw new RangeError(`leaf index ${index} outside tree of size ${leaves.length}`);
  }
  return path(index, leaves, 0, leaves.length);
}

function path(m: number, leaves: Buffer[], from: number, to: number): Buffer[] {
  const n = to - from;
  if (n === 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...path(m, leaves, from, from + k), subtreeRoot(leaves, from + k, to)];
  return [...path(m - k, leaves, from + k, to), subtreeRoot(leaves, from, from + k)];
}

/** Checks an audit path (RFC 9162 section 2.1.3.2 algorithm, equivalent for RFC 6962 paths). */
export function verifyInclusion(
  index: number,
  treeSize: number,
  leaf: Buffer,
  proof: Buffer[],
  root: Buffer,
): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(treeSize) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 6962 PROOF(m, D[n]): proves the tree of the first m leaves is a prefix of the tree of n leaves. */
export function consistencyProof(m: number, leaves: Buffer[]): Buffer[] {
  const n = leaves.length;
  if (!Number.isInteger(m) || m < 0 || m > n) throw new RangeError(`size ${m} outside tree of size ${n}`);
  if (m === 0 || m === n) return [];
  return subproof(m, leaves, 0, n, true);
}

function subproof(m: number, leaves: Buffer[], from: number, to: number, complete: boolean): Buffer[] {
  const n = to - from;
  if (m === n) return complete ? [] : [subtreeRoot(leaves, from, to)];
  const k = splitPoint(n);
  if (m <= k) return [...subproof(m, leaves, from, from + k, complete), subtreeRoot(leaves, from + k, to)];
  return [...subproof(m - k, leaves, from + k, to, false), subtreeRoot(leaves, from, from + k)];
}

/** Checks a consistency proof (RFC 9162 section 2.1.4.2). */
export function verifyConsistency(
  size1: number,
  size2: number,
  root1: Buffer,
  root2: Buffer,
  proof: Buffer[],
): boolean {
  if (!Number.isInteger(size1) || !Number.isInteger(size2) || size1 < 0 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (size1 === 0) return proof.length === 0;
  let path = proof;
  if (isPowerOfTwo(size1)) path = [root1, ...proof];
  if (path.length === 0) return false;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/**
 * The compact frontier of a tree: the roots of its perfect subtrees, largest first (one per set bit
 * of the size). Enough to append leaves and compute the root without the earlier leaves.
 */
export interface Frontier {
  size: number;
  /** hex SHA-256 of each perfect subtree, left to right (largest first) */
  nodes: string[];
}

export const EMPTY_FRONTIER: Frontier = { size: 0, nodes: [] };

/** Extends a frontier with new leaf hashes: O(batch + log n). */
export function extendFrontier(frontier: Frontier, newLeaves: Buffer[]): Frontier {
  const stack: Buffer[] = frontier.nodes.map((h) => Buffer.from(h, 'hex'));
  let size = frontier.size;
  for (const leaf of newLeaves) {
    let node: Buffer = leaf;
    let s = size;
    // merge while the lowest subtree has the same size as the new node (lowest set bits of size)
    while (s % 2 === 1) {
      node = nodeHash(stack.pop()!, node);
      s = Math.floor(s / 2);
    }
    stack.push(node);
    size++;
  }
  return { size, nodes: stack.map((b) => b.toString('hex')) };
}

/** The root of the tree described by a frontier (folds the perfect subtrees right to left). */
export function frontierRoot(frontier: Frontier): Buffer {
  if (frontier.size === 0) return sha256();
  const nodes: Buffer[] = frontier.nodes.map((h) => Buffer.from(h, 'hex'));
  let r: Buffer = nodes[nodes.length - 1]!;
  for (let i = nodes.length - 2; i >= 0; i--) r = nodeHash(nodes[i]!, r);
  return r;
}

/** Appends leaves one at a time, keeping only the frontier (a verifier walking millions of entries). */
export class TreeBuilder {
  private readonly stack: Buffer[] = [];
  size = 0;

  push(leaf: Buffer): void {
    let node: Buffer = leaf;
    for (let s = this.size; s % 2 === 1; s = Math.floor(s / 2)) node = nodeHash(this.stack.pop()!, node);
    this.stack.push(node);
    this.size++;
  }

  root(): Buffer {
    return frontierRoot(this.frontier());
  }

  frontier(): Frontier {
    return { size: this.size, nodes: this.stack.map((b) => b.toString('hex')) };
  }
}
