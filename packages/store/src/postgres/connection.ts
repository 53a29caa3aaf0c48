import type pg from 'pg';

export interface PostgresStoreOptions {
  /** e.g. postgres://user:password@localhost:5432/reuse_pref; ignored when `pool` is given. */
  connectionString?: string;
  /** Use an existing pool (it is not ended by close()). */
  pool?: pg.Pool;
  /** Pool size when the store makes its own pool (default 10). */
  maxConnections?: number;
}

// Deadlocks can only arise between batches for different schools that repeat each other's ids in a
// different order; PostgreSQL aborts one, and it is safe to run it again.
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/** What else may run a transaction again, and how often in all. */
export interface RetryPolicy {
  codes: ReadonlySet<string>;
  attempts: number;
}

/** Unique violation: another transaction committed the row this one meant to insert. */
export const UNIQUE_VIOLATION = '23505';

/** The pool every PostgreSQL port shares, and how they run transactions on it. */
export class PostgresConnection {
  readonly pool: pg.Pool;
  readonly #ownsPool: boolean;
  #closed = false;

  constructor(pool: pg.Pool, ownsPool: boolean) {
    this.pool = pool;
    this.#ownsPool = ownsPool;
  }

  /**
   * Runs `work` in one transaction on one pooled client, committing when it resolves and rolling back when
   * it throws. A deadlock runs the whole of `work` again, up to three times in all; `retry` adds codes
   * (and attempts) for work whose conflicts are expected.
   */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, retry?: RetryPolicy): Promise<T> {
    const attempts = retry?.attempts ?? ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (attempt >= attempts || !code || !(RETRYABLE.has(code) || retry?.codes.has(code))) throw error;
      } finally {
        client.release();
      }
    }
  }

  /** Holds an advisory lock until the transaction ends; `namespace` is one of migrations.ts's LOCK_*. */
  async lock(client: pg.PoolClient, namespace: number, name: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [namespace, name]);
  }

  /** Ends the store's own pool; safe to call more than once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#ownsPool) await this.pool.end();
  }
}
