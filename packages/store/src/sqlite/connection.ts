import Database from 'better-sqlite3';
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
    return this.db.transaction(work).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
