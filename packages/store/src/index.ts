export { canonicalJson } from '@reuse-pref/schema';
export { contentHash } from './canonical-json.js';
export { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, MAX_PAGE_SIZE } from './cursor.js';
export {
  IdempotencyConflictError,
  InvalidRequestError,
  LedgerConflictError,
  PreconditionFailedError,
  StatementConflictError,
  StoreError,
} from './errors.js';
export { toStatementRow as prepareStatement } from './statement-row.js';
export type * from './types.js';
