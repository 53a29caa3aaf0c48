/** Base class of every error the store throws on purpose; `code` is stable for callers to branch on. */
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A statement id already stored with different content: statements are immutable. */
export class StatementConflictError extends StoreError {
  constructor(readonly id: string) {
    super('statement-conflict', `statement ${id} is already stored with different content`);
  }
}

/** An Idempotency-Key reused for a different request. */
export class IdempotencyConflictError extends StoreError {
  constructor(
    readonly scope: string,
    readonly key: string,
  ) {
    super('idempotency-conflict', `idempotency key ${key} was already used for a different request`);
  }
}

/** If-Match did not hold: the caller's view of the state is stale, and nothing was changed. */
export class PreconditionFailedError extends StoreError {
  constructor(
    readonly urn: string,
    readonly currentEtag: string | null,
  ) {
    super(
      'precondition-failed',
      `state of school ${urn} has changed (current ETag ${currentEtag ?? 'none'})`,
    );
  }
}

/** A ledger append expected a different position: another entry landed first. */
export class LedgerConflictError extends StoreError {
  constructor(
    readonly ledger: string,
    readonly expectedIndex: number,
    readonly actualIndex: number,
  ) {
    super(
      'ledger-conflict',
      `ledger ${ledger}: expected to append at ${expectedIndex}, next index is ${actualIndex}`,
    );
  }
}

/** A cursor this store did not issue, or a malformed query. */
export class InvalidRequestError extends StoreError {
  constructor(message: string) {
    super('invalid-request', message);
  }
}

/**
 * The database could not be reached, or the connection was lost, for longer than the store keeps
 * retrying (a restart, a failover). `committed` says what became of a write: `false` when it certainly
 * did not commit (safe to send again), `'unknown'` when the connection was lost while the commit was on
 * its way (send it again only with the same Idempotency-Key, or content the store recognises as a repeat).
 */
export class StoreUnavailableError extends StoreError {
  constructor(
    readonly committed: false | 'unknown',
    readonly cause?: unknown,
  ) {
    super(
      'store-unavailable',
      `the database is unavailable${committed === 'unknown' ? ' (the last write may or may not have committed)' : ''}: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
    );
  }
}

/**
 * The effective-preferences index cannot answer for the store as it is: it has not taken in every stored
 * statement (statements written before the index existed, or by something that did not keep it), or it
 * was built for another purpose catalogue or competence age. `reuse-pref store reindex` rebuilds it.
 */
export class PreferenceIndexIncompleteError extends StoreError {
  constructor(message: string) {
    super('preference-index-incomplete', message);
  }
}
