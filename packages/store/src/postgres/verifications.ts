import type pg from 'pg';
import type { StatementRow } from '../ports/statements.js';
import type { StatementVerification, Verifications } from '../ports/verifications.js';
import type { InsertResult } from '../statements/statement-row.js';
import { recordable, toVerification, type VerificationDbRow } from '../statements/verification-row.js';
import type { PostgresConnection } from './connection.js';
import { valuesList } from './values-list.js';

// Rows per multi-row INSERT, within PostgreSQL's 65535 parameters.
const INSERT_CHUNK = 1000;
const insertSql = (rows: number) =>
  `INSERT INTO statement_verifications (id, urn, outcome, rule, signer_kid, hops, verified_at)
   VALUES ${valuesList(rows, 7)} ON CONFLICT (id, urn) DO NOTHING`;

const COLUMNS_READ = 'v.outcome, v.rule, v.signer_kid, v.hops, v.verified_at';

export class PostgresVerifications implements Verifications {
  readonly #db: PostgresConnection;

  constructor(connection: PostgresConnection) {
    this.#db = connection;
  }

  /** Records the rows' outcomes, in the transaction (`client`) that stores the rows. */
  async record(
    client: pg.PoolClient,
    rows: readonly StatementRow[],
    results: readonly InsertResult[],
  ): Promise<void> {
    const verified = recordable(rows, results);
    for (let start = 0; start < verified.length; start += INSERT_CHUNK) {
      const chunk = verified.slice(start, start + INSERT_CHUNK);
      const params: Array<string | number | null> = [];
      for (const { id, urn, verification: v } of chunk)
        params.push(id, urn, v!.outcome, v!.rule, v!.signerKid, v!.hops, v!.verifiedAt);
      await client.query(insertSql(chunk.length), params);
    }
  }

  async get(id: string, urn?: string): Promise<StatementVerification | undefined> {
    const { rows } =
      urn === undefined
        ? await this.#db.reader.query<VerificationDbRow>(
            `SELECT ${COLUMNS_READ} FROM statement_verifications v
               JOIN statements s ON s.id = v.id AND s.urn = v.urn
              WHERE v.id = $1 ORDER BY s.seq LIMIT 1`,
            [id],
          )
        : await this.#db.reader.query<VerificationDbRow>(
            `SELECT ${COLUMNS_READ} FROM statement_verifications v WHERE v.id = $1 AND v.urn = $2`,
            [id, urn],
          );
    return rows[0] && toVerification(rows[0]);
  }

  async countVerified(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    // Each id given counts once per time it is given, when any school's copy of it verified.
    const { rows } = await this.#db.reader.query<{ n: string }>(
      `SELECT count(*) AS n FROM unnest($1::text[]) AS given (id)
        WHERE EXISTS (SELECT 1 FROM statement_verifications v
                       WHERE v.id = given.id AND v.outcome = 'verified')`,
      [ids],
    );
    return Number(rows[0]!.n);
  }
}
