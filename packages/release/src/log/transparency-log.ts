import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { canonicalJson, type InclusionProof, type LogLeaf, type SignedTreeHead } from '@reuse-pref/schema';
import { readLogLines } from './log-file.js';
import { MerkleTree } from './merkle.js';
import { type KeyInput, signTreeHead } from './tree-head.js';

const FLUSH_BYTES = 4 * 1024 * 1024;

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
    return signTreeHead({ treeSize: this.size, rootHash: this.rootHash(), timestamp }, privateKey);
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
