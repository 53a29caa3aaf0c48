import { IdempotencyConflictError } from '../errors.js';
import type { IdempotencyLookup, IdempotentResponse } from '../ports/idempotency.js';

/** A stored response as either store reads it back. */
export interface StoredResponse {
  requestHash: string;
  /** The response as JSON text. */
  response: string;
  createdAt: string;
}

/**
 * What a key holds for this request: nothing yet, or the response to replay. The same key with another
 * request hash is an IdempotencyConflictError.
 */
export function lookupOf(
  scope: string,
  key: string,
  requestHash: string,
  stored: StoredResponse | undefined,
): IdempotencyLookup {
  if (!stored) return { state: 'new' };
  if (stored.requestHash !== requestHash) throw new IdempotencyConflictError(scope, key);
  return {
    state: 'replay',
    response: JSON.parse(stored.response) as IdempotentResponse,
    createdAt: stored.createdAt,
  };
}
