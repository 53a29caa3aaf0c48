import { randomBytes } from 'node:crypto';
import type { Statement } from '@reuse-pref/schema';
import pg from 'pg';
import { completeBatch, planBatch } from '../batch-plan.js';
import { decodeCursor, encodeCursor, pageSize } from '../cursor.js';
import {
  IdempotencyConflictError,
  InvalidRequestError,
  LedgerConflictError,
  PreconditionFailedError,
  StatementConflictError,
} from '../errors.js';
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
import { LOCK_LEDGER_APPEND, LOCK_SCHOOL_APPEND, migrate } from './migrations.js';

export interface PostgresStoreOptions {
  /** e.g. postgres://user:password@localhost:5432/reuse_pref; ignored when `pool` is given. */
  connectionString?: string;
  /** Use an existing pool (it is not ended by close()). */
  pool?: pg.Pool;
  /** Pool size when the store makes its own pool (default 10). */
  maxConnections?: number;
}

// Rows per multi-row INSERT: enough to amortise round trips, within PostgreSQL's 65535 parameters. Plain
// parameters, not unnest over text arrays: encoding a statement body as an array element costs the client
// far more (escaping, garbage) than the server spends inserting it.
const INSERT_CHUNK = 1000;
const COLUMNS = 6;
const insertSqlBySize = new Map<number, string>();

/** INSERT for `rows` rows; VALUES order is insertion order, so sequence numbers follow the input. */
function insertSql(rows: number): string {
  let sql = insertSqlBySize.get(rows);
  if (!sql) {
    const values = Array.from({ length: rows }, (_, row) => {
      const first = row * COLUMNS;
      return `($${first + 1}, $${first + 2}, $${first + 3}, $${first + 4}, $${first + 5}, $${first + 6})`;
    });
    sql = `INSERT INTO statements (id, urn, upn, uln, local_id, body) VALUES ${values.join(', ')}
           ON CONFLICT (id) DO NOTHING RETURNING id, seq`;
    insertSqlBySize.set(rows, sql);
  }
  return sql;
}
// Deadlocks can only arise between batches for different schools that repeat each other's ids in a
// different order; PostgreSQL aborts one, and it is safe to run it again.
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

interface StatementDbRow {
  seq: string;
  stored_at: Date;
  body: string;
}

interface StateDbRow {
  urn: string;
  version: string;
  etag: string;
  data: string;
  updated_at: Date;
}

interface LedgerDbRow {
  ledger: string;
  idx: string;
  entry: string;
  recorded_at: Date;
}

function toStored(row: StatementDbRow): StoredStatement {
  return {
    cursor: encodeCursor(row.seq),
    storedAt: row.stored_at.toISOString(),
    statement: JSON.parse(row.body) as Statement,
  };
}

function toState(row: StateDbRow): SchoolState {
  return {
    urn: row.urn,
    etag: row.etag,
    version: Number(row.version),
    updatedAt: row.updated_at.toISOString(),
    data: JSON.parse(row.data) as JsonValue,
  };
}

function toLedgerEntry(row: LedgerDbRow): LedgerEntry {
  return {
    ledger: row.ledger,
    index: Number(row.idx),
    recordedAt: row.recorded_at.toISOString(),
    entry: JSON.parse(row.entry) as JsonValue,
  };
}

class Rollback extends Error {}

/**
 * The production store on PostgreSQL. Sequence values can commit out of order, which would let a change
 * feed reader pass a row that commits later with a smaller number; so every statement insert first takes
 * a transaction-level advisory lock per school it touches, and a school's rows therefore commit in
 * sequence order (docs/decisions/0009).
 */
const DROP_CLAIM = 'DELETE FROM idempotency_claims WHERE scope = $1 AND key = $2';

export class PostgresStatementStore implements StatementStore {
  readonly #pool: pg.Pool;
  readonly #ownsPool: boolean;

