import type { Batches } from '../ports/batches.js';
import type { JsonValue } from '../ports/json.js';
import type { PostgresConnection } from './connection.js';

export class PostgresBatches implements Batches {
  readonly #db: PostgresConnection;

  constructor(connection: PostgresConnection) {
    this.#db = connection;
  }

  async save(sender: string, batchId: string, result: JsonValue): Promise<void> {
    await this.#db.pool.query(
      `INSERT INTO batch_results (sender, batch_id, result) VALUES ($1, $2, $3)
       ON CONFLICT (sender, batch_id) DO NOTHING`,
      [sender, batchId, JSON.stringify(result)],
    );
  }

  async get(sender: string, batchId: string): Promise<JsonValue | undefined> {
    const { rows } = await this.#db.pool.query<{ result: string }>(
      'SELECT result FROM batch_results WHERE sender = $1 AND batch_id = $2',
      [sender, batchId],
    );
    return rows[0] && (JSON.parse(rows[0].result) as JsonValue);
  }
}
