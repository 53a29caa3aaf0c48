import { EMPTY_TREE_HASH, nodeHash } from './hash.js';
import { consistencyRanges, inclusionRanges, type LeafRange, largestPowerOfTwoBelow } from './merkle.js';

/**
 * The right edge of an append-only RFC 9162 tree: for each 1 bit of its size, the hash of the complete
 * subtree that bit stands for (a "compact range" over [0, size)). That is all it takes to append and to
 * compute the root, in O(log n) hashes of memory, however many leaves the log holds; the leaves and the
 * other subtree hashes stay where they are kept (a store) and are read when a proof needs them.
 */
export class MerkleFrontier {
  /** levels[k]: MTH of the complete subtree of 2^k leaves on the edge, while bit k of size is set. */
  private readonly levels: (Buffer | undefined)[];

  constructor(
    private count = 0,
    levels: readonly (Buffer | undefined)[] = [],
  ) {
    this.levels = [...levels];
  }

  get size(): number {
    return this.count;
  }

  /** An independent copy: a release appends to one and the log adopts it once the release is committed. */
  clone(): MerkleFrontier {
    return new MerkleFrontier(this.count, this.levels);
  }

  /**
   * Appends one leaf hash. With `completed`, every complete subtree this leaf closes from level `from`
   * up is pushed there, lowest first (level k's hash covers the 2^k leaves ending with this one).
   */
  append(leafHash: Buffer, completed?: { from: number; hashes: Buffer[] }): void {
    let carry = leafHash;
    let level = 0;
    for (;;) {
      if (completed && level >= completed.from) completed.hashes.push(carry);
      const left = this.levels[level];
      if (left === undefined) break;
      carry = nodeHash(left, carry);
      this.levels[level] = undefined;
      level += 1;
    }
    this.levels[level] = carry;
    this.count += 1;
  }

  /** MTH(D[0:size]): the edge's subtrees folded from the smallest, as RFC 9162's recursion splits. */
  rootHash(): Buffer {
    let root: Buffer | undefined;
    for (const hash of this.levels) {
      if (hash !== undefined) root = root === undefined ? hash : nodeHash(hash, root);
    }
    return root ?? EMPTY_TREE_HASH;
  }
}

/**
 * MTH of the complete, aligned subtree of 2^level leaves starting at leaf index·2^level, however it is
 * kept (stored subtree hashes, leaves read and hashed).
 */
export type AlignedSubtree = (level: number, index: number) => Promise<Buffer>;

/** MTH(D[start:start+size]) from aligned subtrees, splitting as RFC 9162 §2.1.1 does. */
export async function subtreeHashFrom(aligned: AlignedSubtree, start: number, size: number): Promise<Buffer> {
  if (size === 0) return EMPTY_TREE_HASH;
  if ((size & (size - 1)) === 0 && start % size === 0) return aligned(Math.log2(size), start / size);
  const k = largestPowerOfTwoBelow(size);
  return nodeHash(
    await subtreeHashFrom(aligned, start, k),
    await subtreeHashFrom(aligned, start + k, size - k),
  );
}

/** RFC 9162 PATH(m, D[n]) from aligned subtrees (the caller keeps n within the log it reads). */
export function inclusionPathFrom(
  aligned: AlignedSubtree,
  index: number,
  treeSize: number,
): Promise<Buffer[]> {
  return hashesOf(aligned, () => inclusionRanges(index, treeSize));
}

/** RFC 9162 PROOF(m, D[n]) from aligned subtrees. */
export function consistencyPathFrom(
  aligned: AlignedSubtree,
  first: number,
  second: number,
): Promise<Buffer[]> {
  return hashesOf(aligned, () => consistencyRanges(first, second));
}

/** The MTHs of a proof's ranges, in order (a range error rejects, as reads do). */
async function hashesOf(aligned: AlignedSubtree, ranges: () => LeafRange[]): Promise<Buffer[]> {
  const path: Buffer[] = [];
  for (const [start, size] of ranges()) path.push(await subtreeHashFrom(aligned, start, size));
  return path;
}
