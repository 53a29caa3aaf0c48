import type { Statement, StatementVerification } from '@reuse-pref/schema';
import type pg from 'pg';
import type {
  AppendOutcome,
  BatchRecord,
  BatchResult,
  BatchSettlement,
  BulkInsertResult,
  ChangeFeedPage,
  GuardedAppendOutcome,
  PageRequest,
  PupilQuery,
  StatementPage,
  StatementRow,
  Statements,
  StoredStatement,
} from '../ports/statements.js';
import {
  type BatchPlan,
  completeBatch,
  copyKey,
  planBatch,
  planBulk,
  settledPlan,
} from '../statements/batch-plan.js';
import { feedPage, listPage } from '../statements/pages.js';
import { checkGuardQuery, checkPupilQuery } from '../statements/pupil-query.js';
import {
  appendOutcome,
  bulkOutcome,
  type InsertResult,
  parsedRows,
  storedStatement,
  toStatementRow,
} from '../statements/statement-row.js';
import type { PostgresConnection, Queryable } from './connection.js';
import { LOCK_ALL_SCHOOLS, LOCK_SCHOOL_APPEND } from './migrations.js';
import { INDEX_RETRY, type IndexedRow, type PostgresPreferences } from './preferences.js';
import type { PostgresVerifications } from './verifications.js';