  constructor(pool: pg.Pool, ownsPool: boolean) {
    this.#pool = pool;
    this.#ownsPool = ownsPool;
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.#pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      } finally {
        client.release();
      }
    }
  }

  /** Inserts rows under the per-school locks; returns, per row, its sequence and any body already there. */
  async #insertRows(client: pg.PoolClient, rows: readonly StatementRow[]): Promise<InsertResult[]> {
    const schools = [...new Set(rows.map((row) => row.urn))].sort();
    for (const urn of schools) {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SCHOOL_APPEND, urn]);
    }
    const results: InsertResult[] = [];
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const params: Array<string | null> = [];
      for (const row of chunk) params.push(row.id, row.urn, row.upn, row.uln, row.localId, row.body);
      const inserted = await client.query<{ id: string; seq: string }>(insertSql(chunk.length), params);
      const fresh = new Map(inserted.rows.map((row) => [row.id, row.seq]));
      const missing = chunk.filter((row) => !fresh.has(row.id)).map((row) => row.id);
      const existing = new Map<string, { seq: string; body: string }>();
      if (missing.length > 0) {
        const found = await client.query<{ id: string; seq: string; body: string }>(
          'SELECT id, seq, body FROM statements WHERE id = ANY($1::text[])',
          [missing],
        );
        for (const row of found.rows) existing.set(row.id, row);
      }
      for (const row of chunk) {
        const seq = fresh.get(row.id);
        if (seq !== undefined) {
          results.push({ seq, existingBody: null });
        } else {
          const found = existing.get(row.id)!;
          results.push({ seq: found.seq, existingBody: found.body });
        }
      }
    }
    return results;
  }

  async append(statement: Statement): Promise<AppendOutcome> {
    const row = toStatementRow(statement);
    const [result] = await this.#transaction((client) => this.#insertRows(client, [row]));
    return appendOutcome(row, result!);
  }

  async appendBatch(records: readonly BatchRecord[]): Promise<BatchResult> {
    const plan = planBatch(records);
    if (plan.rejectedEarly) return completeBatch(plan, null);
    let result: BatchResult | undefined;
    try {
      await this.#transaction(async (client) => {
        result = completeBatch(plan, await this.#insertRows(client, plan.rows));
        if (!result.committed) throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return result!;
  }

  async bulkInsert(statements: readonly Statement[]): Promise<BulkInsertResult> {
    // One INSERT must not carry an id twice, so repeats within the input are folded first.
    const plan = planBatch(statements.map((statement) => ({ statement })));
    const clash = plan.slots.find((slot) => 'rejected' in slot);
    if (clash && 'rejected' in clash) throw new StatementConflictError(clash.id!);
    const rows = plan.rows;
    return this.#transaction(async (client) => {
      const results = await this.#insertRows(client, rows);
      let stored = 0;
      results.forEach((result, index) => {
        if (result.existingBody === null) stored++;
        else if (!sameContent(rows[index]!, result.existingBody))
          throw new StatementConflictError(rows[index]!.id);
      });
      return { stored, duplicate: statements.length - stored };
    });
  }

  async getStatement(id: string): Promise<StoredStatement | undefined> {
    const { rows } = await this.#pool.query<StatementDbRow>(
      'SELECT seq, stored_at, body FROM statements WHERE id = $1',
      [id],
    );
    return rows[0] && toStored(rows[0]);
  }

  async #schoolPage(urn: string, after: bigint, limit: number): Promise<StoredStatement[]> {
    const { rows } = await this.#pool.query<StatementDbRow>(
      'SELECT seq, stored_at, body FROM statements WHERE urn = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [urn, after.toString(), limit],
    );
    return rows.map(toStored);
  }

  async listStatements(urn: string, page?: PageRequest): Promise<StatementPage> {
    const limit = pageSize(page);
    const rows = await this.#schoolPage(urn, decodeCursor(page?.after), limit + 1);
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.cursor : null };
  }

  async changes(urn: string, page?: PageRequest): Promise<ChangeFeedPage> {
    const after = decodeCursor(page?.after);
    const items = await this.#schoolPage(urn, after, pageSize(page));
    return { items, cursor: items.length > 0 ? items[items.length - 1]!.cursor : encodeCursor(after) };
  }

  async pupilHistory(query: PupilQuery): Promise<StoredStatement[]> {
    checkPupilQuery(query);
    return this.#pupilHistory(this.#pool, query);
  }

  async #pupilHistory(db: pg.Pool | pg.PoolClient, query: PupilQuery): Promise<StoredStatement[]> {
    const { rows } = await db.query<StatementDbRow>(
      `SELECT seq, stored_at, body FROM statements
        WHERE (upn = $1 OR uln = $2 OR local_id = $3) AND ($4::text IS NULL OR urn = $4)
        ORDER BY seq`,
      [query.upn ?? null, query.uln ?? null, query.localId ?? null, query.urn ?? null],
    );
    return rows.map(toStored);
  }

  async appendIf(
    statement: Statement,
    query: PupilQuery,
    guard: (history: readonly StoredStatement[]) => boolean,
  ): Promise<GuardedAppendOutcome> {
    checkGuardQuery(statement, query);
    const row = toStatementRow(statement);
    return this.#transaction(async (client): Promise<GuardedAppendOutcome> => {
      // Every append to a school holds this lock until it commits (see #insertRows, which takes it
      // again: advisory locks nest within a session). Taken before the read, it means no server process
      // can append to this school between the history the guard sees and the insert; and the read, made
      // after the lock under READ COMMITTED, sees everything committed before it.
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_SCHOOL_APPEND, row.urn]);
      const history = await this.#pupilHistory(client, query);
      if (!guard(history)) return { outcome: 'refused', history };
      const [result] = await this.#insertRows(client, [row]);
      return appendOutcome(row, result!);
    });
  }

  async getIdempotent(scope: string, key: string, requestHash: string): Promise<IdempotencyLookup> {
    const { rows } = await this.#pool.query<{ request_hash: string; response: string; created_at: Date }>(
      'SELECT request_hash, response, created_at FROM idempotency WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    const row = rows[0];
    if (!row) return { state: 'new' };
    if (row.request_hash !== requestHash) throw new IdempotencyConflictError(scope, key);
    return {
      state: 'replay',
      response: JSON.parse(row.response) as IdempotentResponse,
      createdAt: row.created_at.toISOString(),
    };
  }

  async claimIdempotent(
    scope: string,
    key: string,
    requestHash: string,
    staleAfterMs: number,
  ): Promise<IdempotencyClaim> {
    // The claim is taken first, atomically (insert, or take over a stale claim with the same hash); the
    // stored response is read after it. A request that finished in between has committed its response
    // and dropped its claim together, so whoever got the claim that way still sees the response here.
    const { rowCount } = await this.#pool.query(
      `INSERT INTO idempotency_claims (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO UPDATE SET claimed_at = clock_timestamp()
         WHERE idempotency_claims.request_hash = EXCLUDED.request_hash
           AND idempotency_claims.claimed_at < clock_timestamp() - make_interval(secs => $4::double precision / 1000)`,
      [scope, key, requestHash, staleAfterMs],
    );
    const done = await this.getIdempotent(scope, key, requestHash).catch(async (error: unknown) => {
      if (rowCount === 1) await this.releaseIdempotent(scope, key);
      throw error;
    });
    if (done.state === 'replay') {
      if (rowCount === 1) await this.releaseIdempotent(scope, key);
      return done;
    }
    if (rowCount === 1) return { state: 'claimed' };
    const { rows } = await this.#pool.query<{ request_hash: string }>(
      'SELECT request_hash FROM idempotency_claims WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    if (rows[0] && rows[0].request_hash !== requestHash) throw new IdempotencyConflictError(scope, key);
    return { state: 'in-progress' };
  }

  async releaseIdempotent(scope: string, key: string): Promise<void> {
    await this.#pool.query(DROP_CLAIM, [scope, key]);
  }

  async putIdempotent(
    scope: string,
    key: string,
    requestHash: string,
    response: IdempotentResponse,
  ): Promise<IdempotentResponse> {
    // The response and the end of the claim commit together (see claimIdempotent).
    await this.#transaction(async (client) => {
      await client.query(
        `INSERT INTO idempotency (scope, key, request_hash, response) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope, key) DO NOTHING`,
        [scope, key, requestHash, JSON.stringify(response)],
      );
      await client.query(DROP_CLAIM, [scope, key]);
    });
    const lookup = await this.getIdempotent(scope, key, requestHash);
    if (lookup.state !== 'replay') throw new Error(`idempotency key ${key} vanished after it was written`);
    return lookup.response;
  }

  async getSchoolState(urn: string): Promise<SchoolState | undefined> {
    const { rows } = await this.#pool.query<StateDbRow>(
      'SELECT urn, version, etag, data, updated_at FROM school_state WHERE urn = $1',
      [urn],
    );
    return rows[0] && toState(rows[0]);
  }

  async compareAndSet(urn: string, ifMatch: IfMatch, data: JsonValue): Promise<SchoolState> {
    // Each branch is one statement, so the check and the write are atomic without an explicit lock.
    const nonce = randomBytes(4).toString('hex');
    const body = JSON.stringify(data);
    const { rows } =
      ifMatch === null
        ? await this.#pool.query<StateDbRow>(
            `INSERT INTO school_state (urn, version, etag, data) VALUES ($1, 1, '"1.' || $2 || '"', $3)
             ON CONFLICT (urn) DO NOTHING
             RETURNING urn, version, etag, data, updated_at`,
            [urn, nonce, body],
          )
        : await this.#pool.query<StateDbRow>(
            `UPDATE school_state
                SET version = version + 1, etag = '"' || (version + 1) || '.' || $2 || '"', data = $3,
                    updated_at = now()
              WHERE urn = $1 AND ($4::text = '*' OR etag = $4)
              RETURNING urn, version, etag, data, updated_at`,
            [urn, nonce, body, ifMatch],
          );
    if (rows[0]) return toState(rows[0]);
    const current = await this.getSchoolState(urn);
    throw new PreconditionFailedError(urn, current?.etag ?? null);
  }

  async appendLedger(
    ledger: string,
    entry: JsonValue,
    options?: { expectedIndex?: number },
  ): Promise<LedgerEntry> {
    return this.#transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_LEDGER_APPEND, ledger]);
      const next = await client.query<{ next: string }>(
        'SELECT COALESCE(MAX(idx) + 1, 0) AS next FROM ledger_entries WHERE ledger = $1',
        [ledger],
      );
      const index = Number(next.rows[0]!.next);
      if (options?.expectedIndex !== undefined && options.expectedIndex !== index) {
        throw new LedgerConflictError(ledger, options.expectedIndex, index);
      }
      const { rows } = await client.query<LedgerDbRow>(
        `INSERT INTO ledger_entries (ledger, idx, entry) VALUES ($1, $2, $3)
         RETURNING ledger, idx, entry, recorded_at`,
        [ledger, index, JSON.stringify(entry)],
      );
      return toLedgerEntry(rows[0]!);
    });
  }

  async readLedger(ledger: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]> {
    const from = range?.from ?? 0;
    if (!Number.isInteger(from) || from < 0) throw new InvalidRequestError('from must be a whole number');
    const { rows } = await this.#pool.query<LedgerDbRow>(
      `SELECT ledger, idx, entry, recorded_at FROM ledger_entries
        WHERE ledger = $1 AND idx >= $2 ORDER BY idx LIMIT $3`,
      [ledger, from, pageSize({ limit: range?.limit ?? 1000 })],
    );
    return rows.map(toLedgerEntry);
  }

  async countLedger(ledger: string): Promise<number> {
    const { rows } = await this.#pool.query<{ count: string }>(
      'SELECT COUNT(*) AS count FROM ledger_entries WHERE ledger = $1',
      [ledger],
    );
    return Number(rows[0]!.count);
  }

  #closed = false;

  /** Ends the store's own pool; safe to call more than once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#ownsPool) await this.#pool.end();
  }
}

/** Connects, brings the schema up to date, and returns the store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<StatementStore> {
  const ownsPool = !options.pool;
  const pool =
    options.pool ??
    new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  // An idle connection dropped by the server is discarded by the pool; unhandled, the event would end
  // the process.
  if (ownsPool) pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    if (ownsPool) await pool.end();
    throw error;
  }
  return new PostgresStatementStore(pool, ownsPool);
}
