import { describe, expect, it } from 'vitest';
import {
  consistencyPathFrom,
  inclusionPathFrom,
  leafHash,
  MerkleFrontier,
  MerkleTree,
  subtreeHashFrom,
} from '../src/index.js';

// The frontier keeps only the tree's right edge; the async proofs read aligned subtrees from wherever
// they are kept. Both are held to MerkleTree (itself held to the RFC 9162 definition in merkle.test.ts).

const N = 140;
const leaves = Array.from({ length: N }, (_, i) => leafHash(Buffer.from(`leaf-${i}`)));
const full = new MerkleTree();
for (const leaf of leaves) full.appendLeafHash(leaf);
const hex = (hashes: Buffer[]) => hashes.map((h) => h.toString('hex'));

/** Aligned subtrees from the full tree, counting reads. */
function alignedFromTree() {
  const reads: string[] = [];
  const aligned = async (level: number, index: number) => {
    reads.push(`${level}/${index}`);
    const part = new MerkleTree();
    for (let i = index * 2 ** level; i < (index + 1) * 2 ** level; i++) part.appendLeafHash(leaves[i]!);
    return part.rootHash();
  };
  return { aligned, reads };
}

describe('MerkleFrontier', () => {
  it('has the root of the whole tree at every size, and reports each complete subtree it closes', () => {
    const frontier = new MerkleFrontier();
    expect(frontier.rootHash()).toEqual(full.rootHash(0));
    for (let n = 1; n <= N; n++) {
      const completed = { from: 2, hashes: [] as Buffer[] };
      frontier.append(leaves[n - 1]!, completed);
      expect(frontier.size).toBe(n);
      expect(frontier.rootHash().toString('hex')).toBe(full.rootHash(n).toString('hex'));
      // Leaf n - 1 closes the subtree of 2^k leaves ending with it for every k with 2^k dividing n.
      const expected: string[] = [];
      for (let k = 2; n % 2 ** k === 0; k++) {
        const part = new MerkleTree();
        for (let i = n - 2 ** k; i < n; i++) part.appendLeafHash(leaves[i]!);
        expected.push(part.rootHash().toString('hex'));
      }
      expect(hex(completed.hashes)).toEqual(expected);
    }
  });

  it('is copied, not shared: appending to a clone leaves the original as it was', () => {
    const frontier = new MerkleFrontier();
    for (const leaf of leaves.slice(0, 7)) frontier.append(leaf);
    const copy = frontier.clone();
    copy.append(leaves[7]!);
    expect(frontier.size).toBe(7);
    expect(frontier.rootHash()).toEqual(full.rootHash(7));
    expect(copy.rootHash()).toEqual(full.rootHash(8));
  });
});

describe('proofs from aligned subtrees', () => {
  it('give the same inclusion and consistency paths as the tree in memory, in O(log n) reads', async () => {
    for (const treeSize of [1, 2, 3, 7, 8, 9, 64, 100, 127, 128, 129, N]) {
      for (let leaf = 0; leaf < treeSize; leaf++) {
        const { aligned, reads } = alignedFromTree();
        expect(hex(await inclusionPathFrom(aligned, leaf, treeSize))).toEqual(
          hex(full.inclusionPath(leaf, treeSize)),
        );
        expect(reads.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(treeSize + 1)));
      }
      for (let first = 0; first <= treeSize; first++) {
        const { aligned } = alignedFromTree();
        expect(hex(await consistencyPathFrom(aligned, first, treeSize))).toEqual(
          hex(full.consistencyPath(first, treeSize)),
        );
      }
      const { aligned } = alignedFromTree();
      expect(await subtreeHashFrom(aligned, 0, treeSize)).toEqual(full.rootHash(treeSize));
    }
  });

  it('refuse a leaf outside the tree and sizes out of order', async () => {
    const { aligned } = alignedFromTree();
    await expect(inclusionPathFrom(aligned, 5, 5)).rejects.toThrow(RangeError);
    await expect(consistencyPathFrom(aligned, 6, 5)).rejects.toThrow(RangeError);
  });
});
