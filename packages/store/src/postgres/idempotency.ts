import { IdempotencyConflictError } from '../errors.js';
import { lookupOf } from '../idempotency/stored-response.js';
import type {
  IdempotencyClaim,
  IdempotencyKeys,
  IdempotencyLookup,
  IdempotentResponse,
} from '../ports/idempotency.js';
import type { PostgresConnection } from './connection.js';

const DROP_CLAIM = 'DELETE FROM idempotency_claims WHERE scope = $1 AND key = $2';

export class PostgresIdempotencyKeys implements IdempotencyKeys {
  readonly #db: PostgresConnection;

  constructor(connection: PostgresConnection) {
    this.#db = connection;
  }

  async lookup(scope: string, key: string, requestHash: string): Promise<IdempotencyLookup> {
    const { rows } = await this.#db.pool.query<{ request_hash: string; response: string; created_at: Date }>(
      'SELECT request_hash, response, created_at FROM idempotency WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    const row = rows[0];
    return lookupOf(
      scope,
      key,
      requestHash,
      row && {
        requestHash: row.request_hash,
        response: row.response,
        createdAt: row.created_at.toISOString(),
      },
    );
  }

  async claim(
    scope: string,
    key: string,
    requestHash: string,
    staleAfterMs: number,
  ): Promise<IdempotencyClaim> {
    // The claim is taken first, atomically (insert, or take over a stale claim with the same hash); the
    // stored response is read after it. A request that finished in between has committed its response
    // and dropped its claim together, so whoever got the claim that way still sees the response here.
    const { rowCount } = await this.#db.pool.query(
      `INSERT INTO idempotency_claims (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO UPDATE SET claimed_at = clock_timestamp()
         WHERE idempotency_claims.request_hash = EXCLUDED.request_hash
           AND idempotency_claims.claimed_at < clock_timestamp() - make_interval(secs => $4::double precision / 1000)`,
      [scope, key, requestHash, staleAfterMs],
    );
    const done = await this.lookup(scope, key, requestHash).catch(async (error: unknown) => {
      if (rowCount === 1) await this.release(scope, key);
      throw error;
    });
    if (done.state === 'replay') {
      if (rowCount === 1) await this.release(scope, key);
      return done;
    }
    if (rowCount === 1) return { state: 'claimed' };
    const { rows } = await this.#db.pool.query<{ request_hash: string }>(
      'SELECT request_hash FROM idempotency_claims WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    if (rows[0] && rows[0].request_hash !== requestHash) throw new IdempotencyConflictError(scope, key);
    return { state: 'in-progress' };
  }

  async release(scope: string, key: string): Promise<void> {
    await this.#db.pool.query(DROP_CLAIM, [scope, key]);
  }

  async save(
    scope: string,
    key: string,
    requestHash: string,
    response: IdempotentResponse,
  ): Promise<IdempotentResponse> {
    // The response and the end of the claim commit together (see claim).
    await this.#db.transaction(async (client) => {
      await client.query(
        `INSERT INTO idempotency (scope, key, request_hash, response) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope, key) DO NOTHING`,
        [scope, key, requestHash, JSON.stringify(response)],
      );
      await client.query(DROP_CLAIM, [scope, key]);
    });
    const kept = await this.lookup(scope, key, requestHash);
    if (kept.state !== 'replay') throw new Error(`idempotency key ${key} vanished after it was written`);
    return kept.response;
  }
}
