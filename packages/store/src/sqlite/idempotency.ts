import { IdempotencyConflictError } from '../errors.js';
import { lookupOf, type StoredResponse } from '../idempotency/stored-response.js';
import type {
  IdempotencyClaim,
  IdempotencyKeys,
  IdempotencyLookup,
  IdempotentResponse,
} from '../ports/idempotency.js';
import type { SqliteConnection } from './connection.js';

export class SqliteIdempotencyKeys implements IdempotencyKeys {
  readonly #connection: SqliteConnection;
  readonly #get;
  readonly #getClaim;
  readonly #putClaim;
  readonly #dropClaim;
  readonly #put;

  constructor(connection: SqliteConnection) {
    this.#connection = connection;
    const { db } = connection;
    this.#get = db.prepare<[string, string], StoredResponse>(
      `SELECT request_hash AS requestHash, response, created_at AS createdAt
         FROM idempotency WHERE scope = ? AND key = ?`,
    );
    this.#getClaim = db.prepare<[string, string], { request_hash: string; claimed_at: number }>(
      'SELECT request_hash, claimed_at FROM idempotency_claims WHERE scope = ? AND key = ?',
    );
    this.#putClaim = db.prepare<[string, string, string, number]>(
      `INSERT INTO idempotency_claims (scope, key, request_hash, claimed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (scope, key) DO UPDATE SET claimed_at = excluded.claimed_at`,
    );
    this.#dropClaim = db.prepare<[string, string]>(
      'DELETE FROM idempotency_claims WHERE scope = ? AND key = ?',
    );
    this.#put = db.prepare<[string, string, string, string, string]>(
      `INSERT INTO idempotency (scope, key, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (scope, key) DO NOTHING`,
    );
  }

  async lookup(scope: string, key: string, requestHash: string): Promise<IdempotencyLookup> {
    return lookupOf(scope, key, requestHash, this.#get.get(scope, key));
  }

  async claim(
    scope: string,
    key: string,
    requestHash: string,
    staleAfterMs: number,
  ): Promise<IdempotencyClaim> {
    // One write transaction: no other connection can store or claim the key between these reads.
    return this.#connection.write((): IdempotencyClaim => {
      const done = lookupOf(scope, key, requestHash, this.#get.get(scope, key));
      if (done.state === 'replay') return done;
      const now = Date.now();
      const claim = this.#getClaim.get(scope, key);
      if (claim) {
        if (claim.request_hash !== requestHash) throw new IdempotencyConflictError(scope, key);
        if (now - claim.claimed_at < staleAfterMs) return { state: 'in-progress' };
      }
      this.#putClaim.run(scope, key, requestHash, now);
      return { state: 'claimed' };
    });
  }

  async release(scope: string, key: string): Promise<void> {
    this.#dropClaim.run(scope, key);
  }

  async save(
    scope: string,
    key: string,
    requestHash: string,
    response: IdempotentResponse,
  ): Promise<IdempotentResponse> {
    return this.#connection.write(() => {
      this.#dropClaim.run(scope, key);
      this.#put.run(scope, key, requestHash, JSON.stringify(response), new Date().toISOString());
      const kept = lookupOf(scope, key, requestHash, this.#get.get(scope, key));
      return (kept as Extract<IdempotencyLookup, { state: 'replay' }>).response;
    });
  }
}
