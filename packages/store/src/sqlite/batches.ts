import type { Batches } from '../ports/batches.js';
import type { JsonValue } from '../ports/json.js';
import type { SqliteConnection } from './connection.js';

export class SqliteBatches implements Batches {
  readonly #save;
  readonly #get;

  constructor(connection: SqliteConnection) {
    this.#save = connection.db.prepare<[string, string, string, string]>(
      `INSERT INTO batch_results (sender, batch_id, result, saved_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (sender, batch_id) DO NOTHING`,
    );
    this.#get = connection.db.prepare<[string, string], { result: string }>(
      'SELECT result FROM batch_results WHERE sender = ? AND batch_id = ?',
    );
  }

  async save(sender: string, batchId: string, result: JsonValue): Promise<void> {
    this.#save.run(sender, batchId, JSON.stringify(result), new Date().toISOString());
  }

  async get(sender: string, batchId: string): Promise<JsonValue | undefined> {
    const row = this.#get.get(sender, batchId);
    return row && (JSON.parse(row.result) as JsonValue);
  }
}