// Rows per multi-row INSERT: enough to amortise round trips, within PostgreSQL's 65535 parameters. Plain
// parameters, not unnest over text arrays: encoding a statement body as an array element costs the client
// far more (escaping, garbage) than the server spends inserting it.
const INSERT_CHUNK = 1000;
// A batch naming more schools than this locks them all at once (one exclusive lock) rather than one
// advisory lock each: PostgreSQL's shared lock table holds max_locks_per_transaction x max_connections
// locks (6,400 by default), which four concurrent batches of 5,000 schools each would overflow.
const MAX_SCHOOL_LOCKS = 64;
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
           ON CONFLICT (id, urn) DO NOTHING RETURNING id, urn, seq`;
    insertSqlBySize.set(rows, sql);
  }
  return sql;
}

interface StatementDbRow {
  seq: string;
  stored_at: Date;
  body: string;
}

const toStored = (row: StatementDbRow) => storedStatement(row.seq, row.stored_at.toISOString(), row.body);

class Rollback extends Error {}

/**
 * Sequence values can commit out of order, which would let a change feed reader pass a row that commits
 * later with a smaller number; so every statement insert first takes a transaction-level advisory lock per
 * school it touches, and a school's rows therefore commit in sequence order (docs/decisions/0009).
 */
export class PostgresStatements implements Statements {
  readonly #db: PostgresConnection;
  readonly #index: PostgresPreferences;
  readonly #verifications: PostgresVerifications;

  constructor(
    connection: PostgresConnection,
    index: PostgresPreferences,
    verifications: PostgresVerifications,
  ) {
    this.#db = connection;
    this.#index = index;
    this.#verifications = verifications;
  }

  /**
   * Inserts rows under the per-school locks and takes the new ones into the preferences index, in the
   * caller's transaction; returns, per row, its sequence and any body already there. Every append path
   * (append, appendIf, appendBatch, bulkInsert) comes through here.
   */
  async #insertRows(
    client: pg.PoolClient,
    rows: readonly StatementRow[],
    statements?: readonly (Statement | undefined)[],
    settle?: () => Promise<readonly StatementRow[]>,
  ): Promise<InsertResult[]> {
    await this.#lockSchools(
      client,
      rows.map((row) => row.urn),
    );
    const results: InsertResult[] = [];
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const params: Array<string | null> = [];
      for (const row of chunk) params.push(row.id, row.urn, row.upn, row.uln, row.localId, row.body);
      const inserted = await client.query<{ id: string; urn: string; seq: string }>(
        insertSql(chunk.length),
        params,
      );
      const fresh = new Map(inserted.rows.map((row) => [copyKey(row), row.seq]));
      const missing = chunk.filter((row) => !fresh.has(copyKey(row)));
      const existing = new Map<string, { seq: string; body: string }>();
      if (missing.length > 0) {
        // The school's own copy, which an insert of the same id for the same school ran into.
        const found = await client.query<{ id: string; urn: string; seq: string; body: string }>(
          `SELECT s.id, s.urn, s.seq, s.body FROM statements s
             JOIN unnest($1::text[], $2::text[]) AS k (id, urn) ON s.id = k.id AND s.urn = k.urn`,
          [missing.map((row) => row.id), missing.map((row) => row.urn)],
        );
        for (const row of found.rows) existing.set(copyKey(row), row);
      }
      for (const row of chunk) {
        const seq = fresh.get(copyKey(row));
        if (seq !== undefined) {
          results.push({ seq, existingBody: null });
        } else {
          const found = existing.get(copyKey(row))!;
          results.push({ seq: found.seq, existingBody: found.body });
        }
      }
    }
    const fresh: IndexedRow[] = [];
    results.forEach((result, i) => {
      if (result.existingBody === null) fresh.push({ row: rows[i]!, statement: statements?.[i] });
    });
    await this.#index.maintain(client, fresh);
    // A settling batch's verification outcomes are known only now, after the rows went in.
    await this.#verifications.record(client, settle ? await settle() : rows, results);
    return results;
  }

  /**
   * A school's rows must commit in sequence order (see the class comment), so an append holds each of
   * its schools' locks until it commits; it takes the all-schools lock first, shared, and a batch for
   * more than MAX_SCHOOL_LOCKS schools takes that one exclusively instead, which orders it against
   * every other append as well. Locks are taken in one order (all-schools, then schools sorted).
   */
  async #lockSchools(client: pg.PoolClient, urns: readonly string[]): Promise<void> {
    const schools = [...new Set(urns)].sort();
    if (schools.length > MAX_SCHOOL_LOCKS) {
      await client.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_ALL_SCHOOLS]);
      return;
    }
    await client.query('SELECT pg_advisory_xact_lock_shared($1, 0)', [LOCK_ALL_SCHOOLS]);
    for (const urn of schools) await this.#db.lock(client, LOCK_SCHOOL_APPEND, urn);
  }

  async append(
    statement: Statement,
    options: { verification?: StatementVerification } = {},
  ): Promise<AppendOutcome> {
    const row = toStatementRow(statement, options.verification);
    const [result] = await this.#db.transaction(
      (client) => this.#insertRows(client, [row], [statement]),
      INDEX_RETRY,
    );
    return appendOutcome(row, result!);
  }

  async appendBatch(records: readonly BatchRecord[]): Promise<BatchResult> {
    const plan = planBatch(records);
    if (plan.rejectedEarly) return completeBatch(plan, null);
    let result: BatchResult | undefined;
    try {
      await this.#db.transaction(async (client) => {
        result = completeBatch(
          plan,
          await this.#insertRows(client, plan.rows, parsedRows(plan.rows, records)),
        );
        if (!result.committed) throw new Rollback();
      }, INDEX_RETRY);
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return result!;
  }

  async appendBatchSettling(
    records: readonly BatchRecord[],
    settlement: BatchSettlement,
  ): Promise<BatchResult> {
    const plan = planBatch(records);
    if (plan.rejectedEarly) return completeBatch(settledPlan(plan, await settlement.settled()), null);
    let final: BatchPlan | undefined;
    let result: BatchResult | undefined;
    try {
      await this.#db.transaction(async (client) => {
        const inserted = await this.#insertRows(
          client,
          plan.rows,
          parsedRows(plan.rows, records),
          async () => {
            final = settledPlan(plan, await settlement.settled());
            if (final.rejectedEarly) throw new Rollback();
            return final.rows;
          },
        );
        result = completeBatch(final!, inserted);
        if (!result.committed) throw new Rollback();
      }, INDEX_RETRY);
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return result ?? completeBatch(final!, null);
  }

  async bulkInsert(statements: readonly Statement[]): Promise<BulkInsertResult> {
    const rows = planBulk(statements);
    return this.#db.transaction(
      async (client) =>
        bulkOutcome(
          rows,
          await this.#insertRows(client, rows, parsedRows(rows, statements)),
          statements.length,
        ),
      INDEX_RETRY,
    );
  }

  async appendIf(
    statement: Statement,
    query: PupilQuery,
    guard: (history: readonly StoredStatement[]) => boolean,
  ): Promise<GuardedAppendOutcome> {
    checkGuardQuery(statement, query);
    const row = toStatementRow(statement);
    return this.#db.transaction(async (client): Promise<GuardedAppendOutcome> => {
      // Every append to a school holds this lock until it commits (see #insertRows, which takes it
      // again: advisory locks nest within a session). Taken before the read, it means no server process
      // can append to this school between the history the guard sees and the insert; and the read, made
      // after the lock under READ COMMITTED, sees everything committed before it.
      await this.#lockSchools(client, [row.urn]);
      const history = await this.#pupilHistory(client, query);
      if (!guard(history)) return { outcome: 'refused', history };
      const [result] = await this.#insertRows(client, [row], [statement]);
      return appendOutcome(row, result!);
    }, INDEX_RETRY);
  }

  async get(id: string, urn?: string): Promise<StoredStatement | undefined> {
    const { rows } = await this.#db.reader.query<StatementDbRow>(
      `SELECT seq, stored_at, body FROM statements WHERE id = $1 AND ($2::text IS NULL OR urn = $2)
        ORDER BY seq LIMIT 1`,
      [id, urn ?? null],
    );
    return rows[0] && toStored(rows[0]);
  }

  #readSchool = async (urn: string, after: bigint, limit: number) => {
    const { rows } = await this.#db.reader.query<StatementDbRow>(
      'SELECT seq, stored_at, body FROM statements WHERE urn = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [urn, after.toString(), limit],
    );
    return rows.map(toStored);
  };

  list(urn: string, page?: PageRequest): Promise<StatementPage> {
    return listPage(this.#readSchool, urn, page);
  }

  changes(urn: string, page?: PageRequest): Promise<ChangeFeedPage> {
    return feedPage(this.#readSchool, urn, page);
  }

  async pupilHistory(query: PupilQuery): Promise<StoredStatement[]> {
    checkPupilQuery(query);
    return this.#pupilHistory(this.#db.reader, query);
  }

  async #pupilHistory(db: Queryable, query: PupilQuery): Promise<StoredStatement[]> {
    const { rows } = await db.query<StatementDbRow>(
      `SELECT seq, stored_at, body FROM statements
        WHERE (upn = $1 OR uln = $2 OR local_id = $3) AND ($4::text IS NULL OR urn = $4)
        ORDER BY seq`,
      [query.upn ?? null, query.uln ?? null, query.localId ?? null, query.urn ?? null],
    );
    return rows.map(toStored);
  }
}
