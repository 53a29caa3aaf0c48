import type { JsonValue } from './json.js';

export interface LedgerEntry {
  ledger: string;
  /** Dense position in its ledger, from 0. */
  index: number;
  recordedAt: string;
  entry: JsonValue;
}

/** One entry for `Ledgers.appendAll`. */
/**
 * One entry to append: its value (`entry`), its JSON text (`json`), or both. A caller that has the text
 * (a log leaf's canonical line, a release's per-subject records) may give the text alone, so no object
 * per entry stays alive until the store has written it: the text is kept as the stored text, exactly.
 */
export type LedgerAppend = {
  ledger: string;
  /**
   * Where this entry must land; LedgerConflictError (and nothing appended) if anywhere else. 0 opens a
   * new ledger: a store need not look up its end or lock it, since the primary key already refuses a
   * second entry at index 0 (a national release opens one per subject and cannot afford either).
   */
  expectedIndex?: number;
} & (
  | {
      entry: JsonValue;
      /** `entry` already serialised: kept as the stored text. Must be JSON for the same value. */
      json?: string;
    }
  | { entry?: undefined; json: string }
);

/**
 * One append of any size, handed over in runs (`add`) and landing all together when `commit` resolves,
 * in one transaction: a national release never sits in memory whole. Each ledger's entries land after
 * its end, in the order added, as one `appendAll` of everything added would place them; an
 * `expectedIndex` that does not hold is a LedgerConflictError (from `add` or from `commit`). Any failure,
 * `abort`, or a process that dies first leaves nothing. One stream at a time per store handle; the stream holds one database connection
 * (PostgreSQL) or stages its entries in a temporary table (SQLite) until it ends.
 *
 * A run may be added before the add before it has resolved: runs are written in the order added, and a
 * run added after a failed one fails too. So a caller can hand over the next run while the store is
 * still writing the last, and the store can start on it meanwhile (PostgreSQL reads its ledgers' ends on
 * another connection). `commit` and `abort` wait for the runs added before them.
 */
export interface LedgerStream {
  add(entries: readonly LedgerAppend[]): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Named append-only ledgers: entries at dense indexes from 0, never changed or removed. The release
 * function keeps its log, decisions, subject ledgers and register in them; a relay its onward shares.
 */
export interface Ledgers {
  /**
   * Appends one entry. With `expectedIndex`, fails with LedgerConflictError unless the entry would land at
   * that index (for hash chains computed from the previous entry).
   */
  append(ledger: string, entry: JsonValue, options?: { expectedIndex?: number }): Promise<LedgerEntry>;
  /**
   * Appends many entries to any number of ledgers in one transaction: all of them or, on any error (an
   * `expectedIndex` that does not hold, a failed write), none. Each ledger's entries land in the order
   * given, at consecutive indexes after its current end.
   */
  appendAll(entries: readonly LedgerAppend[]): Promise<void>;
  /**
   * Starts a LedgerStream: many entries to any number of ledgers, all of them or none. `exclusive` is
   * for a process that writes nothing else while the stream is open (the CLI recording a national
   * release): the store may then hold its write lock from the first run to the end and write each run
   * in place (SQLite does; every other write through this handle is refused meanwhile, and other
   * processes wait). PostgreSQL always writes in place and ignores it.
   */
  appendStream(options?: { exclusive?: boolean }): Promise<LedgerStream>;
  read(ledger: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]>;
  /**
   * The entries of every ledger whose name starts with `prefix` (not empty), by name and then index;
   * `from` and `limit` count entries across them. Names compare as their UTF-8 bytes, in both stores, so
   * a family of ledgers (`release:subject:upn:X#...`) reads as one range of the primary key.
   */
  readUnder(prefix: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]>;
  count(ledger: string): Promise<number>;
}
