export {
  ClientCredentials,
  type ClientCredentialsOptions,
  staticToken,
  type TokenProvider,
} from './auth.js';
export { type UploadedRecord, type UploadOptions, uploadStatements } from './batches.js';
export type { ApiResponse, ContractCalls, RequestOptions } from './calls.js';
export { type ChangeFeedOptions, changeFeed } from './change-feed.js';
export { type ClientOptions, ReusePrefClient } from './client.js';
export {
  ReusePrefAuthError,
  ReusePrefError,
  ReusePrefNetworkError,
  ReusePrefProblemError,
  ReusePrefTimeoutError,
} from './errors.js';
export { items, type Page, pages } from './pages.js';
export type { RetryOptions } from './retry.js';
export type * from './types.js';
