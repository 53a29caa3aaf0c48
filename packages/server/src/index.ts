export { type ReusePreferencePluginOptions, reusePreferencePlugin } from './adapters/fastify.js';
export { createNodeHandler } from './adapters/node.js';
export {
  type ConnectionGuard,
  type ConnectionLimits,
  DEFAULT_CONNECTION_LIMITS,
  guardConnections,
} from './adapters/node-connections.js';
export { fileAssets, firstPage, type Page, type Pages, withPages } from './adapters/node-pages.js';
export { type App, type AppOptions, createApp } from './app.js';
export { type Authenticator, type BearerAuthOptions, bearerAuthenticator } from './auth/bearer.js';
export { jwksFromFile, jwksFromUrl } from './auth/jwks.js';
export { mayTouchSchool, type Principal } from './auth/principal.js';
export { parseScopes } from './auth/scopes.js';
export { jsonLineLogger, type RequestLogger, type RequestLogLine, silentLogger } from './http/log.js';
export { PROBLEM_BASE, ProblemError, type ProblemType, ProblemTypes, problem } from './http/problem.js';
export type { RateLimitHook } from './http/rate-limit.js';
export type { Sent, ServerRequest, ServerResponse } from './http/types.js';
export { DEFAULT_LIMITS, type Limits } from './limits.js';
export { MissingDriverError, openStore, type StoreSpec } from './open-store.js';
export {
  type ContractContext,
  type ContractOperation,
  type ContractQuery,
  defineOperation,
  type Operation,
  type OperationContext,
  type OperationDefinition,
  type OperationResponse,
} from './operation.js';
export { operations } from './operations.js';
export { createReusePreferenceApp, type ReusePreferenceAppOptions } from './reuse-preference-app.js';
export {
  type CohortSource,
  type RecordResult,
  ReleaseArchive,
  type StoredRelease,
} from './roles/distributor/release-archive.js';
export type { SignaturePolicy } from './roles/receiver/signature-policy.js';
export {
  decideOnwardShare,
  type OnwardShareRequest,
  onwardShareLedger,
} from './roles/relay/decide-onward-share.js';
export type { Role, Scope, Services } from './services.js';
export type { SigningOptions } from './signing/signing-options.js';
export { type RunningServer, type StartServerOptions, startServer } from './start-server.js';
export type { StatementValidator } from './statements/statement-validator.js';
