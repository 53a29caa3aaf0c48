import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/postgres/index.js';
import { freshUrn, makeStatement } from './contract/fixtures.js';
import { runStoreContract } from './contract/run-store-contract.js';
import { createTestDatabase, type TestDatabase } from './postgres/cluster.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.drop();
});

runStoreContract('postgres', () => openPostgresStore({ connectionString: database.url }));

describe('postgres store', () => {
  it('refuses to update, delete or truncate stored statements and ledger entries, even through raw SQL', async () => {
    const store = await openPostgresStore({ connectionString: database.url });
    const statement = makeStatement({ urn: freshUrn() });
    await store.append(statement);
    await store.appendLedger('raw-sql', { n: 1 });
    await store.close();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const sql of [
        `UPDATE statements SET body = '{}' WHERE id = '${statement.id}'`,
        `DELETE FROM statements WHERE id = '${statement.id}'`,
        'TRUNCATE statements',
        `UPDATE ledger_entries SET entry = '{}' WHERE ledger = 'raw-sql'`,
        `DELETE FROM ledger_entries WHERE ledger = 'raw-sql'`,
        'TRUNCATE ledger_entries',
      ]) {
        await expect(client.query(sql)).rejects.toThrow(/append-only/);
      }
    } finally {
      await client.end();
    }
  });

  it('migrates once when several stores open the same new database at the same time', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore({ connectionString: database.url })),
    );
    await Promise.all(stores.map((store) => store.close()));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version FROM reuse_pref_migrations ORDER BY version');
      expect(rows).toEqual([{ version: 1 }]);
    } finally {
      await client.end();
    }
  });
});
