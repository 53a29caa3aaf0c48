import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/sqlite/index.js';
import { freshUrn, makeStatement } from './contract/fixtures.js';
import { runStoreContract } from './contract/run-store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'rp-store-sqlite-'));
const path = join(dir, 'store.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite', () => openSqliteStore({ path }));

describe('sqlite store', () => {
  it('leaves the file in WAL mode', async () => {
    const store = await openSqliteStore({ path });
    await store.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses to update or delete a stored statement or ledger entry, even through raw SQL', async () => {
    const store = await openSqliteStore({ path });
    const statement = makeStatement({ urn: freshUrn() });
    await store.append(statement);
    await store.appendLedger('raw-sql', { n: 1 });
    await store.close();
    const db = new Database(path);
    const attempts = [
      () => db.prepare("UPDATE statements SET body = '{}' WHERE id = ?").run(statement.id),
      () => db.prepare('DELETE FROM statements WHERE id = ?').run(statement.id),
      () => db.prepare("UPDATE ledger_entries SET entry = '{}' WHERE ledger = 'raw-sql'").run(),
      () => db.prepare("DELETE FROM ledger_entries WHERE ledger = 'raw-sql'").run(),
    ];
    for (const attempt of attempts) expect(attempt).toThrow(/append-only/);
    db.close();
  });
});
