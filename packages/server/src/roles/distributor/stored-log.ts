import {
  type AlignedSubtree,
  canonicalJson,
  consistencyPathFrom,
  inclusionPathFrom,
  leafHashOfText,
  MerkleFrontier,
  nodeHash,
} from '@reuse-pref/release';
import type { InclusionProof } from '@reuse-pref/schema';
import { LedgerConflictError, type Ledgers } from '@reuse-pref/store';

/** The public log's leaves, one canonical JSON line each. */
export const LOG = 'release:log';
/**
 * The log's complete subtree hashes from BLOCK leaves up: entry b holds, as hex, the hash of every
 * aligned subtree of at least BLOCK leaves that leaf (b + 1)·BLOCK - 1 completes, smallest first (the
 * block's own first, then one more for each trailing zero bit of b + 1). Written in the transaction that
 * writes the leaves, so it is append-only and dense like the log.
 */
export const SUBTREES = 'release:log:subtrees';
const BLOCK_LEVEL = 8;
const BLOCK = 2 ** BLOCK_LEVEL;
const READ_PAGE = 5000;

/** What reading the whole log from the store found (see `StoredLog.open`). */
export interface LogReading {
  log: StoredLog;
  /** MTH of the first `signedSize` leaves, hex; undefined when the store holds fewer. */
  rootAtSigned: string | undefined;
  /** The stored subtree hashes disagree with the leaves: why, for the log alarm. */
  mismatch: string | undefined;
}

/**
 * The distributor's transparency log as kept in its store: leaves and complete subtree hashes in two
 * append-only ledgers, and in memory only the tree's right edge (a MerkleFrontier, O(log n) hashes). A
 * proof reads O(log n) stored subtree hashes and the leaves of at most a few blocks of BLOCK leaves, so
 * memory does not grow with the log, however many national releases it holds.
 */
export class StoredLog {
  private constructor(
    private readonly ledgers: Ledgers,
    private frontier: MerkleFrontier,
  ) {}

  /**
   * Reads every leaf from the store and hashes it (a page at a time), so a leaf rewritten while the
   * server was stopped shows in the root; checks every stored subtree hash against the leaves, and
   * writes the ones a log recorded before they were kept is missing (once; another process writing the
   * same ones first is fine).
   */
  static async open(ledgers: Ledgers, signedSize: number | undefined): Promise<LogReading> {
    const frontier = new MerkleFrontier();
    let rootAtSigned = signedSize === 0 ? frontier.rootHash().toString('hex') : undefined;
    let mismatch: string | undefined;
    for (let from = 0; ; from += READ_PAGE) {
      const page = await ledgers.read(LOG, { from, limit: READ_PAGE });
      const blocks: string[] = [];
      // Every row read is taken, as it comes: a leaf removed from the middle shows as a shorter log.
      for (const row of page) {
        const node = appendLeaf(frontier, leafHashOfText(canonicalJson(row.entry)));
        if (node !== undefined) blocks.push(node);
        if (frontier.size === signedSize) rootAtSigned = frontier.rootHash().toString('hex');
      }
      mismatch ??= await checkBlocks(ledgers, Math.floor(frontier.size / BLOCK) - blocks.length, blocks);
      if (page.length < READ_PAGE) break;
    }
    return { log: new StoredLog(ledgers, frontier), rootAtSigned, mismatch };
  }

  /**
   * `open` from the store's subtree hashes instead of every leaf: the log's size from its newest index,
   * the edge's complete subtrees of BLOCK leaves or more from their stored hashes (a point read each),
   * the rest from the last block's leaves. O(log n) reads and at most BLOCK leaf hashes, where `open`
   * reads and hashes every leaf of every release ever recorded (minutes at national size, growing with
   * each release). It checks only what the edge covers: leaves removed from the end, or an edge hash
   * rewritten, still show against a signed head (`rootAtSigned`), but a leaf rewritten inside a complete
   * block does not (`mismatch` is undefined): `open` finds that, and so does anyone checking a proof of
   * that leaf against a signed head. A store that lacks a hash or leaf the edge needs (a log recorded
   * before subtree hashes were kept, or one cut short) is read by `open` instead (decision 0053).
   */
  static async openAtEdge(ledgers: Ledgers, signedSize: number | undefined): Promise<LogReading> {
    const size = await ledgers.count(LOG);
    if ((await ledgers.count(SUBTREES)) < Math.floor(size / BLOCK))
      return StoredLog.open(ledgers, signedSize);
    const log = new StoredLog(ledgers, new MerkleFrontier());
    const subtree = log.reader();
    try {
      log.frontier = await frontierOf(subtree, size);
      const rootAtSigned =
        signedSize === undefined || signedSize > size
          ? undefined
          : (await frontierOf(subtree, signedSize)).rootHash().toString('hex');
      return { log, rootAtSigned, mismatch: undefined };
    } catch {
      // A hash or leaf the edge needs is not where the store's lengths say: read it all, as at start.
      return StoredLog.open(ledgers, signedSize);
    }
  }

  get size(): number {
    return this.frontier.size;
  }

  rootHash(): string {
    return this.frontier.rootHash().toString('hex');
  }

