import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { migrate } from './migrations.js';

export interface SqliteStoreOptions {
  /** Database file; created with its schema when missing. */
  path: string;
  /** How long a write waits for another process holding the write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
}

/**
 * The one handle every SQLite port shares: a file in WAL mode with synchronous=FULL, so a write is on
 * disk before its promise resolves and survives the process being killed. better-sqlite3 is synchronous,
 * so no two operations of one process interleave; `write` takes the write lock up front (BEGIN
 * IMMEDIATE) so several processes on one file queue instead of failing mid-transaction.
 */
/** The page cache while a write lock is held across a stream (see hold): 256 MiB, in SQLite's -KiB form. */
const HELD_CACHE = -256 * 1024;

export class SqliteConnection {
  readonly db: Database.Database;

  constructor(options: SqliteStoreOptions) {
    const db = new Database(options.path);
    this.db = db;
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
  }

  /**
   * Runs `work` as one write transaction. Throwing out of `work` rolls it back (better-sqlite3's way);
   * `work` must not await, or other calls on this connection would run inside the transaction.
   */
  write<T>(work: () => T): T {
    if (this.#held) {
      throw new StoreError('store-busy', 'this store handle is holding its write lock for a ledger stream');
    }
    return this.db.transaction(work).immediate();
  }

  #held = false;

  /**
   * Holds the write lock across awaits (BEGIN IMMEDIATE now, `release` commits or rolls back): for an
   * exclusive ledger stream. Meanwhile `write` refuses, so nothing else can slip into the transaction.
   */
  hold(): { write<T>(work: () => T): T; release(commit: boolean): void } {
    if (this.#held || this.db.inTransaction)
      throw new StoreError('store-busy', 'the write lock is already held');
    this.db.exec('BEGIN IMMEDIATE');
    this.#held = true;
    const db = this.db;
    // A held write is a national release: hundreds of thousands of rows into a B-tree far larger than
    // the usual page cache, one per subject's ledger, so each page would be read, spilled to the WAL
    // and read again. A bigger cache while the lock is held keeps the pages it touches (the size is
    // bounded, so memory does not grow with the cohort); the usual one comes back with the lock.
    const cache = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = ${HELD_CACHE}`);
    return {
      // A savepoint per run: a failed run leaves the transaction as it was.
      write: (work) => db.transaction(work)(),
      release: (commit) => {
        if (!this.#held) return;
        this.#held = false;
        try {
          if (db.inTransaction) db.exec(commit ? 'COMMIT' : 'ROLLBACK');
        } finally {
          db.pragma(`cache_size = ${cache}`);
        }
      },
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
