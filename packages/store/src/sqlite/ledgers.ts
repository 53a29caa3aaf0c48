import type Database from 'better-sqlite3';
import { ledgerEntry, ledgersOf, type PlacedEntry, placeEntries, readRange } from '../ledgers/placement.js';
import type { JsonValue } from '../ports/json.js';
import type { LedgerAppend, LedgerEntry, Ledgers } from '../ports/ledgers.js';
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

  async read(ledger: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]> {
    const { from, limit } = readRange(range);
    return this.#read.all(ledger, from, limit).map(toEntry);
  }

  async count(ledger: string): Promise<number> {
    return this.#next.get(ledger)!.next;
  }
}
