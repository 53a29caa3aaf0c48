import type { Batches } from '../ports/batches.js';
import type { IdempotencyKeys } from '../ports/idempotency.js';
import type { Ledgers } from '../ports/ledgers.js';
import type { Preferences } from '../ports/preferences.js';
import type { SchoolStates } from '../ports/school-state.js';
import type { Statements } from '../ports/statements.js';
import type { StatementStore } from '../ports/store.js';
import type { Verifications } from '../ports/verifications.js';
import { SqliteBatches } from './batches.js';
import { SqliteConnection, type SqliteStoreOptions } from './connection.js';
import { SqliteIdempotencyKeys } from './idempotency.js';
import { SqliteLedgers } from './ledgers.js';
import { SqlitePreferences } from './preferences.js';
import { SqliteSchoolStates } from './school-state.js';
import { SqliteStatements } from './statements.js';
import { SqliteVerifications } from './verifications.js';

export type { SqliteStoreOptions } from './connection.js';

/** The embedded store: every port on one SQLite file (see SqliteConnection for durability and locking). */
export class SqliteStatementStore implements StatementStore {
  readonly #connection: SqliteConnection;
  readonly statements: Statements;
  readonly idempotency: IdempotencyKeys;
  readonly schools: SchoolStates;
  readonly batches: Batches;
  readonly ledgers: Ledgers;
  readonly preferences: Preferences;
  readonly verifications: Verifications;

  constructor(options: SqliteStoreOptions) {
    const connection = new SqliteConnection(options);
    this.#connection = connection;
    const preferences = new SqlitePreferences(connection);
    this.preferences = preferences;
    const verifications = new SqliteVerifications(connection);
    this.verifications = verifications;
    this.statements = new SqliteStatements(connection, preferences, verifications);
    this.idempotency = new SqliteIdempotencyKeys(connection);
    this.schools = new SqliteSchoolStates(connection);
    this.batches = new SqliteBatches(connection);
    this.ledgers = new SqliteLedgers(connection);
  }

  async ping(): Promise<void> {
    this.#connection.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    this.#connection.close();
  }
}

export async function openSqliteStore(options: SqliteStoreOptions): Promise<StatementStore> {
  return new SqliteStatementStore(options);
}
