import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { LedgerEntry } from '@reuse-pref/schema';
import { readLogLines } from '../log/log-file.js';

/**
 * What the distributor keeps privately for each ledger leaf: the entry and its salt (which together open
 * the public commitment) and where the leaf sits. Never published; a subject receives their own records.
 */
export interface LedgerRecord {
  readonly key: string;
  readonly leafIndex: number;
  readonly salt: string;
  readonly entry: LedgerEntry;
}

/** Where the private records are read from: each subject's records, oldest first. */
export interface LedgerStore {
  forSubject(key: string): AsyncIterable<LedgerRecord>;
}

/** A ledger `LocalReleaseArchive` records into: it can be taken back to a mark if a release fails. */
export interface LocalLedger extends LedgerStore {
  add(record: LedgerRecord): void;
  /** Writes out anything held back. */
  flush(): void;
  /** Where the ledger stands now. */
  mark(): number;
  /** Takes back every record added since `mark`. */
  rollback(mark: number): void;
}

export class MemoryLedgerStore implements LocalLedger {
  private readonly bySubject = new Map<string, LedgerRecord[]>();
  /** Each record's key in the order added, so a rollback knows which lists to shorten. */
  private readonly added: string[] = [];

  add(record: LedgerRecord): void {
    const list = this.bySubject.get(record.key);
    if (list) list.push(record);
    else this.bySubject.set(record.key, [record]);
    this.added.push(record.key);
  }

  flush(): void {}

  mark(): number {
    return this.added.length;
  }

  rollback(mark: number): void {
    while (this.added.length > mark) this.bySubject.get(this.added.pop()!)!.pop();
  }

  async *forSubject(key: string): AsyncIterable<LedgerRecord> {
    yield* this.bySubject.get(key) ?? [];
  }
}

/**
 * A private JSON-lines ledger file, appended in decision order. Looking a subject up scans the file: right
 * for a CLI and for tests; a server indexes the same records in its database.
 */
export class FileLedgerStore implements LocalLedger {
  private fd: number;
  private pending: string[] = [];

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  add(record: LedgerRecord): void {
    this.pending.push(`${JSON.stringify(record)}\n`);
    if (this.pending.length >= 4096) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
  }

  /** The file's length once everything added is written. */
  mark(): number {
    this.flush();
    return fstatSync(this.fd).size;
  }

  rollback(mark: number): void {
    this.pending = [];
    // Opened for appending, so the next write lands at the new end.
    ftruncateSync(this.fd, mark);
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  async *forSubject(key: string): AsyncIterable<LedgerRecord> {
    this.flush();
    if (!existsSync(this.path)) return;
    for await (const line of readLogLines(this.path)) {
      const record = JSON.parse(line.toString('utf8')) as LedgerRecord;
      if (record.key === key) yield record;
    }
  }
}
