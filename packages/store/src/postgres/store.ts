import pg from 'pg';
import type { Batches } from '../ports/batches.js';
import type { IdempotencyKeys } from '../ports/idempotency.js';
import type { Ledgers } from '../ports/ledgers.js';
import type { Preferences } from '../ports/preferences.js';
import type { SchoolStates } from '../ports/school-state.js';
import type { Statements } from '../ports/statements.js';
import type { StatementStore } from '../ports/store.js';
import type { Verifications } from '../ports/verifications.js';
import { PostgresBatches } from './batches.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, PostgresConnection, type PostgresStoreOptions } from './connection.js';
import { PostgresIdempotencyKeys } from './idempotency.js';
import { PostgresLedgers } from './ledgers.js';
import { migrate } from './migrations.js';
import { PostgresPreferences } from './preferences.js';
import { PostgresSchoolStates } from './school-state.js';
import { PostgresStatements } from './statements.js';
import { PostgresVerifications } from './verifications.js';

export type { PostgresStoreOptions } from './connection.js';

/** The production store: every port on one PostgreSQL pool. */
export class PostgresStatementStore implements StatementStore {
  readonly #connection: PostgresConnection;
  readonly statements: Statements;
  readonly idempotency: IdempotencyKeys;
  readonly schools: SchoolStates;
  readonly batches: Batches;
  readonly ledgers: Ledgers;
  readonly preferences: Preferences;
  readonly verifications: Verifications;

  constructor(
    pool: pg.Pool,
    ownsPool: boolean,
    options: Pick<PostgresStoreOptions, 'reconnectWithinMs'> = {},
  ) {
    const connection = new PostgresConnection(pool, ownsPool, options.reconnectWithinMs);
    this.#connection = connection;
    const preferences = new PostgresPreferences(connection);
    this.preferences = preferences;
    const verifications = new PostgresVerifications(connection);
    this.verifications = verifications;
    this.statements = new PostgresStatements(connection, preferences, verifications);
    this.idempotency = new PostgresIdempotencyKeys(connection);
    this.schools = new PostgresSchoolStates(connection);
    this.batches = new PostgresBatches(connection);
    this.ledgers = new PostgresLedgers(connection);
  }

  ping(): Promise<void> {
    return this.#connection.ping();
  }

  /** Ends the store's own pool; safe to call more than once. */
  close(): Promise<void> {
    return this.#connection.close();
  }
}

/** Connects, brings the schema up to date, and returns the store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<StatementStore> {
  const ownsPool = !options.pool;
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      // Without a bound, a connect to a database that accepts TCP but never answers waits forever.
      connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    });
  // An idle client whose connection the server drops (a restart) emits 'error' through the pool, which
  // then discards it; unheard, the event would end the process. Checked-out clients are heard by the
  // connection (connection.ts) for as long as they are out.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    if (ownsPool) await pool.end();
    throw error;
  }
  return new PostgresStatementStore(pool, ownsPool, options);
}
