import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_FRONTIER,
  extendFrontier,
  frontierRoot,
  inclusionProof,
  leafHash,
  merkleRoot,
  nodeHash,
  TreeBuilder,
  verifyConsistency,
  verifyInclusion,
} from './merkle.ts';

// Test vectors of the certificate-transparency reference implementation (merkle_tree_test.cc).
const INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => Buffer.from(h, 'hex'));
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const LEAVES = INPUTS.map((d) => leafHash(d));
const hex = (bs: Buffer[]) => bs.map((b) => b.toString('hex'));
const buf = (h: string) => Buffer.from(h, 'hex');

describe('RFC 6962 Merkle tree: known answers', () => {
  it('hashes the empty tree as SHA-256 of nothing', () => {
    expect(merkleRoot([]).toString('hex')).toBe(createHash('sha256').digest('hex'));
    expect(merkleRoot([]).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes a leaf and a node with their domain prefixes', () => {
    expect(leafHash('').toString('hex')).toBe(ROOTS[0]);
    expect(
      leafHash(Buffer.alloc(0)).equals(
        createHash('sha256')
          .update(Buffer.from([0]))
          .digest(),
      ),
    ).toBe(true);
    const l = leafHash('a');
    const r = leafHash('b');
    expect(nodeHash(l, r)).toEqual(
      createHash('sha256')
        .update(Buffer.from([1]))
        .update(l)
        .update(r)
        .digest(),
    );
  });

  it('computes the CT roots for trees of 1..8 leaves', () => {
    for (let n = 1; n <= 8; n++) expect(merkleRoot(LEAVES.slice(0, n)).toString('hex')).toBe(ROOTS[n - 1]);
  });

  it('builds the CT audit paths', () => {
    expect(inclusionProof(0, LEAVES.slice(0, 1))).toEqual([]);
    expect(hex(inclusionProof(0, LEAVES))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hex(inclusionProof(5, LEAVES))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(hex(inclusionProof(2, LEAVES.slice(0, 3)))).toEqual([
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    ]);
    expect(hex(inclusionProof(1, LEAVES.slice(0, 5)))).toEqual([
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
  });

  it('builds the CT consistency proofs', () => {
    expect(hex(consistencyProof(1, LEAVES))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(hex(consistencyProof(6, LEAVES))).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    expect(hex(consistencyProof(2, LEAVES.slice(0, 5)))).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ]);
    expect(verifyConsistency(6, 8, buf(ROOTS[5]!), buf(ROOTS[7]!), consistencyProof(6, LEAVES))).toBe(true);
  });
});

const leavesArb = fc
  .array(fc.uint8Array({ maxLength: 12 }), { minLength: 1, maxLength: 70 })
  .map((xs) => xs.map((x) => leafHash(Buffer.from(x))));

describe('RFC 6962 Merkle tree: properties', () => {
  it('every inclusion proof verifies, and a changed leaf, index, path or root does not', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), (leaves, i) => {
        const n = leaves.length;
        const index = i % n;
        const root = merkleRoot(leaves);
        const proof = inclusionProof(index, leaves);
        expect(verifyInclusion(index, n, leaves[index]!, proof, root)).toBe(true);
        expect(verifyInclusion(index, n, leafHash('forged'), proof, root)).toBe(false);
        if (n > 1) {
          const other = (index + 1) % n;
          if (!leaves[other]!.equals(leaves[index]!)) {
            expect(verifyInclusion(other, n, leaves[index]!, proof, root)).toBe(false);
          }
        }
        // a path has a fixed length for its (index, size): one more or one fewer node fails
        expect(verifyInclusion(index, n, leaves[index]!, [...proof, root], root)).toBe(false);
        if (proof.length > 0)
          expect(verifyInclusion(index, n, leaves[index]!, proof.slice(1), root)).toBe(false);
        expect(verifyInclusion(index, n, leaves[index]!, proof, leafHash('other root'))).toBe(false);
        if (proof.length > 0) {
          const bent = proof.map((p, k) => (k === 0 ? leafHash(p) : p));
          expect(verifyInclusion(index, n, leaves[index]!, bent, root)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies, and a rewritten history does not', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), (leaves, i) => {
        const n = leaves.length;
        const m = 1 + (i % n);
        const proof = consistencyProof(m, leaves);
        const r1 = merkleRoot(leaves.slice(0, m));
        const r2 = merkleRoot(leaves);
        expect(verifyConsistency(m, n, r1, r2, proof)).toBe(true);
        const rewritten = [...leaves];
        rewritten[0] = leafHash('rewritten');
        expect(verifyConsistency(m, n, merkleRoot(rewritten.slice(0, m)), r2, proof)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a frontier extended in batches gives the same root as the whole tree', () => {
    fc.assert(
      fc.property(leavesArb, fc.array(fc.nat({ max: 20 }), { maxLength: 10 }), (leaves, cuts) => {
        let f = EMPTY_FRONTIER;
        let at = 0;
        for (const c of cuts) {
          const to = Math.min(leaves.length, at + c);
          f = extendFrontier(f, leaves.slice(at, to));
          expect(frontierRoot(f)).toEqual(merkleRoot(leaves.slice(0, to)));
          at = to;
        }
        f = extendFrontier(f, leaves.slice(at));
        expect(f.size).toBe(leaves.length);
        expect(frontierRoot(f)).toEqual(merkleRoot(leaves));
        const builder = new TreeBuilder();
        for (const leaf of leaves) builder.push(leaf);
        expect(builder.frontier()).toEqual(f);
        expect(builder.root()).toEqual(merkleRoot(leaves));
      }),
      { numRuns: 300 },
    );
  });
});
