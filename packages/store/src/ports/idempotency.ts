import type { JsonValue } from './json.js';

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

/**
 * Idempotency-Key bookkeeping: which request ran under a key (by its hash), whether one is running now,
 * and the response to replay. Keys live in a scope (the server passes the client id), so two clients
 * never share one. Every method throws IdempotencyConflictError when the key was used with a different
 * request hash.
 */
export interface IdempotencyKeys {
  /** The response stored under the key, if any. */
  lookup(scope: string, key: string, requestHash: string): Promise<IdempotencyLookup>;
  /**
   * Looks the key up and, when nothing is stored or running under it, claims it for this request, in one
   * step no concurrent caller (any process) can split. A claim older than `staleAfterMs` (its request
   * died with its process) is taken over. End a claim with `save`, or `release` when the outcome is not
   * to be replayed.
   */
  claim(scope: string, key: string, requestHash: string, staleAfterMs: number): Promise<IdempotencyClaim>;
  /** Drops this key's claim without storing a response, so a retry runs afresh. */
  release(scope: string, key: string): Promise<void>;
  /**
   * Saves the response for a key unless one exists, and ends its claim; returns the response that is
   * stored (the earlier one if a concurrent request won).
   */
  save(
    scope: string,
    key: string,
    requestHash: string,
    response: IdempotentResponse,
  ): Promise<IdempotentResponse>;
}
