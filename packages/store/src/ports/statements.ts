import type { Finding, Statement, StatementVerification } from '@reuse-pref/schema';

/** A statement as the store holds it: the statement unchanged, plus where and when the store took it. */
export interface StoredStatement {
  /** Resume a list or the change feed just after this record. */
  cursor: string;
  /** When this store first accepted the statement (ISO 8601, UTC). Not the statement's own times. */
  storedAt: string;
  statement: Statement;
}

/**
 * The columns both stores keep for a statement: keys to find it by, and its body. Plain strings only, so
 * a caller can prepare rows away from the thread that writes them (a worker) and hand them over cheaply,
 * and a batch holds no parsed statement objects while it waits for its transaction.
 */
export interface StatementRow {
  id: string;
  urn: string;
  upn: string | null;
  uln: string | null;
  localId: string | null;
  /** The statement as JSON text, kept verbatim so a relay passes on exactly what it received. */
  body: string;
  /** The signature check the receiver made, recorded with the statement in the same transaction. */
  verification?: StatementVerification;
}

export type AppendOutcome =
  | { outcome: 'stored'; id: string; cursor: string }
  /** The same id with identical content was already stored: nothing changed. */
  | { outcome: 'duplicate'; id: string; cursor: string };

export type GuardedAppendOutcome = AppendOutcome | { outcome: 'refused'; history: StoredStatement[] };

/**
 * One record of a batch, after the caller's validation: a statement to store (as the object, or already
 * prepared as a row with `prepareStatement`), or its rejection.
 */
export type BatchRecord =
  | { statement: Statement; verification?: StatementVerification }
  | { prepared: StatementRow }
  | { rejected: Finding[]; id?: string };

/**
 * The last check of a batch's records (a receiver's signature verification, run in its ingest workers)
 * finishing while the store writes them: see Statements.appendBatchSettling. Both members give the same
 * records, which must be the records the batch was written with, in the same order, where a prepared row
 * may now carry its `verification` and any record may have become rejected.
 */
export interface BatchSettlement {
  /** Blocks until the final records are known: for a store whose transaction cannot await (SQLite). */
  wait(): readonly BatchRecord[];
  /** The final records, for a store whose transaction can await (PostgreSQL). */
  settled(): Promise<readonly BatchRecord[]>;
}

export type BatchOutcome =
  | { index: number; outcome: 'stored'; id: string; cursor: string }
  | { index: number; outcome: 'duplicate'; id: string; cursor: string }
  | { index: number; outcome: 'rejected'; id?: string; findings: Finding[] }
  /** Valid, but not stored because another record of the same batch was rejected. */
  | { index: number; outcome: 'withheld'; id: string };

export interface BatchResult {
  /** True when every record was stored or a duplicate; false when nothing of the batch was stored. */
  committed: boolean;
  outcomes: BatchOutcome[];
  counts: { stored: number; duplicate: number; rejected: number; withheld: number };
}

export interface BulkInsertResult {
  stored: number;
  duplicate: number;
}

export interface PageRequest {
  /** An opaque cursor from an earlier page or record; omitted to start from the beginning. */
  after?: string;
  /** Records per page: 1..10000, default 100. */
  limit?: number;
}

export interface StatementPage {
  items: StoredStatement[];
  /** Pass as `after` for the next page; null when this page reached the end. */
  nextCursor: string | null;
}

export interface ChangeFeedPage {
  items: StoredStatement[];
  /** Always present: pass as `after` to continue, even when this page was empty (poll again later). */
  cursor: string;
}

/** Identifiers of one pupil; a statement matches when it shares any of them. */
export interface PupilQuery {
  upn?: string;
  uln?: string;
  /** A school's own pupil id: only meaningful together with `urn`. */
  localId?: string;
  /** Limit to one school; omitted, a upn/uln query searches every school (the receiver's view). */
  urn?: string;
}

/**
 * The statements every role keeps: append-only and immutable, read back by id, by school (a list and a
 * change feed with resumable cursors) and by pupil. Every method is safe to call concurrently; each write
 * is durable once its promise resolves.
 *
 * A statement is held once per school (`setting.urn`). A pupil who moves school takes their statements
 * with them (a CTF transfer keeps each id: decision 0010), so the new school's copy is stored beside the
 * old school's, in its own list and change feed. Within one school an id has one content: the same again
 * is a duplicate, other content a StatementConflictError. Across schools nothing is compared: what one
 * school's write is told never depends on what another school holds. Whether copies agree on what
 * decides (the validator's decisionFingerprint) is a question about a pupil's history, which the
 * resolver answers (rule R2: one statement per id, and a conflict flag when copies disagree).
 */
export interface Statements {
  /**
   * Stores one statement as its school's copy. Same id at the same school with identical content: a
   * no-op; with different content: StatementConflictError.
   */
  append(statement: Statement, options?: { verification?: StatementVerification }): Promise<AppendOutcome>;
  /**
   * Stores a batch all or nothing. The batch commits only when no record is rejected (by the caller's
   * validation, or by the store for an id conflict); otherwise nothing of it is stored.
   */
  appendBatch(records: readonly BatchRecord[]): Promise<BatchResult>;
  /**
   * appendBatch for records whose last check is still running: the rows are inserted while it runs,
   * and inside the same transaction the batch then takes `settlement`'s final records. It commits only
   * when none of them is rejected (the result is then appendBatch's of the final records); a rejected
   * one rolls everything back and the result is appendBatch's of the final records (nothing stored). A
   * throw from the settlement rolls back and rejects with it. Optional: a caller without it settles the
   * records first and calls appendBatch (docs/decisions/0038).
   */
  appendBatchSettling?(records: readonly BatchRecord[], settlement: BatchSettlement): Promise<BatchResult>;
  /** The fast path for bulk loads (benchmarks, imports): one transaction, same duplicate/conflict rules. */
  bulkInsert(statements: readonly Statement[]): Promise<BulkInsertResult>;
  /**
   * Stores `statement` only if `guard` accepts the pupil's history (as pupilHistory reads it) at that
   * moment: the read, the guard and the write are one transaction that no other append to the same
   * school interleaves with, from this process or any other on the same database. This is what makes
   * If-Match on a pupil's preference set exact with several servers. `query.urn` must be the
   * statement's school. A refusal stores nothing and returns the history the guard saw.
   */
  appendIf(
    statement: Statement,
    query: PupilQuery,
    guard: (history: readonly StoredStatement[]) => boolean,
  ): Promise<GuardedAppendOutcome>;
  /** One statement by its id: the school's copy with `urn`, otherwise the copy stored first. */
  get(id: string, urn?: string): Promise<StoredStatement | undefined>;
  /** A school's statements in the store's insertion order, a page at a time. */
  list(urn: string, page?: PageRequest): Promise<StatementPage>;
  /** A school's new statements after a cursor, in insertion order; never skips a committed record. */
  changes(urn: string, page?: PageRequest): Promise<ChangeFeedPage>;
  /**
   * Every statement about one pupil, in insertion order. Across schools (no `urn`) a transferred
   * statement appears once per school holding it; the resolver counts it once.
   */
  pupilHistory(query: PupilQuery): Promise<StoredStatement[]>;
}
