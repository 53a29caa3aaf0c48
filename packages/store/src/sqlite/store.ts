import type { Statement } from '@reuse-pref/schema';
import Database from 'better-sqlite3';
import { completeBatch, planBatch } from '../batch-plan.js';
import { decodeCursor, encodeCursor, pageSize } from '../cursor.js';
import {
  IdempotencyConflictError,
  InvalidRequestError,
  LedgerConflictError,
  PreconditionFailedError,
  StatementConflictError,
} from '../errors.js';
import { newEtag } from '../etag.js';
import { checkGuardQuery, checkPupilQuery } from '../pupil-query.js';
import {
  appendOutcome,
  type InsertResult,
  type StatementRow,
  sameContent,
  toStatementRow,
} from '../statement-row.js';
import type {
  AppendOutcome,
  BatchRecord,
  BatchResult,
  BulkInsertResult,
  ChangeFeedPage,
  GuardedAppendOutcome,
  IdempotencyClaim,
  IdempotencyLookup,
  IdempotentResponse,
  IfMatch,
  JsonValue,
  LedgerEntry,
  PageRequest,
  PupilQuery,
  SchoolState,
  StatementPage,
  StatementStore,
  StoredStatement,
} from '../types.js';
import { migrate } from './migrations.js';

export interface SqliteStoreOptions {
  /** Database file; created with its schema when missing. */
  path: string;
  /** How long a write waits for another process holding the write lock, in ms (default 5000). */
  busyTimeoutMs?: number;
}

interface StatementDbRow {
  seq: number;
  stored_at: string;
  body: string;
}

interface LedgerDbRow {
  ledger: string;
  idx: number;
  entry: string;
  recorded_at: string;
}

interface StateDbRow {
  urn: string;
  version: number;
  etag: string;
  data: string;
  updated_at: string;
}

function toStored(row: StatementDbRow): StoredStatement {
  return {
    cursor: encodeCursor(row.seq),
    storedAt: row.stored_at,
    statement: JSON.parse(row.body) as Statement,
  };
}

function toLedgerEntry(row: LedgerDbRow): LedgerEntry {
  return {
    ledger: row.ledger,
    index: row.idx,
    recordedAt: row.recorded_at,
    entry: JSON.parse(row.entry) as JsonValue,
  };
}

function toState(row: StateDbRow): SchoolState {
  return {
    urn: row.urn,
    etag: row.etag,
    version: row.version,
    updatedAt: row.updated_at,
    data: JSON.parse(row.data) as JsonValue,
  };
}

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a write is on disk before its
 * promise resolves and survives the process being killed. better-sqlite3 is synchronous, so no two
 * operations of one process interleave; transactions take the write lock up front (BEGIN IMMEDIATE) so
 * several processes on one file queue instead of failing mid-transaction.
 */
export class SqliteStatementStore implements StatementStore {
  readonly #db: Database.Database;
  readonly #sql;
  // Seven combinations of identifiers at most, each prepared once.
  readonly #pupilQueries = new Map<string, Database.Statement<string[], StatementDbRow>>();

