import { nodeHash } from './hash.js';

/**
 * RFC 9162 §2.1.3.2: does `path` prove that the leaf with hash `leaf` sits at `index` in the tree of
 * `treeSize` leaves whose root is `root`? Pure: a family can run it with nothing but the receipt.
 */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  treeSize: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) {
    return false;
  }
  // BigInt keeps the bit arithmetic exact beyond 2^31 leaves, where JS bitwise operators would wrap.
  let fn = BigInt(index);
  let sn = BigInt(treeSize - 1);
  let r: Uint8Array = leaf;
  for (const p of path) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      if ((fn & 1n) === 0n) {
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n && Buffer.from(r).equals(Buffer.from(root));
}

/**
 * RFC 9162 §2.1.4.2: does `path` prove that the tree of `first` leaves with root `firstRoot` is a prefix
 * of the tree of `second` leaves with root `secondRoot`?
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
  path: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) {
    return false;
  }
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
  // The RFC leaves these two cases to the caller: an empty tree is a prefix of every tree, and a tree
  // is consistent with itself only when the roots match and nothing else is claimed.
  if (first === 0) return path.length === 0;
  if (first === second) return path.length === 0 && same(firstRoot, secondRoot);
  if (path.length === 0) return false;

  const proof = [...path];
  if ((first & (first - 1)) === 0) proof.unshift(firstRoot);
  let fn = BigInt(first - 1);
  let sn = BigInt(second - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr: Uint8Array = proof[0]!;
  let sr: Uint8Array = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return same(fr, firstRoot) && same(sr, secondRoot) && sn === 0n;
}
