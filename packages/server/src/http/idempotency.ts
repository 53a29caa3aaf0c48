import { createHash } from 'node:crypto';
import {
  IdempotencyConflictError,
  type JsonValue,
  type StatementStore,
  StoreUnavailableError,
} from '@reuse-pref/store';
import { ProblemError } from './problem.js';
import type { ServerResponse } from './types.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Hash of what makes two requests "the same": method, path and the exact body bytes. */
export function requestHash(method: string, path: string, body: string): string {
  return createHash('sha256').update(requestHashPrefix(method, path)).update(body).digest('hex');
}

/** What requestHash hashes before the body; readBody continues from it while the body arrives. */
export const requestHashPrefix = (method: string, path: string): string => `${method}\n${path}\n`;

/** A key is read as-is; an absent optional key means "no replay protection" rather than an error. */
export function readIdempotencyKey(header: string | undefined, required = false): string | undefined {
  if (header === undefined) {
    if (!required) return undefined;
    throw new ProblemError('bad-request', { detail: 'This operation requires an Idempotency-Key header.' });
  }
  if (!KEY_PATTERN.test(header)) {
    throw new ProblemError('bad-request', {
      detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
    });
  }
  return header;
}

// Responses that depend on the caller's credentials or on load are not results of the request, so a retry
// must run again rather than replay them.
const NOT_REPLAYED = new Set([401, 403, 429]);

/**
 * How long a claim protects a running request. Longer than any request may run (the Node server's
 * requestTimeout is 60 s), so only the claim of a request that died with its process is ever taken over.
 */
export const CLAIM_STALE_MS = 120_000;

/**
 * Runs `execute` at most once per (client, key): the same key with the same request replays the stored
 * response (marked Idempotent-Replayed: true); with a different request it gets 422 and nothing runs.
 * While the first request with a key is still running, a retry with that key gets 409
 * (`idempotency-key-in-use`, Retry-After: 1) instead of running beside it: otherwise the retry could
 * answer first (say 412, the ETag having moved under it) and its answer become the one every caller sees,
 * though the first request's write was stored.
 */
export async function withIdempotency(
  store: Pick<StatementStore, 'idempotency'>,
  scope: string,
  key: string | undefined,
  hash: string,
  execute: () => Promise<ServerResponse>,
): Promise<ServerResponse> {
  if (key === undefined) return execute();
  // Dropping the claim is best effort: one that cannot be dropped goes stale after CLAIM_STALE_MS.
  const release = () => store.idempotency.release(scope, key).catch(() => undefined);
  try {
    let claim: Awaited<ReturnType<typeof store.idempotency.claim>>;
    try {
      claim = await store.idempotency.claim(scope, key, hash, CLAIM_STALE_MS);
    } catch (error) {
      // The connection went while the claim was being written: it may be held, by this request that will
      // not run. Left, the client's retry would be told for two minutes that it is still running.
      if (error instanceof StoreUnavailableError && error.committed === 'unknown') await release();
      throw error;
    }
    if (claim.state === 'replay') return replayed(claim.response);
    if (claim.state === 'in-progress') {
      throw new ProblemError('idempotency-key-in-use', {
        detail: 'A request with this Idempotency-Key is still being processed; retry shortly.',
        headers: { 'retry-after': '1' },
      });
    }
    let response: ServerResponse;
    try {
      response = await execute();
    } catch (error) {
      // The request's own error is the one to report.
      await release();
      throw error;
    }
    if (response.status >= 500 || NOT_REPLAYED.has(response.status)) {
      await store.idempotency.release(scope, key);
      return response;
    }
    const body = (response.body === undefined ? null : JSON.parse(response.body)) as JsonValue;
    let kept: Awaited<ReturnType<typeof store.idempotency.save>>;
    try {
      kept = await store.idempotency.save(scope, key, hash, {
        status: response.status,
        headers: response.headers,
        body,
      });
    } catch (error) {
      // The response could not be kept (the database went away): a retry runs the request again, which
      // an append answers with duplicates rather than doing twice.
      await release();
      throw error;
    }
    // A concurrent request with the same key stored first: every caller must see that one answer.
    const same = kept.status === response.status && JSON.stringify(kept.body) === JSON.stringify(body);
    return same ? response : replayed(kept);
  } catch (error) {
    if (error instanceof IdempotencyConflictError) {
      // Nothing of the request was read, so there is nothing to report per record: on submitBatch the
      // contract's 422 is a BatchProblem or, for this, a plain problem.
      throw new ProblemError('idempotency-key-reused', {
        detail: 'This Idempotency-Key was used with a different method, path or body.',
      });
    }
    throw error;
  }
}

function replayed(stored: {
  status: number;
  headers?: Record<string, string>;
  body: JsonValue;
}): ServerResponse {
  return {
    status: stored.status,
    headers: { ...stored.headers, 'idempotent-replayed': 'true' },
    ...(stored.body === null ? {} : { body: JSON.stringify(stored.body) }),
  };
}
