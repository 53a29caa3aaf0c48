import type { Statement, StatementVerification } from '@reuse-pref/schema';
import type Database from 'better-sqlite3';
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
import { type BatchPlan, completeBatch, planBatch, planBulk, settledPlan } from '../statements/batch-plan.js';
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
import type { SqliteConnection } from './connection.js';
import type { IndexedRow, SqlitePreferences } from './preferences.js';
import type { SqliteVerifications } from './verifications.js';

interface StatementDbRow {
  seq: number;
  stored_at: string;
  body: string;
}

const toStored = (row: StatementDbRow) => storedStatement(row.seq, row.stored_at, row.body);

export class SqliteStatements implements Statements {
  readonly #connection: SqliteConnection;
  readonly #index: SqlitePreferences;
  readonly #verifications: SqliteVerifications;
  readonly #insert;
  readonly #existing;
  readonly #byId;
  readonly #byIdAt;
  readonly #bySchool;
  // Seven combinations of identifiers at most, each prepared once.
  readonly #pupilQueries = new Map<string, Database.Statement<string[], StatementDbRow>>();

  constructor(connection: SqliteConnection, index: SqlitePreferences, verifications: SqliteVerifications) {
    this.#connection = connection;
    this.#index = index;
    this.#verifications = verifications;
    const { db } = connection;
    this.#insert = db.prepare<[string, string, string | null, string | null, string | null, string, string]>(
      `INSERT INTO statements (id, urn, upn, uln, local_id, body, stored_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, urn) DO NOTHING`,
    );
    // The school's own copy, which an insert of the same id for the same school ran into.
    this.#existing = db.prepare<[string, string], { seq: number; body: string }>(
      'SELECT seq, body FROM statements WHERE id = ? AND urn = ?',
    );
    this.#byId = db.prepare<[string], StatementDbRow>(
      'SELECT seq, stored_at, body FROM statements WHERE id = ? ORDER BY seq LIMIT 1',
    );
    this.#byIdAt = db.prepare<[string, string], StatementDbRow>(
      'SELECT seq, stored_at, body FROM statements WHERE id = ? AND urn = ?',
    );
    this.#bySchool = db.prepare<[string, number, number], StatementDbRow>(
      'SELECT seq, stored_at, body FROM statements WHERE urn = ? AND seq > ? ORDER BY seq LIMIT ?',
    );
  }

  #insertRow(row: StatementRow, storedAt: string): InsertResult {
    const info = this.#insert.run(row.id, row.urn, row.upn, row.uln, row.localId, row.body, storedAt);
    if (info.changes === 1) return { seq: String(info.lastInsertRowid), existingBody: null };
    const existing = this.#existing.get(row.id, row.urn)!;
    return { seq: String(existing.seq), existingBody: existing.body };
  }

  /**
   * Inserts rows and takes the new ones into the preferences index, inside the caller's write
   * transaction: every append path (append, appendIf, appendBatch, bulkInsert) comes through here.
   */
  #insertRows(
    rows: readonly StatementRow[],
    statements?: readonly (Statement | undefined)[],
    settle?: () => readonly StatementRow[],
  ): InsertResult[] {
    const storedAt = new Date().toISOString();
    const results = rows.map((row) => this.#insertRow(row, storedAt));
    const fresh: IndexedRow[] = [];
    results.forEach((result, i) => {
      if (result.existingBody !== null) return;
      const statement = statements?.[i];
      fresh.push(statement ? { row: rows[i]!, statement } : { row: rows[i]! });
    });
    this.#index.maintain(fresh);
    // A settling batch's verification outcomes are known only now, after the rows went in.
    this.#verifications.record(settle ? settle() : rows, results);
    return results;
  }

  async append(
    statement: Statement,
    options: { verification?: StatementVerification } = {},
  ): Promise<AppendOutcome> {
    const row = toStatementRow(statement, options.verification);
    return appendOutcome(
      row,
      this.#connection.write(() => this.#insertRows([row], [statement])[0]!),
    );
  }

  async appendBatch(records: readonly BatchRecord[]): Promise<BatchResult> {
    const plan = planBatch(records);
    if (plan.rejectedEarly) return completeBatch(plan, null);
    const rollback = new Error('rollback');
    let result: BatchResult | undefined;
    try {
      this.#connection.write(() => {
        result = completeBatch(plan, this.#insertRows(plan.rows, parsedRows(plan.rows, records)));
        if (!result.committed) throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return result!;
  }

  async appendBatchSettling(
    records: readonly BatchRecord[],
    settlement: BatchSettlement,
  ): Promise<BatchResult> {
    const plan = planBatch(records);
    if (plan.rejectedEarly) return completeBatch(settledPlan(plan, await settlement.settled()), null);
    const rollback = new Error('rollback');
    let final: BatchPlan | undefined;
    let result: BatchResult | undefined;
    try {
      // The transaction cannot await: wait() blocks this thread until the settlement is known, by which
      // time the rows are written (the ingest workers verify while this thread inserts).
      this.#connection.write(() => {
        const inserted = this.#insertRows(plan.rows, parsedRows(plan.rows, records), () => {
          final = settledPlan(plan, settlement.wait());
          if (final.rejectedEarly) throw rollback;
          return final.rows;
        });
        result = completeBatch(final!, inserted);
        if (!result.committed) throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return result ?? completeBatch(final!, null);
  }

  async bulkInsert(statements: readonly Statement[]): Promise<BulkInsertResult> {
    const rows = planBulk(statements);
    return this.#connection.write(() =>
      bulkOutcome(rows, this.#insertRows(rows, parsedRows(rows, statements)), statements.length),
    );
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
    return this.#connection.write((): GuardedAppendOutcome => {
      const history = this.#pupilHistory(query);
      if (!guard(history)) return { outcome: 'refused', history };
      return appendOutcome(row, this.#insertRows([row], [statement])[0]!);
    });
  }

  async get(id: string, urn?: string): Promise<StoredStatement | undefined> {
    const row = urn === undefined ? this.#byId.get(id) : this.#byIdAt.get(id, urn);
    return row && toStored(row);
  }

  #readSchool = async (urn: string, after: bigint, limit: number) =>
    this.#bySchool.all(urn, Number(after), limit).map(toStored);

  list(urn: string, page?: PageRequest): Promise<StatementPage> {
    return listPage(this.#readSchool, urn, page);
  }

  changes(urn: string, page?: PageRequest): Promise<ChangeFeedPage> {
    return feedPage(this.#readSchool, urn, page);
  }

  async pupilHistory(query: PupilQuery): Promise<StoredStatement[]> {
    checkPupilQuery(query);
    return this.#pupilHistory(query);
  }

  #pupilHistory(query: PupilQuery): StoredStatement[] {
    const matches: string[] = [];
    const params: string[] = [];
    for (const [column, value] of [
      ['upn', query.upn],
      ['uln', query.uln],
      ['local_id', query.localId],
    ] as const) {
      if (value === undefined) continue;
      matches.push(`${column} = ?`);
      params.push(value);
    }
    let where = `(${matches.join(' OR ')})`;
    if (query.urn !== undefined) {
      where += ' AND urn = ?';
      params.push(query.urn);
    }
    const sql = `SELECT seq, stored_at, body FROM statements WHERE ${where} ORDER BY seq`;
    let prepared = this.#pupilQueries.get(sql);
    if (!prepared) {
      prepared = this.#connection.db.prepare<string[], StatementDbRow>(sql);
      this.#pupilQueries.set(sql, prepared);
    }
    return prepared.all(...params).map(toStored);
  }
}
