import { PreconditionFailedError } from '../errors.js';
import { newEtag } from '../etag.js';
import type { JsonValue } from '../ports/json.js';
import type { IfMatch, SchoolState, SchoolStates } from '../ports/school-state.js';
import type { SqliteConnection } from './connection.js';

interface StateDbRow {
  urn: string;
  version: number;
  etag: string;
  data: string;
  updated_at: string;
}

function toState(row: StateDbRow): SchoolState {
  return {
    urn: row.urn,
    etag: row.etag,
    version: row.version,
    updatedAt: row.updated_at,
    data: JSON.parse(row.data) as JsonValue,
  };
}

export class SqliteSchoolStates implements SchoolStates {
  readonly #connection: SqliteConnection;
  readonly #get;
  readonly #upsert;

  constructor(connection: SqliteConnection) {
    this.#connection = connection;
    this.#get = connection.db.prepare<[string], StateDbRow>(
      'SELECT urn, version, etag, data, updated_at FROM school_state WHERE urn = ?',
    );
    this.#upsert = connection.db.prepare<[string, number, string, string, string]>(
      `INSERT INTO school_state (urn, version, etag, data, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (urn) DO UPDATE SET version = excluded.version, etag = excluded.etag,
         data = excluded.data, updated_at = excluded.updated_at`,
    );
  }

  async get(urn: string): Promise<SchoolState | undefined> {
    const row = this.#get.get(urn);
    return row && toState(row);
  }

  async compareAndSet(urn: string, ifMatch: IfMatch, data: JsonValue): Promise<SchoolState> {
    return this.#connection.write(() => {
      const current = this.#get.get(urn);
      const holds = ifMatch === null ? !current : ifMatch === '*' ? !!current : current?.etag === ifMatch;
      if (!holds) throw new PreconditionFailedError(urn, current?.etag ?? null);
      const version = (current?.version ?? 0) + 1;
      const row: StateDbRow = {
        urn,
        version,
        etag: newEtag(version),
        data: JSON.stringify(data),
        updated_at: new Date().toISOString(),
      };
      this.#upsert.run(row.urn, row.version, row.etag, row.data, row.updated_at);
      return toState(row);
    });
  }
}
