import { randomBytes } from 'node:crypto';
import { PreconditionFailedError } from '../errors.js';
import type { JsonValue } from '../ports/json.js';
import type { IfMatch, SchoolState, SchoolStates } from '../ports/school-state.js';
import type { PostgresConnection } from './connection.js';

interface StateDbRow {
  urn: string;
  version: string;
  etag: string;
  data: string;
  updated_at: Date;
}

function toState(row: StateDbRow): SchoolState {
  return {
    urn: row.urn,
    etag: row.etag,
    version: Number(row.version),
    updatedAt: row.updated_at.toISOString(),
    data: JSON.parse(row.data) as JsonValue,
  };
}

export class PostgresSchoolStates implements SchoolStates {
  readonly #db: PostgresConnection;

  constructor(connection: PostgresConnection) {
    this.#db = connection;
  }

  async get(urn: string): Promise<SchoolState | undefined> {
    const { rows } = await this.#db.pool.query<StateDbRow>(
      'SELECT urn, version, etag, data, updated_at FROM school_state WHERE urn = $1',
      [urn],
    );
    return rows[0] && toState(rows[0]);
  }

  async compareAndSet(urn: string, ifMatch: IfMatch, data: JsonValue): Promise<SchoolState> {
    // Each branch is one statement, so the check and the write are atomic without an explicit lock. The
    // ETag's random part is etag.ts's newEtag, built in SQL so the version it carries is the row's.
    const nonce = randomBytes(4).toString('hex');
    const body = JSON.stringify(data);
    const { rows } =
      ifMatch === null
        ? await this.#db.pool.query<StateDbRow>(
            `INSERT INTO school_state (urn, version, etag, data) VALUES ($1, 1, '"1.' || $2 || '"', $3)
             ON CONFLICT (urn) DO NOTHING
             RETURNING urn, version, etag, data, updated_at`,
            [urn, nonce, body],
          )
        : await this.#db.pool.query<StateDbRow>(
            `UPDATE school_state
                SET version = version + 1, etag = '"' || (version + 1) || '.' || $2 || '"', data = $3,
                    updated_at = now()
              WHERE urn = $1 AND ($4::text = '*' OR etag = $4)
              RETURNING urn, version, etag, data, updated_at`,
            [urn, nonce, body, ifMatch],
          );
    if (rows[0]) return toState(rows[0]);
    const current = await this.get(urn);
    throw new PreconditionFailedError(urn, current?.etag ?? null);
  }
}
