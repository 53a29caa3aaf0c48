import type pg from 'pg';
import { StoreUnavailableError } from '../errors.js';
import { isConnectionLoss } from './connection-loss.js';

export interface PostgresStoreOptions {
  /** e.g. postgres://user:password@localhost:5432/reuse_pref; ignored when `pool` is given. */
  connectionString?: string;
  /** Use an existing pool (it is not ended by close()). */
  pool?: pg.Pool;
  /** Pool size when the store makes its own pool (default 10). */
  maxConnections?: number;
  /**
   * How long an operation keeps trying while PostgreSQL cannot be reached or drops its connection (a
   * restart, a failover) before it fails with StoreUnavailableError; default 15 000 ms. Only work that
   * certainly did not commit is run again.
   */
  reconnectWithinMs?: number;
  /** How long to wait for a new connection before counting the attempt as failed; default 5 000 ms. */
  connectTimeoutMs?: number;
}

export const DEFAULT_RECONNECT_WITHIN_MS = 15_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

// Deadlocks can only arise between batches for different schools that repeat each other's ids in a
// different order; PostgreSQL aborts one, and it is safe to run it again.
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;
const FIRST_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 1_000;

/** What else may run a transaction again, and how often in all. */
export interface RetryPolicy {
  codes: ReadonlySet<string>;
  attempts: number;
}

/** Unique violation: another transaction committed the row this one meant to insert. */
export const UNIQUE_VIOLATION = '23505';

/** What runs a query: a client inside a transaction, or the connection's `reader`. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>>;
}

/**
 * The pool every PostgreSQL port shares, and how they run work on it. Every client it checks out has an
 * error listener for as long as it is out (pg emits 'error' on a checked-out client whose connection
 * drops; unheard, that event ends the process), and a client that failed with its connection is
 * destroyed on release instead of going back to the pool.
 */
export class PostgresConnection {
  readonly pool: pg.Pool;
  readonly #ownsPool: boolean;
  readonly #reconnectWithinMs: number;
  #closed = false;
  /** Reads outside a transaction: each retried on a new connection if the one it ran on was lost. */
  readonly reader: Queryable = {
    query: (text, values = []) => this.query(text, values, { repeatable: true }),
  };

  constructor(pool: pg.Pool, ownsPool: boolean, reconnectWithinMs = DEFAULT_RECONNECT_WITHIN_MS) {
    this.pool = pool;
    this.#ownsPool = ownsPool;
    this.#reconnectWithinMs = reconnectWithinMs;
  }

  /**
   * Runs `work` in one transaction on one pooled client, committing when it resolves and rolling back when
   * it throws. A deadlock runs the whole of `work` again, up to three times in all; `retry` adds codes
   * (and attempts) for work whose conflicts are expected. A lost connection runs it again on a new one,
   * for up to `reconnectWithinMs`, as long as the COMMIT had not been sent; lost while committing, the
   * outcome is unknown and StoreUnavailableError says so rather than risk doing the work twice.
   */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, retry?: RetryPolicy): Promise<T> {
    const attempts = retry?.attempts ?? ATTEMPTS;
    const deadline = Date.now() + this.#reconnectWithinMs;
    let backoff = FIRST_BACKOFF_MS;
    for (let attempt = 1; ; ) {
      const checkout = await this.#connect(deadline);
      const { client } = checkout;
      let committing = false;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        committing = true;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (checkout.lost(error)) {
          if (committing) throw new StoreUnavailableError('unknown', error);
          if (Date.now() >= deadline) throw new StoreUnavailableError(false, error);
          await sleep(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          continue;
        }
        await client.query('ROLLBACK').catch((rollbackError: unknown) => checkout.lost(rollbackError));
        const code = (error as { code?: string }).code;
        attempt++;
        if (attempt > attempts || !code || !(RETRYABLE.has(code) || retry?.codes.has(code))) throw error;
      } finally {
        checkout.release();
      }
    }
  }

  /**
   * One statement outside a transaction. `repeatable`: running it twice is harmless (a read, or a write
   * that is a no-op the second time), so a connection lost while it ran may run it again; otherwise only
   * a failure to connect is retried and a loss mid-statement is StoreUnavailableError (outcome unknown).
   */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: readonly unknown[],
    { repeatable }: { repeatable: boolean },
  ): Promise<pg.QueryResult<R>> {
    const deadline = Date.now() + this.#reconnectWithinMs;
    let backoff = FIRST_BACKOFF_MS;
    for (;;) {
      const checkout = await this.#connect(deadline);
      try {
        return await checkout.client.query<R>(text, values as unknown[]);
      } catch (error) {
        if (!checkout.lost(error)) throw error;
        if (!repeatable) throw new StoreUnavailableError('unknown', error);
        if (Date.now() >= deadline) throw new StoreUnavailableError(false, error);
        await sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      } finally {
        checkout.release();
      }
    }
  }

  /**
   * A client from the pool, waiting out an unreachable database until `deadline`. The checkout listens
   * for the client's 'error' event while it is out; `lost(error)` tells whether an error (or one the
   * client emitted meanwhile) means the connection is gone, and marks the client to be destroyed.
   */
  async #connect(deadline: number): Promise<Checkout> {
    let backoff = FIRST_BACKOFF_MS;
    for (;;) {
      try {
        return new Checkout(await this.pool.connect());
      } catch (error) {
        if (!isConnectionLoss(error) || this.#closed) throw error;
        if (Date.now() >= deadline) throw new StoreUnavailableError(false, error);
        await sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** `SELECT 1` on a pooled connection, once: no waiting out an outage (see StatementStore.ping). */
  async ping(): Promise<void> {
    const checkout = new Checkout(await this.pool.connect());
    try {
      await checkout.client.query('SELECT 1');
    } catch (error) {
      checkout.lost(error);
      throw error;
    } finally {
      checkout.release();
    }
  }

  /** Holds an advisory lock until the transaction ends; `namespace` is one of migrations.ts's LOCK_*. */
  async lock(client: Queryable, namespace: number, name: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [namespace, name]);
  }

  /** Ends the store's own pool; safe to call more than once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#ownsPool) await this.pool.end();
  }
}

/** One checked-out client, heard while it is out and destroyed on release if its connection failed. */
class Checkout {
  #broken: unknown;
  readonly #onError = (error: unknown) => {
    this.#broken ??= error;
  };

  constructor(readonly client: pg.PoolClient) {
    client.on('error', this.#onError);
  }

  lost(error: unknown): boolean {
    if (this.#broken === undefined && isConnectionLoss(error)) this.#broken = error;
    return this.#broken !== undefined;
  }

  release(): void {
    this.client.off('error', this.#onError);
    const broken = this.#broken;
    // Given an error, pg-pool ends the client instead of pooling it; a released client keeps pg-pool's
    // own idle listener, so a late error on a destroyed one is still heard.
    this.client.release(broken === undefined ? undefined : broken instanceof Error ? broken : true);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
