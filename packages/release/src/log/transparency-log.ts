import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { canonicalJson, type InclusionProof, type LogLeaf, type SignedTreeHead } from '@reuse-pref/schema';
import { readLogLines } from './log-file.js';
import { MerkleTree } from './merkle.js';
import { type KeyInput, signTreeHead } from './tree-head.js';

const FLUSH_BYTES = 4 * 1024 * 1024;

/** Where a log stood: what `rollback` takes it back to. */
export interface LogMark {
  readonly size: number;
  /** Length of the file then (0 in memory). */
  readonly bytes: number;
}

/**
 * The release transparency log: a Merkle tree over leaves, each leaf one line of canonical JSON. The
 * leaf's bytes are the line itself, so a verifier hashes what it reads and never re-serialises. With a
 * path, every appended line also goes to that file (append-only JSON lines), which is all a verifier needs.
 */
export class TransparencyLog {
  private readonly tree = new MerkleTree();
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingBytes = 0;
  /** The largest size a tree head was signed at: leaves below it are published and never taken back. */
  private signedSize = 0;

  private constructor(readonly path?: string) {}

  static inMemory(): TransparencyLog {
    return new TransparencyLog();
  }

  /** Opens (or creates) a log file, rebuilding the tree from the lines already there. */
  static async open(path: string): Promise<TransparencyLog> {
    const log = new TransparencyLog(path);
    if (existsSync(path)) {
      for await (const line of readLogLines(path)) log.tree.append(line);
    }
    log.fd = openSync(path, 'a');
    return log;
  }

  get size(): number {
    return this.tree.size;
  }

  /** Appends one leaf; returns its index. */
  append(leaf: LogLeaf): number {
    const line = canonicalJson(leaf);
    const index = this.tree.append(Buffer.from(line, 'utf8'));
    if (this.fd !== undefined) {
      this.pending.push(line, '\n');
      this.pendingBytes += line.length + 1;
      if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    }
    return index;
  }

  /**
   * Appends leaves already hashed (RFC 9162 leaf hashes, 32 bytes each, concatenated) whose lines are
   * kept elsewhere, in a store that committed them: a release too large to keep its lines in memory
   * until then. Not for a log with a file, whose lines this would skip.
   */
  appendLeafHashes(hashes: Uint8Array): void {
    if (this.fd !== undefined) throw new Error('a log with a file appends lines, not hashes');
    if (hashes.length % 32 !== 0) throw new RangeError('leaf hashes come 32 bytes each');
    for (let at = 0; at < hashes.length; at += 32) this.tree.appendLeafHash(hashes.subarray(at, at + 32));
  }

  rootHash(treeSize = this.size): string {
    return this.tree.rootHash(treeSize).toString('hex');
  }

  leafHash(index: number): string {
    return this.tree.leafHashAt(index).toString('hex');
  }

  inclusionProof(leafIndex: number, treeSize = this.size): InclusionProof {
    const path = this.tree.inclusionPath(leafIndex, treeSize).map((h) => h.toString('hex'));
    return { leafIndex, treeSize, path };
  }

  consistencyProof(first: number, second = this.size): string[] {
    return this.tree.consistencyPath(first, second).map((h) => h.toString('hex'));
  }

  /** Signs the current head. Flushes first: a head must never commit to lines not yet on disk. */
  signTreeHead(privateKey: KeyInput, timestamp = Date.now()): SignedTreeHead {
    this.flush();
    this.signedSize = Math.max(this.signedSize, this.size);
    return signTreeHead({ treeSize: this.size, rootHash: this.rootHash(), timestamp }, privateKey);
  }

  /** Where the log stands now (written out first, so the file length is exact). */
  mark(): LogMark {
    this.flush();
    return { size: this.size, bytes: this.fd === undefined ? 0 : fstatSync(this.fd).size };
  }

  /**
   * Takes back every leaf appended since `mark`, from the tree and the file: a release that failed before
   * it was committed. Leaves a signed tree head covers are published, so the log refuses to drop them.
   */
  rollback(mark: LogMark): void {
    if (mark.size < this.signedSize) {
      throw new Error(
        `cannot take the log back to ${mark.size} leaves: a tree head was signed at ${this.signedSize}`,
      );
    }
    this.pending = [];
    this.pendingBytes = 0;
    // The file is open for appending, so the next write lands at the new end.
    if (this.fd !== undefined) ftruncateSync(this.fd, mark.bytes);
    this.tree.truncate(mark.size);
  }

  flush(): void {
    if (this.fd === undefined || this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
