import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
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

export interface LedgerStore {
  add(record: LedgerRecord): void | Promise<void>;
  forSubject(key: string): AsyncIterable<LedgerRecord>;
  flush?(): void;
}

export class MemoryLedgerStore implements LedgerStore {
  private readonly bySubject = new Map<string, LedgerRecord[]>();

  add(record: LedgerRecord): void {
    const list = this.bySubject.get(record.key);
    if (list) list.push(record);
    else this.bySubject.set(record.key, [record]);
  }

  async *forSubject(key: string): AsyncIterable<LedgerRecord> {
    yield* this.bySubject.get(key) ?? [];
  }
}

/**
 * A private JSON-lines ledger file, appended in decision order. Looking a subject up scans the file: right
 * for a CLI and for tests; a server indexes the same records in its database.
 */
export class FileLedgerStore implements LedgerStore {
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
