import type { StatementRow } from '../ports/statements.js';
import type { StatementVerification, Verifications } from '../ports/verifications.js';
import type { InsertResult } from '../statements/statement-row.js';
import { recordable, toVerification, type VerificationDbRow } from '../statements/verification-row.js';
import type { SqliteConnection } from './connection.js';

export class SqliteVerifications implements Verifications {
  readonly #insert;
  readonly #byId;
  readonly #byIdAt;
  readonly #count;

  constructor(connection: SqliteConnection) {
    const { db } = connection;
    this.#insert = db.prepare<[string, string, string, string | null, string | null, number, string]>(
      `INSERT INTO statement_verifications (id, urn, outcome, rule, signer_kid, hops, verified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id, urn) DO NOTHING`,
    );
    const columns = 'outcome, rule, signer_kid, hops, verified_at';
    this.#byId = db.prepare<[string], VerificationDbRow>(
      `SELECT ${columns} FROM statement_verifications v
         WHERE v.id = ? ORDER BY (SELECT s.seq FROM statements s WHERE s.id = v.id AND s.urn = v.urn) LIMIT 1`,
    );
    this.#byIdAt = db.prepare<[string, string], VerificationDbRow>(
      `SELECT ${columns} FROM statement_verifications WHERE id = ? AND urn = ?`,
    );
    // Each id given counts once per time it is given, when any school's copy of it verified.
    this.#count = db.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM json_each(?) AS given
        WHERE EXISTS (SELECT 1 FROM statement_verifications v
                       WHERE v.id = given.value AND v.outcome = 'verified')`,
    );
  }

  /** Records the rows' outcomes, inside the write transaction that stores the rows. */
  record(rows: readonly StatementRow[], results: readonly InsertResult[]): void {
    for (const row of recordable(rows, results)) {
      const v = row.verification!;
      this.#insert.run(row.id, row.urn, v.outcome, v.rule, v.signerKid, v.hops, v.verifiedAt);
    }
  }

  async get(id: string, urn?: string): Promise<StatementVerification | undefined> {
    const row = urn === undefined ? this.#byId.get(id) : this.#byIdAt.get(id, urn);
    return row && toVerification(row);
  }

  async countVerified(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return this.#count.get(JSON.stringify(ids))!.n;
  }
}
