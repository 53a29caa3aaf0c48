import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MerkleTree, verifyConsistency, verifyInclusion } from '../src/index.js';

// The RFC 9162 §2.1.1 definition, written as directly as possible, as an independent reference.
const sha = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
function referenceMth(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return sha(Buffer.from([0]), leaves[0]!);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), referenceMth(leaves.slice(0, k)), referenceMth(leaves.slice(k)));
}

const leafBytes = (i: number) => Buffer.from(`leaf-${i}`);
function treeOf(n: number): MerkleTree {
  const tree = new MerkleTree();
  for (let i = 0; i < n; i++) tree.append(leafBytes(i));
  return tree;
}
const tampered = (h: Buffer) => {
  const copy = Buffer.from(h);
  copy[0] = copy[0]! ^ 1;
  return copy;
};

// Known-answer vectors: the eight test leaves and roots of the certificate-transparency reference tests.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('MerkleTree hashing', () => {
  it('matches the certificate-transparency known answers for sizes 1..8', () => {
    const tree = new MerkleTree();
    const roots = CT_LEAVES.map((hex) => {
      tree.append(Buffer.from(hex, 'hex'));
      return tree.rootHash().toString('hex');
    });
    expect(roots).toEqual(CT_ROOTS);
  });

  it('has the SHA-256 of nothing as the empty root', () => {
    expect(new MerkleTree().rootHash().toString('hex')).toBe(sha().toString('hex'));
  });

  it.each(Array.from({ length: 64 }, (_, i) => i + 1))(
    'agrees with the RFC definition at every size up to %i',
    (n) => {
      const tree = treeOf(n);
      const leaves = Array.from({ length: n }, (_, i) => leafBytes(i));
      for (let size = 0; size <= n; size++) {
        expect(tree.rootHash(size).equals(referenceMth(leaves.slice(0, size)))).toBe(true);
      }
    },
  );
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  it.each(Array.from({ length: 64 }, (_, i) => i + 1))('verify for every index of a tree of %i', (n) => {
    const tree = treeOf(n);
    const root = tree.rootHash();
    for (let m = 0; m < n; m++) {
      const path = tree.inclusionPath(m);
      const leaf = tree.leafHashAt(m);
      expect(verifyInclusion(leaf, m, n, path, root)).toBe(true);
      // Each of these must fail: another leaf, another index, a changed hash on the path, a short path.
      expect(verifyInclusion(tree.leafHashAt((m + 1) % n), m, n, path, root)).toBe(n === 1);
      if (n > 1) expect(verifyInclusion(leaf, (m + 1) % n, n, path, root)).toBe(false);
      for (let j = 0; j < path.length; j++) {
        const bad = path.map((h, i) => (i === j ? tampered(h) : h));
        expect(verifyInclusion(leaf, m, n, bad, root)).toBe(false);
      }
      if (path.length > 0) expect(verifyInclusion(leaf, m, n, path.slice(0, -1), root)).toBe(false);
      expect(verifyInclusion(leaf, m, n, [...path, root], root)).toBe(false);
      expect(verifyInclusion(leaf, m, n, path, tampered(root))).toBe(false);
    }
  });

  it('refuses an index outside the tree', () => {
    const tree = treeOf(4);
    expect(verifyInclusion(tree.leafHashAt(0), 4, 4, tree.inclusionPath(0), tree.rootHash())).toBe(false);
    expect(verifyInclusion(tree.leafHashAt(0), -1, 4, tree.inclusionPath(0), tree.rootHash())).toBe(false);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  it.each(Array.from({ length: 64 }, (_, i) => i + 1))('verify from every earlier size to %i', (n) => {
    const tree = treeOf(n);
    const second = tree.rootHash(n);
    for (let m = 0; m <= n; m++) {
      const first = tree.rootHash(m);
      const proof = tree.consistencyPath(m, n);
      expect(verifyConsistency(m, n, first, second, proof)).toBe(true);
      for (let j = 0; j < proof.length; j++) {
        const bad = proof.map((h, i) => (i === j ? tampered(h) : h));
        expect(verifyConsistency(m, n, first, second, bad)).toBe(false);
      }
      if (m > 0 && m < n) {
        expect(verifyConsistency(m, n, tampered(first), second, proof)).toBe(false);
        expect(verifyConsistency(m, n, first, tampered(second), proof)).toBe(false);
      }
    }
  });

  it('rejects a first size beyond the second and a self-proof with different roots', () => {
    const tree = treeOf(8);
    expect(verifyConsistency(9, 8, tree.rootHash(8), tree.rootHash(8), [])).toBe(false);
    expect(verifyConsistency(8, 8, tree.rootHash(7), tree.rootHash(8), [])).toBe(false);
  });
});

describe('truncation (a release taken back before it was signed)', () => {
  it.each([
    [0, 1],
    [1, 2],
    [3, 8],
    [8, 9],
    [13, 33],
    [32, 64],
    [47, 100],
  ])('a tree of %i leaves, grown to %i and cut back, is the tree of %i again', (size, grown) => {
    const tree = treeOf(size);
    for (let i = size; i < grown; i++) tree.append(Buffer.from(`other-${i}`));
    tree.truncate(size);
    const fresh = treeOf(size);
    expect(tree.size).toBe(size);
    expect(tree.rootHash()).toEqual(fresh.rootHash());
    // Growing again gives every root, proof and leaf the tree would have had without the detour.
    for (let i = size; i < grown; i++) {
      tree.append(leafBytes(i));
      fresh.append(leafBytes(i));
    }
    expect(tree.rootHash()).toEqual(referenceMth(Array.from({ length: grown }, (_, i) => leafBytes(i))));
    for (let m = 0; m < grown; m += 7) expect(tree.inclusionPath(m)).toEqual(fresh.inclusionPath(m));
    expect(tree.consistencyPath(size, grown)).toEqual(fresh.consistencyPath(size, grown));
  });

  it('refuses a size beyond the tree', () => {
    expect(() => treeOf(4).truncate(5)).toThrow(RangeError);
    expect(() => treeOf(4).truncate(-1)).toThrow(RangeError);
  });
});
