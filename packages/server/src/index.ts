export { type ReusePreferencePluginOptions, reusePreferencePlugin } from './adapters/fastify.js';
export { createNodeHandler } from './adapters/node.js';
export { type App, type AppOptions, createApp } from './app.js';
export { type Authenticator, type BearerAuthOptions, bearerAuthenticator } from './auth/bearer.js';
export { jwksFromFile, jwksFromUrl } from './auth/jwks.js';
export { mayTouchSchool, type Principal } from './auth/principal.js';
export { parseScopes } from './auth/scopes.js';
export {
  type CohortSource,
  type RecordResult,
  ReleaseArchive,
  type StoredRelease,
} from './distributor/release-archive.js';
export { jsonLineLogger, type RequestLogger, type RequestLogLine, silentLogger } from './http/log.js';
export { PROBLEM_BASE, ProblemError, type ProblemType, ProblemTypes, problem } from './http/problem.js';
export type { RateLimitHook } from './http/rate-limit.js';
export type { ServerRequest, ServerResponse } from './http/types.js';
export { openStore, type StoreSpec } from './open-store.js';
export {
  DEFAULT_LIMITS,
  type Limits,
  type Operation,
  type OperationContext,
  type Role,
  type Scope,
  type Services,
  type StatementValidator,
} from './operation.js';
export { operations } from './operations/index.js';
export { decideOnwardShare, type OnwardShareRequest, onwardShareLedger } from './relay/onward-shares.js';
export { createReusePreferenceApp, type ReusePreferenceAppOptions } from './reuse-preference-app.js';
export { type RunningServer, type StartServerOptions, startServer } from './start-server.js';
