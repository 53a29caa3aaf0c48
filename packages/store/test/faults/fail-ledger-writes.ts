import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

/** Where a store keeps its data, as a test that reaches the database directly names it. */
export type StoreDatabase = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * Makes the database itself refuse every insert into one ledger (`injected failure`), as a full disk or
 * a lost connection would refuse a write part-way through a transaction, until the returned function is
 * called. A trigger, so the store's own code runs unchanged. The store must be opened first (the table
 * must exist).
 */
export async function failLedgerWrites(
  database: StoreDatabase,
  ledger: string,
): Promise<() => Promise<void>> {
  const name = `test_fail_${randomBytes(6).toString('hex')}`;
  const quoted = ledger.replaceAll("'", "''");
  if (database.kind === 'sqlite') {
    const db = new Database(database.path);
    db.exec(`CREATE TRIGGER ${name} BEFORE INSERT ON ledger_entries WHEN NEW.ledger = '${quoted}'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    return async () => {
      db.exec(`DROP TRIGGER ${name}`);
      db.close();
    };
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'injected failure'; END $$;
    CREATE TRIGGER ${name} BEFORE INSERT ON ledger_entries
      FOR EACH ROW WHEN (NEW.ledger = '${quoted}') EXECUTE FUNCTION ${name}();`);
  return async () => {
    await client.query(`DROP TRIGGER ${name} ON ledger_entries; DROP FUNCTION ${name}()`);
    await client.end();
  };
}