  constructor(options: SqliteStoreOptions) {
    const db = new Database(options.path);
    this.#db = db;
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
    this.#sql = {
      insertStatement: db.prepare<
        [string, string, string | null, string | null, string | null, string, string]
      >(
        `INSERT INTO statements (id, urn, upn, uln, local_id, body, stored_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ),
      existing: db.prepare<[string], { seq: number; body: string }>(
        'SELECT seq, body FROM statements WHERE id = ?',
      ),
      byId: db.prepare<[string], StatementDbRow>('SELECT seq, stored_at, body FROM statements WHERE id = ?'),
      bySchool: db.prepare<[string, number, number], StatementDbRow>(
        'SELECT seq, stored_at, body FROM statements WHERE urn = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      getIdempotent: db.prepare<
        [string, string],
        { request_hash: string; response: string; created_at: string }
      >('SELECT request_hash, response, created_at FROM idempotency WHERE scope = ? AND key = ?'),
      getClaim: db.prepare<[string, string], { request_hash: string; claimed_at: number }>(
        'SELECT request_hash, claimed_at FROM idempotency_claims WHERE scope = ? AND key = ?',
      ),
      putClaim: db.prepare<[string, string, string, number]>(
        `INSERT INTO idempotency_claims (scope, key, request_hash, claimed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (scope, key) DO UPDATE SET claimed_at = excluded.claimed_at`,
      ),
      dropClaim: db.prepare<[string, string]>('DELETE FROM idempotency_claims WHERE scope = ? AND key = ?'),
      putIdempotent: db.prepare<[string, string, string, string, string]>(
        `INSERT INTO idempotency (scope, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (scope, key) DO NOTHING`,
      ),
      getState: db.prepare<[string], StateDbRow>(
        'SELECT urn, version, etag, data, updated_at FROM school_state WHERE urn = ?',
      ),
      upsertState: db.prepare<[string, number, string, string, string]>(
        `INSERT INTO school_state (urn, version, etag, data, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (urn) DO UPDATE SET version = excluded.version, etag = excluded.etag,
           data = excluded.data, updated_at = excluded.updated_at`,
      ),
      nextLedgerIndex: db.prepare<[string], { next: number }>(
        'SELECT COALESCE(MAX(idx) + 1, 0) AS next FROM ledger_entries WHERE ledger = ?',
      ),
      appendLedger: db.prepare<[string, number, string, string]>(
        'INSERT INTO ledger_entries (ledger, idx, entry, recorded_at) VALUES (?, ?, ?, ?)',
      ),
      readLedger: db.prepare<[string, number, number], LedgerDbRow>(
        'SELECT ledger, idx, entry, recorded_at FROM ledger_entries WHERE ledger = ? AND idx >= ? ORDER BY idx LIMIT ?',
      ),
    };
  }

  #insertRow(row: StatementRow, storedAt: string): InsertResult {
    const info = this.#sql.insertStatement.run(
      row.id,
      row.urn,
      row.upn,
      row.uln,
      row.localId,
      row.body,
      storedAt,
    );
    if (info.changes === 1) return { seq: String(info.lastInsertRowid), existingBody: null };
    const existing = this.#sql.existing.get(row.id)!;
    return { seq: String(existing.seq), existingBody: existing.body };
  }

  async append(statement: Statement): Promise<AppendOutcome> {
    const row = toStatementRow(statement);
    const result = this.#db.transaction(() => this.#insertRow(row, new Date().toISOString())).immediate();
    return appendOutcome(row, result);
  }

  async appendBatch(records: readonly BatchRecord[]): Promise<BatchResult> {
    const plan = planBatch(records);
    if (plan.rejectedEarly) return completeBatch(plan, null);
    const rollback = new Error('rollback');
    let result: BatchResult | undefined;
    try {
      this.#db
        .transaction(() => {
          const storedAt = new Date().toISOString();
          const inserted = plan.rows.map((row) => this.#insertRow(row, storedAt));
          result = completeBatch(plan, inserted);
          // Throwing out of the transaction function is how better-sqlite3 rolls back.
          if (!result.committed) throw rollback;
        })
        .immediate();
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return result!;
  }

  async bulkInsert(statements: readonly Statement[]): Promise<BulkInsertResult> {
    const rows = statements.map(toStatementRow);
    return this.#db
      .transaction(() => {
        const storedAt = new Date().toISOString();
        let stored = 0;
        for (const row of rows) {
          const result = this.#insertRow(row, storedAt);
          if (result.existingBody === null) stored++;
          else if (!sameContent(row, result.existingBody)) throw new StatementConflictError(row.id);
        }
        return { stored, duplicate: rows.length - stored };
      })
      .immediate();
  }

  async getStatement(id: string): Promise<StoredStatement | undefined> {
    const row = this.#sql.byId.get(id);
    return row && toStored(row);
  }

  async listStatements(urn: string, page?: PageRequest): Promise<StatementPage> {
    const limit = pageSize(page);
    const rows = this.#sql.bySchool.all(urn, Number(decodeCursor(page?.after)), limit + 1);
    const items = rows.slice(0, limit).map(toStored);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.cursor : null };
  }

  async changes(urn: string, page?: PageRequest): Promise<ChangeFeedPage> {
    const after = decodeCursor(page?.after);
    const items = this.#sql.bySchool.all(urn, Number(after), pageSize(page)).map(toStored);
    return { items, cursor: items.length > 0 ? items[items.length - 1]!.cursor : encodeCursor(after) };
  }

  async pupilHistory(query: PupilQuery): Promise<StoredStatement[]> {
    checkPupilQuery(query);
    return this.#pupilHistory(query);
  }

  async appendIf(
    statement: Statement,
    query: PupilQuery,
    guard: (history: readonly StoredStatement[]) => boolean,
  ): Promise<GuardedAppendOutcome> {
    checkGuardQuery(statement, query);
    const row = toStatementRow(statement);
    // BEGIN IMMEDIATE takes SQLite's write lock before the read: no other connection, in this process or
    // another, can append between the history the guard sees and the insert.
    return this.#db
      .transaction((): GuardedAppendOutcome => {
        const history = this.#pupilHistory(query);
        if (!guard(history)) return { outcome: 'refused', history };
        return appendOutcome(row, this.#insertRow(row, new Date().toISOString()));
      })
      .immediate();
  }

  #pupilHistory(query: PupilQuery): StoredStatement[] {
    const matches: string[] = [];
    const params: string[] = [];
    if (query.upn !== undefined) {
      matches.push('upn = ?');
      params.push(query.upn);
    }
    if (query.uln !== undefined) {
      matches.push('uln = ?');
      params.push(query.uln);
    }
    if (query.localId !== undefined) {
      matches.push('local_id = ?');
      params.push(query.localId);
    }
    let where = `(${matches.join(' OR ')})`;
    if (query.urn !== undefined) {
      where += ' AND urn = ?';
      params.push(query.urn);
    }
    const sql = `SELECT seq, stored_at, body FROM statements WHERE ${where} ORDER BY seq`;
    let prepared = this.#pupilQueries.get(sql);
    if (!prepared) {
      prepared = this.#db.prepare<string[], StatementDbRow>(sql);
      this.#pupilQueries.set(sql, prepared);
    }
    return prepared.all(...params).map(toStored);
  }

  async getIdempotent(scope: string, key: string, requestHash: string): Promise<IdempotencyLookup> {
    const row = this.#sql.getIdempotent.get(scope, key);
    if (!row) return { state: 'new' };
    if (row.request_hash !== requestHash) throw new IdempotencyConflictError(scope, key);
    return {
      state: 'replay',
      response: JSON.parse(row.response) as IdempotentResponse,
      createdAt: row.created_at,
    };
  }

  async claimIdempotent(
    scope: string,
    key: string,
    requestHash: string,
    staleAfterMs: number,
  ): Promise<IdempotencyClaim> {
    // One write transaction: no other connection can store or claim the key between these reads.
    return this.#db
      .transaction((): IdempotencyClaim => {
        const done = this.#sql.getIdempotent.get(scope, key);
        if (done) {
          if (done.request_hash !== requestHash) throw new IdempotencyConflictError(scope, key);
          return {
            state: 'replay',
            response: JSON.parse(done.response) as IdempotentResponse,
            createdAt: done.created_at,
          };
        }
        const now = Date.now();
        const claim = this.#sql.getClaim.get(scope, key);
        if (claim) {
          if (claim.request_hash !== requestHash) throw new IdempotencyConflictError(scope, key);
          if (now - claim.claimed_at < staleAfterMs) return { state: 'in-progress' };
        }
        this.#sql.putClaim.run(scope, key, requestHash, now);
        return { state: 'claimed' };
      })
      .immediate();
  }

  async releaseIdempotent(scope: string, key: string): Promise<void> {
    this.#sql.dropClaim.run(scope, key);
  }

  async putIdempotent(
    scope: string,
    key: string,
    requestHash: string,
    response: IdempotentResponse,
  ): Promise<IdempotentResponse> {
    return this.#db
      .transaction(() => {
        this.#sql.dropClaim.run(scope, key);
        this.#sql.putIdempotent.run(
          scope,
          key,
          requestHash,
          JSON.stringify(response),
          new Date().toISOString(),
        );
        const row = this.#sql.getIdempotent.get(scope, key)!;
        if (row.request_hash !== requestHash) throw new IdempotencyConflictError(scope, key);
        return JSON.parse(row.response) as IdempotentResponse;
      })
      .immediate();
  }

  async getSchoolState(urn: string): Promise<SchoolState | undefined> {
    const row = this.#sql.getState.get(urn);
    return row && toState(row);
  }

  async compareAndSet(urn: string, ifMatch: IfMatch, data: JsonValue): Promise<SchoolState> {
    return this.#db
      .transaction(() => {
        const current = this.#sql.getState.get(urn);
        const holds = ifMatch === null ? !current : ifMatch === '*' ? !!current : current?.etag === ifMatch;
        if (!holds) throw new PreconditionFailedError(urn, current?.etag ?? null);
        const version = (current?.version ?? 0) + 1;
        const row: StateDbRow = {
          urn,
          version,
          etag: newEtag(version),
          data: JSON.stringify(data),
          updated_at: new Date().toISOString(),
        };
        this.#sql.upsertState.run(row.urn, row.version, row.etag, row.data, row.updated_at);
        return toState(row);
      })
      .immediate();
  }

  async appendLedger(
    ledger: string,
    entry: JsonValue,
    options?: { expectedIndex?: number },
  ): Promise<LedgerEntry> {
    return this.#db
      .transaction(() => {
        const index = this.#sql.nextLedgerIndex.get(ledger)!.next;
        if (options?.expectedIndex !== undefined && options.expectedIndex !== index) {
          throw new LedgerConflictError(ledger, options.expectedIndex, index);
        }
        const row: LedgerDbRow = {
          ledger,
          idx: index,
          entry: JSON.stringify(entry),
          recorded_at: new Date().toISOString(),
        };
        this.#sql.appendLedger.run(row.ledger, row.idx, row.entry, row.recorded_at);
        return toLedgerEntry(row);
      })
      .immediate();
  }

  async readLedger(ledger: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]> {
    const from = range?.from ?? 0;
    if (!Number.isInteger(from) || from < 0) throw new InvalidRequestError('from must be a whole number');
    return this.#sql.readLedger
      .all(ledger, from, pageSize({ limit: range?.limit ?? 1000 }))
      .map(toLedgerEntry);
  }

  async countLedger(ledger: string): Promise<number> {
    return this.#sql.nextLedgerIndex.get(ledger)!.next;
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

export async function openSqliteStore(options: SqliteStoreOptions): Promise<StatementStore> {
  return new SqliteStatementStore(options);
}