  /** Takes in the leaves other processes committed since this one last looked. */
  async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.ledgers.read(LOG, { from: this.size, limit: READ_PAGE });
      for (const row of page) {
        if (row.index === this.size) appendLeaf(this.frontier, leafHashOfText(canonicalJson(row.entry)));
      }
      if (page.length < READ_PAGE) return;
    }
  }

  /** A release's leaves, appended to a copy of the edge until the release is committed. */
  extension(): LogExtension {
    return new LogExtension(this.frontier.clone());
  }

  /** Takes a committed release's leaves, unless a catch-up has read them from the store already. */
  adopt(extension: LogExtension, firstLeafIndex: number): void {
    if (this.size === firstLeafIndex) this.frontier = extension.frontier;
  }

  async inclusionProof(leafIndex: number, treeSize: number): Promise<InclusionProof> {
    this.checkSize(treeSize);
    const path = await inclusionPathFrom(this.reader(), leafIndex, treeSize);
    return { leafIndex, treeSize, path: path.map((h) => h.toString('hex')) };
  }

  async consistencyProof(first: number, second: number): Promise<string[]> {
    this.checkSize(second);
    const path = await consistencyPathFrom(this.reader(), first, second);
    return path.map((h) => h.toString('hex'));
  }

  private checkSize(treeSize: number): void {
    if (!Number.isInteger(treeSize) || treeSize < 0 || treeSize > this.size) {
      throw new RangeError(`tree size ${treeSize} is outside 0..${this.size}`);
    }
  }

  /**
   * Aligned subtrees for one proof: from BLOCK leaves up a stored hash, one point read each; below, the
   * block's leaves read once (for this proof) and hashed.
   */
  private reader(): AlignedSubtree {
    const blocks = new Map<number, Buffer[]>();
    return async (level, index) => {
      if (level >= BLOCK_LEVEL) {
        const block = (index + 1) * 2 ** (level - BLOCK_LEVEL) - 1;
        const [row] = await this.ledgers.read(SUBTREES, { from: block, limit: 1 });
        const hex = (row?.entry as string[] | undefined)?.[level - BLOCK_LEVEL];
        if (row?.index !== block || typeof hex !== 'string')
          throw new Error(`the store holds no hash for the log's subtree ${level}/${index}`);
        return Buffer.from(hex, 'hex');
      }
      const first = index * 2 ** level;
      const block = Math.floor(first / BLOCK);
      let hashes = blocks.get(block);
      if (hashes === undefined) {
        const rows = await this.ledgers.read(LOG, { from: block * BLOCK, limit: BLOCK });
        hashes = rows.map((row) => leafHashOfText(canonicalJson(row.entry)));
        blocks.set(block, hashes);
      }
      const offset = first - block * BLOCK;
      if (offset + 2 ** level > hashes.length)
        throw new Error(`the store holds fewer leaves than the log's subtree ${level}/${index} covers`);
      return completeSubtree(hashes.slice(offset, offset + 2 ** level));
    };
  }
}

/** A release's part of the log: its leaves' hashes folded into a copy of the edge, its subtree rows. */
export class LogExtension {
  constructor(readonly frontier: MerkleFrontier) {}

  /**
   * Appends a leaf hash; returns the row of subtree hashes to write beside the leaf when it completes a
   * block, at the index the store must hold it (so a log with missing subtree rows cannot grow).
   */
  add(leafHash: Buffer): { ledger: string; json: string; expectedIndex: number } | undefined {
    const json = appendLeaf(this.frontier, leafHash);
    if (json === undefined) return undefined;
    const block = this.frontier.size / BLOCK - 1;
    return { ledger: SUBTREES, json, expectedIndex: block };
  }
}

/** Appends one leaf hash to `frontier`; the subtree row (JSON) when the leaf completes a block. */
function appendLeaf(frontier: MerkleFrontier, leafHash: Buffer): string | undefined {
  const completed = { from: BLOCK_LEVEL, hashes: [] as Buffer[] };
  frontier.append(leafHash, completed);
  if (completed.hashes.length === 0) return undefined;
  return JSON.stringify(completed.hashes.map((h) => h.toString('hex')));
}

/** The edge of the tree of the first `size` leaves: the complete subtree for each bit set in `size`. */
async function frontierOf(subtree: AlignedSubtree, size: number): Promise<MerkleFrontier> {
  const levels: Buffer[] = [];
  let top = 0;
  while (2 ** (top + 1) <= size) top++;
  let start = 0;
  for (let level = top; level >= 0 && start < size; level--) {
    const width = 2 ** level;
    if (size - start < width) continue;
    levels[level] = await subtree(level, start / width);
    start += width;
  }
  return new MerkleFrontier(size, levels);
}

/** MTH of a complete subtree's leaf hashes (a power of two of them), level by level. */
function completeSubtree(hashes: Buffer[]): Buffer {
  let level = hashes;
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    level = next;
  }
  return level[0]!;
}

/**
 * Compares the subtree rows the leaves just read call for (blocks first, first + 1, ...) with the stored
 * ones, writing those missing; returns why, when a stored one differs.
 */
async function checkBlocks(ledgers: Ledgers, first: number, expected: string[]): Promise<string | undefined> {
  if (expected.length === 0) return undefined;
  const stored = await ledgers.read(SUBTREES, { from: first, limit: expected.length });
  for (const row of stored) {
    const want = expected[row.index - first];
    if (want !== undefined && JSON.stringify(row.entry) !== want) {
      return `The stored subtree hashes of the log (${SUBTREES} entry ${row.index}) no longer match leaves ${row.index * BLOCK} to ${(row.index + 1) * BLOCK - 1}: the log was rewritten.`;
    }
  }
  const missing = expected.slice(stored.length);
  if (missing.length === 0) return undefined;
  const at = first + stored.length;
  try {
    await ledgers.appendAll(
      missing.map((json, i) => ({ ledger: SUBTREES, entry: JSON.parse(json), json, expectedIndex: at + i })),
    );
  } catch (error) {
    // Another process opening the same log wrote them first; they are checked at the next open.
    if (!(error instanceof LedgerConflictError)) throw error;
  }
  return undefined;
}
