import Database from 'better-sqlite3';
import pg from 'pg';
import type { StoreDatabase } from './fail-ledger-writes.js';

/**
 * Runs `sql` as the database's owner would, to tamper with what the store keeps: the append-only
 * triggers off (the owner may), the rows rewritten, the triggers back on, so the store afterwards looks
 * untouched. What a dishonest operator with the application's own database rights can do; the tests
 * that use it show what is still detected.
 */
export async function asDatabaseOwner(database: StoreDatabase, sql: string): Promise<void> {
  if (database.kind === 'sqlite') {
    const db = new Database(database.path);
    try {
      const triggers = db
        .prepare<[], { name: string; sql: string }>(
          "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%append-only%'",
        )
        .all();
      db.transaction(() => {
        for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
        db.exec(sql);
        for (const trigger of triggers) db.exec(trigger.sql);
      })();
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const table of ['statements', 'ledger_entries'])
      await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await client.query(sql);
    for (const table of ['statements', 'ledger_entries'])
      await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
