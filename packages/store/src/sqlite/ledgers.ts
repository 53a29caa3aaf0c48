import type Database from 'better-sqlite3';
import { LedgerConflictError } from '../errors.js';
import { ledgerEntry, ledgersOf, type PlacedEntry, placeEntries, readRange } from '../ledgers/placement.js';
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
let streams = 0;

export class SqliteLedgers implements Ledgers {
  readonly #connection: SqliteConnection;
  readonly #next;
  readonly #read;
  readonly #inserts = new Map<number, Database.Statement<string[]>>();

  constructor(connection: SqliteConnection) {
    this.#connection = connection;
    this.#next = connection.db.prepare<[string], { next: number }>(
      'SELECT COALESCE(MAX(idx) + 1, 0) AS next FROM ledger_entries WHERE ledger = ?',
    );
    this.#read = connection.db.prepare<[string, number, number], LedgerDbRow>(
      'SELECT ledger, idx, entry, recorded_at FROM ledger_entries WHERE ledger = ? AND idx >= ? ORDER BY idx LIMIT ?',
    );
  }

  /** Places and inserts entries; runs inside the caller's write transaction. */
  #insert(entries: readonly LedgerAppend[], recordedAt: string): PlacedEntry[] {
    const next = new Map(ledgersOf(entries).map((ledger) => [ledger, this.#next.get(ledger)!.next]));
    const placed = placeEntries(entries, next);
    for (let start = 0; start < placed.length; start += INSERT_CHUNK) {
      const chunk = placed.slice(start, start + INSERT_CHUNK);
      const params: Array<string | number> = [];
      for (const row of chunk) params.push(row.ledger, row.index, row.entry, recordedAt);
      this.#insertSql(chunk.length).run(...(params as string[]));
    }
    return placed;
  }

  #insertSql(rows: number): Database.Statement<string[]> {
    let prepared = this.#inserts.get(rows);
    if (!prepared) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?)').join(', ');
      prepared = this.#connection.db.prepare<string[]>(
        `INSERT INTO ledger_entries (ledger, idx, entry, recorded_at) VALUES ${values}`,
      );
      this.#inserts.set(rows, prepared);
    }
    return prepared;
  }

  async append(ledger: string, entry: JsonValue, options?: { expectedIndex?: number }): Promise<LedgerEntry> {
    const recordedAt = new Date().toISOString();
    const one: LedgerAppend =
      options?.expectedIndex === undefined
        ? { ledger, entry }
        : { ledger, entry, expectedIndex: options.expectedIndex };
    const [placed] = this.#connection.write(() => this.#insert([one], recordedAt));
    return ledgerEntry(ledger, placed!.index, recordedAt, placed!.entry);
  }

  async appendAll(entries: readonly LedgerAppend[]): Promise<void> {
    if (entries.length === 0) return;
    const recordedAt = new Date().toISOString();
    this.#connection.write(() => this.#insert(entries, recordedAt));
  }

  /**
   * Entries are staged in a temporary table of this connection (SQLite keeps it apart from the file:
   * staging takes no write lock, so the server's other writes go on while a release is decided), then
   * `commit` places and moves them in one write transaction: each entry after its ledger's end at that
   * moment, plus its position among the stream's entries for that ledger.
   */
  async appendStream(): Promise<LedgerStream> {
    const db = this.#connection.db;
    const table = `temp.ledger_stream_${++streams}`;
    db.exec(
      `CREATE TABLE ${table} (seq INTEGER PRIMARY KEY, ledger TEXT NOT NULL, entry TEXT NOT NULL, expected INTEGER)`,
    );
    const inserts = new Map<number, Database.Statement<unknown[]>>();
    const insertSql = (rows: number) => {
      let prepared = inserts.get(rows);
      if (!prepared) {
        const values = Array.from({ length: rows }, () => '(?, ?, ?)').join(', ');
        prepared = db.prepare<unknown[]>(`INSERT INTO ${table} (ledger, entry, expected) VALUES ${values}`);
        inserts.set(rows, prepared);
      }
      return prepared;
    };
    let open = true;
    const drop = () => {
      if (!open) return;
      open = false;
      db.exec(`DROP TABLE IF EXISTS ${table}`);
    };
    const placed = `SELECT s.seq, s.ledger, s.entry, s.expected,
         ROW_NUMBER() OVER (PARTITION BY s.ledger ORDER BY s.seq) - 1
           + (SELECT COALESCE(MAX(e.idx) + 1, 0) FROM main.ledger_entries e WHERE e.ledger = s.ledger) AS idx
       FROM ${table} s`;
    return {
      add: async (entries) => {
        if (!open) throw new Error('this ledger stream has ended');
        try {
          db.transaction(() => {
            for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
              const chunk = entries.slice(start, start + INSERT_CHUNK);
              const params: unknown[] = [];
              for (const e of chunk) params.push(e.ledger, JSON.stringify(e.entry), e.expectedIndex ?? null);
              insertSql(chunk.length).run(...params);
            }
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
            // The few asserted positions first, each counted among its own ledger's staged entries.
            const asserted = db
              .prepare<[], { seq: number; ledger: string; expected: number }>(
                `SELECT seq, ledger, expected FROM ${table} WHERE expected IS NOT NULL`,
              )
              .all();
            for (const { seq, ledger, expected } of asserted) {
              const before = db
                .prepare<[string, number], { n: number }>(
                  `SELECT COUNT(*) AS n FROM ${table} WHERE ledger = ? AND seq < ?`,
                )
                .get(ledger, seq)!.n;
              const actual = this.#next.get(ledger)!.next + before;
              if (actual !== expected) throw new LedgerConflictError(ledger, expected, actual);
            }
            db.prepare<[string]>(
              `INSERT INTO main.ledger_entries (ledger, idx, entry, recorded_at)
               SELECT ledger, idx, entry, ? FROM (${placed}) ORDER BY seq`,
            ).run(recordedAt);
          });
        } finally {
          drop();
        }
      },
      abort: async () => drop(),
    };
  }

  async read(ledger: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]> {
    const { from, limit } = readRange(range);
    return this.#read.all(ledger, from, limit).map(toEntry);
  }

  async count(ledger: string): Promise<number> {
    return this.#next.get(ledger)!.next;
  }
}
