export { canonicalJson } from '@reuse-pref/schema';
export { contentHash } from './canonical-json.js';
export { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, MAX_PAGE_SIZE } from './cursor.js';
export {
  IdempotencyConflictError,
  InvalidRequestError,
  LedgerConflictError,
  PreconditionFailedError,
  PreferenceIndexIncompleteError,
  StatementConflictError,
  StoreError,
  StoreUnavailableError,
} from './errors.js';
export { LedgerRun } from './ledgers/run.js';
export type * from './ports/batches.js';
export type * from './ports/idempotency.js';
export type * from './ports/json.js';
export type * from './ports/ledgers.js';
export type * from './ports/preferences.js';
export type * from './ports/school-state.js';
export type * from './ports/statements.js';
export type * from './ports/store.js';
export type * from './ports/verifications.js';
export {
  NO_STATEMENTS,
  PreferenceSnapshot,
  RESOLVE_EXACTLY,
  type SnapshotSink,
  type SnapshotSource,
} from './preferences/snapshot.js';
export { toStatementRow as prepareStatement } from './statements/statement-row.js';
