import type { Finding, Statement } from '@reuse-pref/schema';
import type { StatementRow } from './statement-row.js';

export type { StatementRow } from './statement-row.js';

/** Any value JSON can carry; what the store keeps for state, ledger entries and stored responses. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A statement as the store holds it: the statement unchanged, plus where and when the store took it. */
export interface StoredStatement {
  /** Resume a list or the change feed just after this record. */
  cursor: string;
  /** When this store first accepted the statement (ISO 8601, UTC). Not the statement's own times. */
  storedAt: string;
  statement: Statement;
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
  | { statement: Statement }
  | { prepared: StatementRow }
  | { rejected: Finding[]; id?: string };

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

/** The stored response of a request made with an Idempotency-Key. */
export interface IdempotentResponse {
  status: number;
  headers?: Record<string, string>;
  body: JsonValue;
}

export type IdempotencyLookup =
  | { state: 'new' }
  | { state: 'replay'; response: IdempotentResponse; createdAt: string };

/**
 * What claiming a key found: a stored response to replay, a claim held by a request still running (the
 * caller answers 409 and the client retries), or the claim now being this caller's.
 */
export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'in-progress' }
  | { state: 'replay'; response: IdempotentResponse; createdAt: string };

/** A versioned current-state record for a school, guarded by ETag/If-Match. */
export interface SchoolState {
  urn: string;
  /** Strong ETag, quoted as HTTP sends it, e.g. `"3.9f2c1a0b"`. Changes on every successful update. */
  etag: string;
  version: number;
  updatedAt: string;
  data: JsonValue;
}

/**
 * The If-Match condition of a state update: an ETag, `*` (any current state) or null (none may exist yet,
 * as If-None-Match: *).
 */
export type IfMatch = string | '*' | null;

export interface LedgerEntry {
  ledger: string;
  /** Dense position in its ledger, from 0. */
  index: number;
  recordedAt: string;
  entry: JsonValue;
}

export interface BulkInsertResult {
  stored: number;
  duplicate: number;
}

/**
 * Storage every role needs. Statements are append-only and immutable. Every method is safe to call
 * concurrently; each write is durable once its promise resolves.
 */
export interface StatementStore {
  /** Stores one statement. Same id and identical content: a no-op; different content: StatementConflictError. */
  append(statement: Statement): Promise<AppendOutcome>;
  /**
   * Stores a batch all or nothing. The batch commits only when no record is rejected (by the caller's
   * validation, or by the store for an id conflict); otherwise nothing of it is stored.
   */
  appendBatch(records: readonly BatchRecord[]): Promise<BatchResult>;
  /** The fast path for bulk loads (benchmarks, imports): one transaction, same duplicate/conflict rules. */
  bulkInsert(statements: readonly Statement[]): Promise<BulkInsertResult>;
  getStatement(id: string): Promise<StoredStatement | undefined>;
  /** A school's statements in the store's insertion order. */
  listStatements(urn: string, page?: PageRequest): Promise<StatementPage>;
  /** A school's new statements after a cursor, in insertion order; never skips a committed record. */
  changes(urn: string, page?: PageRequest): Promise<ChangeFeedPage>;
  /** Every statement about one pupil, in insertion order. */
  pupilHistory(query: PupilQuery): Promise<StoredStatement[]>;
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

  /** Throws IdempotencyConflictError when the key was used with a different request hash. */
  getIdempotent(scope: string, key: string, requestHash: string): Promise<IdempotencyLookup>;
  /**
   * Looks the key up and, when nothing is stored or running under it, claims it for this request, in one
   * step no concurrent caller (any process) can split. A claim older than `staleAfterMs` (its request
   * died with its process) is taken over. End a claim with putIdempotent, or releaseIdempotent when the
   * outcome is not to be replayed. Throws IdempotencyConflictError on a different request hash.
   */
  claimIdempotent(
    scope: string,
    key: string,
    requestHash: string,
    staleAfterMs: number,
  ): Promise<IdempotencyClaim>;
  /** Drops this key's claim without storing a response, so a retry runs afresh. */
  releaseIdempotent(scope: string, key: string): Promise<void>;
  /**
   * Saves the response for a key unless one exists, and ends its claim; returns the response that is
   * stored (the earlier one if a concurrent request won). Throws IdempotencyConflictError on a different
   * request hash.
   */
  putIdempotent(
    scope: string,
    key: string,
    requestHash: string,
    response: IdempotentResponse,
  ): Promise<IdempotentResponse>;

  getSchoolState(urn: string): Promise<SchoolState | undefined>;
  /** Replaces a school's state if `ifMatch` holds; otherwise PreconditionFailedError and nothing changes. */
  compareAndSet(urn: string, ifMatch: IfMatch, data: JsonValue): Promise<SchoolState>;

  /**
   * Appends to a named append-only ledger. With `expectedIndex`, fails with LedgerConflictError unless the
   * entry would land at that index (for hash chains computed from the previous entry).
   */
  appendLedger(ledger: string, entry: JsonValue, options?: { expectedIndex?: number }): Promise<LedgerEntry>;
  readLedger(ledger: string, range?: { from?: number; limit?: number }): Promise<LedgerEntry[]>;
  countLedger(ledger: string): Promise<number>;

  close(): Promise<void>;
}
