import { randomUUID } from 'node:crypto';
import {
  InvalidRequestError,
  PreconditionFailedError,
  StatementConflictError,
  StoreUnavailableError,
} from '@reuse-pref/store';
import { authorise } from './auth/authorise.js';
import type { Authenticator } from './auth/bearer.js';
import { type Principal, principalKey } from './auth/principal.js';
import { requireIdentityEncoding } from './http/content-encoding.js';
import { requireContentType } from './http/content-type.js';
import { readIdempotencyKey, requestHash, requestHashPrefix, withIdempotency } from './http/idempotency.js';
import { type RequestLogger, silentLogger } from './http/log.js';
import { ProblemError, problem } from './http/problem.js';
import { applyRateLimit, type RateLimitHook } from './http/rate-limit.js';
import { readBody } from './http/read-body.js';
import { Router } from './http/router.js';
import type { ServerRequest, ServerResponse } from './http/types.js';
import type { Operation, OperationContext } from './operation.js';
import type { Services } from './services.js';

export interface App {
  handle(request: ServerRequest): Promise<ServerResponse>;
  readonly operations: readonly Operation[];
  readonly services: Services;
  /** Releases what the app holds besides the store (its ingest workers, if any). */
  close(): Promise<void>;
}

export interface AppOptions {
  services: Services;
  operations: readonly Operation[];
  authenticate: Authenticator;
  logger?: RequestLogger;
  rateLimit?: RateLimitHook;
  /** Sees every unexpected error (a 500) with its stack, for an error tracker; the log line never does. */
  onError?: (error: unknown, request: ServerRequest) => void;
}

/** Builds the framework-agnostic app: routing, auth, limits, idempotency, problems and the request log. */
export function createApp(options: AppOptions): App {
  const { services, authenticate } = options;
  const operations = options.operations.filter((op) => op.roles.includes(services.role));
  const router = new Router(operations);
  const logger = options.logger ?? silentLogger;

  async function run(
    request: ServerRequest,
    log: { route: string; client?: string },
  ): Promise<ServerResponse> {
    const match = router.match(request.method, request.path);
    if (match === undefined) return problem('not-found');
    if ('allow' in match) {
      return problem('method-not-allowed', {
        detail: `${request.method} is not a method of this path.`,
        headers: { allow: match.allow.join(', ') },
      });
    }
    const { route: op, params } = match;
    log.route = op.path;

    let principal: Principal = { clientId: 'anonymous', scopes: new Set(), schools: new Set() };
    if (op.scope) {
      principal = await authenticate(request.headers.authorization);
      log.client = principal.clientId;
    }
    await applyRateLimit(options.rateLimit, { operationId: op.operationId, principal });
    if (op.scope) authorise(op.scope, op.schoolParam ? params[op.schoolParam] : undefined, principal);

    let body = '';
    let bodyHash: string | undefined;
    let contentType: string | undefined;
    if (op.body) {
      contentType = requireContentType(request.headers['content-type'], op.body.types);
      requireIdentityEncoding(request.headers['content-encoding']);
      const tooLarge = op.body.limit === 'maxBatchBytes' ? 'batch-too-large' : 'payload-too-large';
      const prefix = op.idempotent ? requestHashPrefix(request.method, request.path) : undefined;
      const read = await readBody(request.body, services.limits[op.body.limit], tooLarge, prefix);
      body = read.text;
      bodyHash = read.sha256;
    }
    const context: OperationContext = {
      request,
      params,
      query: request.query,
      principal,
      services,
      body,
      ...{ contentType },
    };
    if (!op.idempotent) return op.handle(context);
    const key = readIdempotencyKey(request.headers['idempotency-key'], op.idempotent === 'required');
    const hash = bodyHash ?? requestHash(request.method, request.path, body);
    return withIdempotency(services.store, principalKey(principal), key, hash, () => op.handle(context));
  }

  async function handle(request: ServerRequest): Promise<ServerResponse> {
    const started = performance.now();
    const log: { route: string; client?: string } = { route: 'unmatched' };
    let response: ServerResponse;
    let failure: unknown;
    try {
      response = await run(request, log);
    } catch (error) {
      failure = error;
      response = toProblem(error);
      if (response.status >= 500) options.onError?.(error, request);
    }
    response.headers['x-request-id'] = request.requestId;
    if (request.method === 'HEAD') delete response.body;
    const problemType = response.headers['content-type'] === 'application/problem+json';
    logger({
      time: new Date().toISOString(),
      level: response.status >= 500 ? 'error' : response.status >= 400 ? 'warn' : 'info',
      msg: 'request',
      requestId: request.requestId,
      method: request.method,
      route: log.route,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      ...(log.client ? { client: log.client } : {}),
      ...(problemType && response.body ? { problem: String(JSON.parse(response.body).type) } : {}),
      ...(response.status >= 500 && failure instanceof Error ? { error: failure.name } : {}),
    });
    return response;
  }

  return {
    handle,
    operations,
    services,
    close: async () => {
      await services.ingestWorkers?.close();
    },
  };
}

function toProblem(error: unknown): ServerResponse {
  if (error instanceof ProblemError) return { ...error.response, headers: { ...error.response.headers } };
  if (error instanceof InvalidRequestError) return problem('bad-request', { detail: error.message });
  if (error instanceof StatementConflictError) {
    return problem('statement-id-conflict', {
      detail: `A different statement with id ${error.id} is already held.`,
      errors: [
        {
          rule: 'statement-id-conflict',
          severity: 'error',
          pointer: '/id',
          message: 'id: already used by a different statement',
        },
      ],
    });
  }
  if (error instanceof PreconditionFailedError) {
    return problem('precondition-failed', {
      detail: 'The resource changed since you read it; read it again and retry.',
      headers: error.currentEtag ? { etag: error.currentEtag } : {},
    });
  }
  if (error instanceof StoreUnavailableError) {
    // The database is restarting or unreachable: the client should come back, with the same
    // Idempotency-Key for a write (a write whose commit was cut off may or may not have landed).
    return problem('unavailable', {
      detail:
        error.committed === 'unknown'
          ? 'The database connection was lost while this write was committing; retry it with the same Idempotency-Key.'
          : 'The database is unavailable; nothing was stored. Retry shortly.',
      headers: { 'retry-after': '1' },
    });
  }
  return problem('internal-error');
}

export const newRequestId = (header: string | undefined): string =>
  header && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : randomUUID();
