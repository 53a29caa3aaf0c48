import { describe, expect, it } from 'vitest';
import { consistencyHolds, MerkleTree } from '../src/index.js';

// consistencyHolds is what a witness and the conformance suite's auditor run over a proof read off the
// wire: hex in, a plain yes or no out, never a throw.
function treeOf(n: number): MerkleTree {
  const tree = new MerkleTree();
  for (let i = 0; i < n; i++) tree.append(Buffer.from(`leaf-${i}`));
  return tree;
}

describe('consistencyHolds', () => {
  const tree = treeOf(13);
  const root = (size: number) => tree.rootHash(size).toString('hex');
  const proof = (first: number, second: number) =>
    tree.consistencyPath(first, second).map((h) => h.toString('hex'));

  it('holds for every proof the tree gives between two of its sizes', () => {
    for (let first = 1; first <= 13; first++) {
      for (let second = first; second <= 13; second++) {
        expect(consistencyHolds(first, second, root(first), root(second), proof(first, second))).toBe(true);
      }
    }
  });

  it('does not hold when a root or a proof hash is changed, or the first size is not the proof’s', () => {
    const path = proof(5, 11);
    const flip = (h: string) => `${h[0] === '0' ? '1' : '0'}${h.slice(1)}`;
    expect(consistencyHolds(5, 11, flip(root(5)), root(11), path)).toBe(false);
    expect(consistencyHolds(5, 11, root(5), flip(root(11)), path)).toBe(false);
    for (let i = 0; i < path.length; i++) {
      const changed = path.map((h, j) => (j === i ? flip(h) : h));
      expect(consistencyHolds(5, 11, root(5), root(11), changed)).toBe(false);
    }
    expect(consistencyHolds(6, 11, root(5), root(11), path)).toBe(false);
    expect(consistencyHolds(5, 11, root(5), root(11), path.slice(1))).toBe(false);
  });

  it('answers false, not an exception, for a hash that is not 64 lowercase hex digits', () => {
    const path = proof(5, 11);
    expect(consistencyHolds(5, 11, root(5).toUpperCase(), root(11), path)).toBe(false);
    expect(consistencyHolds(5, 11, root(5), root(11).slice(2), path)).toBe(false);
    expect(consistencyHolds(5, 11, root(5), root(11), [...path.slice(1), 'not hex'])).toBe(false);
  });
});
