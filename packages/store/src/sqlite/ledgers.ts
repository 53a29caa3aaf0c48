import type Database from 'better-sqlite3';
import { LedgerConflictError } from '../errors.js';
import {
  ledgerEntry,
  lockedLedgersOf,
  type OrderedRun,
  orderRun,
  placeRun,
  prefixRange,
  readRange,
  runLedgersToLookUp,
  runOf,
  runOpenedOverExisting,
} from '../ledgers/placement.js';
import type { JsonValue } from '../ports/json.js';
import type { LedgerAppend, LedgerEntry, LedgerStream, Ledgers } from '../ports/ledgers.js';
import type { SqliteConnection } from './connection.js';

interface LedgerDbRow {
  ledger: string;
  idx: number;
  entry: string;
  recorded_at: string;
}

const toEntry = (row: LedgerDbRow) => ledgerEntry(row.ledger, row.idx, row.recorded_at, row.entry);

// Rows per multi-row INSERT: far below SQLite's 32,766 parameters, and enough that the statement's own
// overhead no longer shows beside the B-tree inserts.
const INSERT_CHUNK = 500;
// Ledger names per query for their ends, passed as one JSON array.
const ENDS_CHUNK = 4000;
let streams = 0;
const PRIMARY_KEY_VIOLATION = 'SQLITE_CONSTRAINT_PRIMARYKEY';

export class SqliteLedgers implements Ledgers {
  readonly #connection: SqliteConnection;
  readonly #next;
  readonly #ends;
  readonly #read;
  readonly #readUnder;
  // Multi-row inserts of a stream's runs, by table and number of rows.
  readonly #runInserts = new Map<string, Database.Statement<unknown[]>>();

