import { EMPTY_TREE_HASH, HASH_SIZE, leafHash, nodeHash } from './hash.js';

/** A growable array of fixed-size hashes in one buffer: 32 bytes a node, no per-node object. */
class HashArray {
  private buf = Buffer.alloc(HASH_SIZE * 1024);
  length = 0;

  push(hash: Uint8Array): void {
    if ((this.length + 1) * HASH_SIZE > this.buf.length) {
      const bigger = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(bigger);
      this.buf = bigger;
    }
    this.buf.set(hash, this.length * HASH_SIZE);
    this.length += 1;
  }

  at(i: number): Buffer {
    return this.buf.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE);
  }
}

export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A range of leaves [start, start + size) whose MTH a proof carries. */
export type LeafRange = readonly [start: number, size: number];

/**
 * The ranges whose MTHs make RFC 9162 §2.1.3.1 PATH(m, D[n]), in proof order: one definition of the
 * recursion for a tree held in memory and for one read from a store.
 */
export function inclusionRanges(index: number, treeSize: number): LeafRange[] {
  if (index < 0 || index >= treeSize) throw new RangeError(`leaf ${index} is outside a tree of ${treeSize}`);
  const ranges: LeafRange[] = [];
  const walk = (m: number, start: number, n: number): void => {
    if (n <= 1) return;
    const k = largestPowerOfTwoBelow(n);
    if (m < k) {
      walk(m, start, k);
      ranges.push([start + k, n - k]);
    } else {
      walk(m - k, start + k, n - k);
      ranges.push([start, k]);
    }
  };
  walk(index, 0, treeSize);
  return ranges;
}

/** The ranges whose MTHs make RFC 9162 §2.1.4.1 PROOF(m, D[n]), in proof order. */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  if (first < 0 || first > second) throw new RangeError(`cannot prove ${first} consistent with ${second}`);
  if (first === 0 || first === second) return [];
  const ranges: LeafRange[] = [];
  const sub = (m: number, start: number, n: number, complete: boolean): void => {
    if (m === n) {
      if (!complete) ranges.push([start, n]);
      return;
    }
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      sub(m, start, k, complete);
      ranges.push([start + k, n - k]);
    } else {
      sub(m - k, start + k, n - k, false);
      ranges.push([start, k]);
    }
  };
  sub(first, 0, second, true);
  return ranges;
}

/**
 * An append-only Merkle tree with RFC 9162 §2.1 hashing. It keeps every complete, aligned subtree hash
 * (level k holds the hashes of leaves [j·2^k, (j+1)·2^k)), so any MTH the RFC algorithms need is a lookup
 * or a short walk down the right edge: proofs cost O(log n) hashes instead of rehashing the tree.
 */
export class MerkleTree {
  private readonly levels: HashArray[] = [new HashArray()];

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends the leaf's bytes; returns its index. */
  append(leaf: Uint8Array): number {
    return this.appendLeafHash(leafHash(leaf));
  }

  appendLeafHash(hash: Uint8Array): number {
    const index = this.size;
    this.levels[0]!.push(hash);
    let level = 0;
    let count = this.levels[0]!.length;
    while (count % 2 === 0) {
      const current = this.levels[level]!;
      const combined = nodeHash(current.at(count - 2), current.at(count - 1));
      level += 1;
      if (!this.levels[level]) this.levels[level] = new HashArray();
      this.levels[level]!.push(combined);
      count = this.levels[level]!.length;
    }
    return index;
  }

  /**
   * Drops every leaf from `size` on, with every subtree hash over them: level k keeps the complete
   * subtrees of the first `size` leaves, of which there are floor(size / 2^k).
   */
  truncate(size: number): void {
    this.checkSize(size);
    this.levels.forEach((level, k) => {
      level.length = Math.floor(size / 2 ** k);
    });
  }

  leafHashAt(index: number): Buffer {
    if (index < 0 || index >= this.size) throw new RangeError(`no leaf ${index} in a tree of ${this.size}`);
    return this.levels[0]!.at(index);
  }

  /** MTH(D[start:start+size]) for a range the RFC recursion produces. */
  private subtree(start: number, size: number): Buffer {
    if (size === 0) return EMPTY_TREE_HASH;
    // A power-of-two range starting on its own boundary is a stored complete subtree.
    if ((size & (size - 1)) === 0 && start % size === 0) {
      const level = Math.log2(size);
      return this.levels[level]!.at(start / size);
    }
    const k = largestPowerOfTwoBelow(size);
    return nodeHash(this.subtree(start, k), this.subtree(start + k, size - k));
  }

  rootHash(treeSize = this.size): Buffer {
    this.checkSize(treeSize);
    return this.subtree(0, treeSize);
  }

  /** RFC 9162 §2.1.3.1 PATH(m, D[n]). */
  inclusionPath(index: number, treeSize = this.size): Buffer[] {
    this.checkSize(treeSize);
    return inclusionRanges(index, treeSize).map(([start, size]) => this.subtree(start, size));
  }

  /** RFC 9162 §2.1.4.1 PROOF(m, D[n]). */
  consistencyPath(first: number, second = this.size): Buffer[] {
    this.checkSize(second);
    return consistencyRanges(first, second).map(([start, size]) => this.subtree(start, size));
  }

  private checkSize(treeSize: number): void {
    if (!Number.isInteger(treeSize) || treeSize < 0 || treeSize > this.size) {
      throw new RangeError(`tree size ${treeSize} is outside 0..${this.size}`);
    }
  }
}