  constructor(connection: SqliteConnection) {
    this.#connection = connection;
    this.#next = connection.db.prepare<[string], { next: number }>(
      'SELECT COALESCE(MAX(idx) + 1, 0) AS next FROM ledger_entries WHERE ledger = ?',
    );
    // One statement for a run's ledgers: each name still costs one index probe, but not a statement
    // call and a row object of its own (a release touches a ledger per subject; this took a sixth of
    // recording it).
    this.#ends = connection.db
      .prepare<[string], [string, number]>(
        `SELECT value, COALESCE((SELECT MAX(idx) + 1 FROM ledger_entries WHERE ledger = value), 0)
           FROM json_each(?)`,
      )
      .raw();
    this.#readUnder = connection.db.prepare<[string, string, number, number], LedgerDbRow>(
      `SELECT ledger, idx, entry, recorded_at FROM ledger_entries
        WHERE ledger >= ? AND ledger < ? ORDER BY ledger, idx LIMIT ? OFFSET ?`,
    );
    this.#read = connection.db.prepare<[string, number, number], LedgerDbRow>(
      'SELECT ledger, idx, entry, recorded_at FROM ledger_entries WHERE ledger = ? AND idx >= ? ORDER BY idx LIMIT ?',
    );
  }

  /**
   * Places a run after each ledger's end in the file and inserts it, in key order; runs inside the
   * caller's write transaction. Returns each entry's index, by its place in the run's order.
   */
  #place(run: OrderedRun, recordedAt: string): Float64Array {
    // Ledgers the run opens (expectedIndex 0) are not looked up: the primary key refuses one that exists.
    const indexes = placeRun(run, this.#endsOf(runLedgersToLookUp(run)));
    this.#insertRun('ledger_entries', run, indexes, recordedAt);
    return indexes;
  }

  /**
   * Inserts a placed run into `table` (its rows' recorded_at, when the table has that column), in key
   * order. Each text is bound as the run's UTF-8 bytes and cast to TEXT: the same stored value as binding
   * the string, without turning the bytes back into one.
   */
  #insertRun(table: string, ordered: OrderedRun, indexes: Float64Array, recordedAt?: string): void {
    const { run, order } = ordered;
    for (let start = 0; start < order.length; start += INSERT_CHUNK) {
      const end = Math.min(order.length, start + INSERT_CHUNK);
      const params: unknown[] = [];
      for (let at = start; at < end; at++) {
        const row = order[at]!;
        params.push(run.ledger(row), indexes[at]!, run.text(row));
        if (recordedAt !== undefined) params.push(recordedAt);
      }
      try {
        this.#runInsertSql(table, end - start, recordedAt !== undefined).run(...params);
      } catch (error) {
        // A failed statement leaves none of its rows (the chunks before it are undone with the caller's
        // transaction); a ledger the run opened over an existing one is a conflict, said as such.
        if ((error as { code?: string }).code === PRIMARY_KEY_VIOLATION) {
          const conflict = runOpenedOverExisting(ordered, start, (l) => this.#next.get(l)!.next);
          if (conflict) throw conflict;
        }
        throw error;
      }
    }
  }

  #runInsertSql(table: string, rows: number, recorded: boolean): Database.Statement<unknown[]> {
    const key = `${table}:${rows}`;
    let prepared = this.#runInserts.get(key);
    if (!prepared) {
      const row = recorded ? '(?, ?, CAST(? AS TEXT), ?)' : '(?, ?, CAST(? AS TEXT))';
      const columns = recorded ? 'ledger, idx, entry, recorded_at' : 'ledger, idx, entry';
      const values = Array.from({ length: rows }, () => row).join(', ');
      prepared = this.#connection.db.prepare<unknown[]>(`INSERT INTO ${table} (${columns}) VALUES ${values}`);
      this.#runInserts.set(key, prepared);
    }
    return prepared;
  }

  /** The next index of each ledger, as the file holds them (in the caller's transaction, if any). */
  #endsOf(ledgers: readonly string[]): Map<string, number> {
    const ends = new Map<string, number>();
    for (let start = 0; start < ledgers.length; start += ENDS_CHUNK) {
      const names = JSON.stringify(ledgers.slice(start, start + ENDS_CHUNK));
      for (const [ledger, next] of this.#ends.all(names)) ends.set(ledger, next);
    }
    // A name JSON cannot carry unchanged into SQLite (a lone surrogate) is looked up on its own.
    for (const ledger of ledgers) if (!ends.has(ledger)) ends.set(ledger, this.#next.get(ledger)!.next);
    return ends;
  }

  async append(ledger: string, entry: JsonValue, options?: { expectedIndex?: number }): Promise<LedgerEntry> {
    const recordedAt = new Date().toISOString();
    const json = JSON.stringify(entry);
    const [index] = this.#connection.write(() =>
      this.#place(orderRun(runOf([{ ledger, json, expectedIndex: options?.expectedIndex }])), recordedAt),
    );
    return ledgerEntry(ledger, index!, recordedAt, json);
  }

  async appendAll(entries: readonly LedgerAppend[]): Promise<void> {
    if (entries.length === 0) return;
    const recordedAt = new Date().toISOString();
    this.#connection.write(() => this.#place(orderRun(runOf(entries)), recordedAt));
  }

  /**
   * Entries are staged in a temporary table of this connection (SQLite keeps it apart from the file:
   * staging takes no write lock, so the server's other writes go on while a release is decided), each
   * placed as it is added (after its ledger's end in the file and after the stream's own entries for it);
   * `commit` then checks, under the write lock, that every asserted ledger still ends where it did, and
   * moves the rows in. A ledger nobody asserts a position in relies on the primary key: had another
   * writer appended to it meanwhile, the commit fails and leaves nothing.
   */
  async appendStream(options?: { exclusive?: boolean }): Promise<LedgerStream> {
    if (options?.exclusive) return this.#exclusiveStream();
    const db = this.#connection.db;
    const table = `ledger_stream_${++streams}`;
    db.exec(
      `CREATE TEMP TABLE ${table} (seq INTEGER PRIMARY KEY, ledger TEXT NOT NULL, idx INTEGER NOT NULL, entry TEXT NOT NULL);
       CREATE INDEX temp.${table}_ends ON ${table} (ledger, idx);`,
    );
    const staged = db.prepare<[string], { next: number | null }>(
      `SELECT MAX(idx) + 1 AS next FROM temp.${table} WHERE ledger = ?`,
    );
    /** The file's end of each asserted ledger when its position was checked: it must not move. */
    const asserted = new Map<string, number>();
    let open = true;
    const drop = () => {
      if (!open) return;
      open = false;
      db.exec(`DROP TABLE IF EXISTS temp.${table}`);
    };
    return {
      add: async (entries) => {
        if (!open) throw new Error('this ledger stream has ended');
        try {
          const run = orderRun(runOf(entries));
          db.transaction(() => {
            const next = new Map<string, number>();
            const inFile = this.#endsOf(run.ledgers);
            for (const [ledger, end] of inFile)
              next.set(ledger, Math.max(end, staged.get(ledger)!.next ?? 0));
            // A ledger opened here (expectedIndex 0) is found taken now, or at the commit by the primary
            // key (said as a LedgerConflictError there), without a second look-up per ledger at the commit.
            for (const ledger of lockedLedgersOf(run.run))
              if (!asserted.has(ledger)) asserted.set(ledger, inFile.get(ledger)!);
            this.#insertRun(`temp.${table}`, run, placeRun(run, next));
          })();
        } catch (error) {
          drop();
          throw error;
        }
      },
      commit: async () => {
        if (!open) throw new Error('this ledger stream has ended');
        try {
          const recordedAt = new Date().toISOString();
          this.#connection.write(() => {
            for (const [ledger, end] of asserted) {
              const now = this.#next.get(ledger)!.next;
              if (now !== end) throw new LedgerConflictError(ledger, end, now);
            }
            try {
              db.prepare<[string]>(
                `INSERT INTO main.ledger_entries (ledger, idx, entry, recorded_at)
                 SELECT ledger, idx, entry, ? FROM temp.${table} ORDER BY seq`,
              ).run(recordedAt);
            } catch (error) {
              if ((error as { code?: string }).code !== PRIMARY_KEY_VIOLATION) throw error;
              // Which staged row landed on an existing one: a ledger this stream opened had entries.
              const taken = db
                .prepare<[], { ledger: string; idx: number }>(
                  `SELECT s.ledger, s.idx FROM temp.${table} s
                     JOIN main.ledger_entries e ON e.ledger = s.ledger AND e.idx = s.idx LIMIT 1`,
                )
                .get();
              if (!taken) throw error;
              throw new LedgerConflictError(taken.ledger, taken.idx, this.#next.get(taken.ledger)!.next);
            }
          });
        } finally {
          drop();
        }
      },
      abort: async () => drop(),
    };
  }

  /**
   * An exclusive stream: the write lock is held from the start, and each run is placed and written in
   * place (the transaction sees its own earlier runs), with nothing staged and nothing moved at commit.
   */
  #exclusiveStream(): LedgerStream {
    const held = this.#connection.hold();
    const recordedAt = new Date().toISOString();
    let open = true;
    const end = (commit: boolean) => {
      if (!open) return;
      open = false;
      held.release(commit);
    };
    return {
      add: async (entries) => {
        if (!open) throw new Error('this ledger stream has ended');
        try {
          const run = orderRun(runOf(entries));
          held.write(() => this.#place(run, recordedAt));
        } catch (error) {
          end(false);
          throw error;
        }
      },
      commit: async () => {
        if (!open) throw new Error('this ledger stream has ended');
        end(true);
      },
      abort: async () => end(false),
    };
  }

  async read(ledger: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]> {
    const { from, limit } = readRange(range);
    return this.#read.all(ledger, from, limit).map(toEntry);
  }

  async readUnder(prefix: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]> {
    const { from, limit } = readRange(range);
    const bounds = prefixRange(prefix);
    // SQLite compares text bytewise (BINARY), so the bounds are one range of the primary key.
    return this.#readUnder.all(bounds.from, bounds.to, limit, from).map(toEntry);
  }

  async count(ledger: string): Promise<number> {
    return this.#next.get(ledger)!.next;
  }
}
