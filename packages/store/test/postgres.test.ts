import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/postgres/index.js';
import { migrate } from '../src/postgres/migrations.js';
import { freshUrn, legacyBatchResult, makeStatement, verifiedOutcome } from './contract/fixtures.js';
import { build, draftArb, expectIndexEqualsResolver, freshWorld, membersOf } from './contract/preferences.js';
import { runStoreContract } from './contract/run-store-contract.js';
import { createTestDatabase, type TestDatabase } from './postgres/cluster.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.drop();
});

runStoreContract(
  'postgres',
  () => openPostgresStore({ connectionString: database.url }),
  () => ({
    kind: 'postgres',
    url: database.url,
  }),
);

describe('postgres store', () => {
  it('refuses to update, delete or truncate stored statements and ledger entries, even through raw SQL', async () => {
    const store = await openPostgresStore({ connectionString: database.url });
    const statement = makeStatement({ urn: freshUrn() });
    await store.statements.append(statement);
    await store.ledgers.append('raw-sql', { n: 1 });
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

  it('never lets the change feed pass a row that commits after a later-numbered one', async () => {
    // A row marked SLOW takes its sequence number, then sleeps inside its transaction; a second append
    // for the same school starts meanwhile. Without the per-school lock the second would commit first
    // with a higher number, a reader would move its cursor past it, and the slow row would never be seen.
    const store = await openPostgresStore({ connectionString: database.url });
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`
      CREATE OR REPLACE FUNCTION test_slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(0.6); RETURN NEW; END $$;
      CREATE OR REPLACE TRIGGER test_slow_insert BEFORE INSERT ON statements
        FOR EACH ROW WHEN (NEW.local_id = 'SLOW') EXECUTE FUNCTION test_slow_insert();`);
    try {
      const urn = freshUrn();
      const slow = makeStatement({ urn, localId: 'SLOW' });
      const fast = makeStatement({ urn });
      const slowWrite = store.statements.append(slow);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const fastWrite = store.statements.append(fast);
      const seen: string[] = [];
      let cursor = (await store.statements.changes(urn)).cursor;
      const deadline = Date.now() + 5000;
      while (seen.length < 2 && Date.now() < deadline) {
        const page = await store.statements.changes(urn, { after: cursor });
        seen.push(...page.items.map((item) => item.statement.id));
        cursor = page.cursor;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await Promise.all([slowWrite, fastWrite]);
      expect(seen).toEqual([slow.id, fast.id]);
    } finally {
      await admin.query('DROP TRIGGER test_slow_insert ON statements');
      await admin.end();
      await store.close();
    }
  });

  it('keeps the preferences index exact when appends for one pupil from many schools run at once', async () => {
    // Two stores (two pools, as two server processes) append batches for six schools concurrently; the
    // batches name a handful of pupils, so subjects are created, touched and merged by racing writers.
    const stores = await Promise.all([0, 1].map(() => openPostgresStore({ connectionString: database.url })));
    try {
      for (let round = 0; round < 6; round++) {
        const world = freshWorld(6);
        const statements = fc
          .sample(draftArb, { numRuns: 36, seed: 1000 + round })
          .map((d) => build(world, d));
        const bySchool = new Map<string, typeof statements>();
        for (const s of statements) bySchool.set(s.setting.urn, [...(bySchool.get(s.setting.urn) ?? []), s]);
        await Promise.all(
          [...bySchool.values()].flatMap((list, i) =>
            [list.slice(0, 3), list.slice(3)].map((chunk, j) =>
              chunk.length === 0
                ? undefined
                : stores[(i + j) % 2]!.statements.appendBatch(chunk.map((statement) => ({ statement }))),
            ),
          ),
        );
        await expectIndexEqualsResolver(stores[0]!, statements, membersOf(world));
      }
      expect((await stores[0]!.preferences.status()).complete).toBe(true);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  }, 180_000);

  it('commits concurrent batches that each span thousands of schools (one lock for all, not one per school)', async () => {
    // Four batches of 6,000 statements, each for a different school: one advisory lock per school would
    // need 24,000 entries in the lock table (64 x 100 slots by default) and fail with "out of shared memory".
    const store = await openPostgresStore({ connectionString: database.url, maxConnections: 4 });
    try {
      const batches = Array.from({ length: 4 }, () =>
        Array.from({ length: 6000 }, () => ({ statement: makeStatement({ urn: freshUrn() }) })),
      );
      const results = await Promise.all(batches.map((batch) => store.statements.appendBatch(batch)));
      expect(results.map((r) => r.counts.stored)).toEqual([6000, 6000, 6000, 6000]);
      expect((await store.preferences.status()).complete).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('reports the index incomplete over statements stored before it existed, until reindex', async () => {
    const old = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: old.url, max: 2 });
    try {
      await migrate(pool, 3);
      const statement = makeStatement({ urn: freshUrn(), upn: 'B801200005001' });
      await pool.query(
        'INSERT INTO statements (id, urn, upn, uln, local_id, body) VALUES ($1, $2, $3, $4, $5, $6)',
        [
          statement.id,
          statement.setting.urn,
          statement.subject.upn,
          null,
          statement.subject.localId,
          JSON.stringify(statement),
        ],
      );
      const store = await openPostgresStore({ pool });
      expect(await store.preferences.status()).toMatchObject({
        complete: false,
        current: false,
        statements: 1,
        indexedStatements: 0,
      });
      // Statements appended now are indexed, but the index still knows it lacks the one before it.
      await store.statements.append(makeStatement({ urn: freshUrn() }));
      expect(await store.preferences.status()).toMatchObject({
        complete: false,
        statements: 2,
        indexedStatements: 1,
      });
      expect(await store.preferences.reindex()).toEqual({ statements: 2, subjects: 2 });
      expect(await store.preferences.status()).toMatchObject({
        complete: true,
        current: true,
        statements: 2,
        indexedStatements: 2,
      });
      const [prefs] = await store.preferences.resolve([{ upn: 'B801200005001' }], '2027-01-01T00:00:00Z');
      expect(prefs!.find((p) => p.purpose === 'RSXT')).toMatchObject({
        shared: false,
        decidedBy: statement.id,
      });
      // Something writing statements without keeping the index (raw SQL, an older library) shows too.
      const raw = makeStatement({ urn: freshUrn() });
      await pool.query('INSERT INTO statements (id, urn, body) VALUES ($1, $2, $3)', [
        raw.id,
        raw.setting.urn,
        JSON.stringify(raw),
      ]);
      expect((await store.preferences.status()).complete).toBe(false);
      await store.close();
    } finally {
      await pool.end();
      await old.drop();
    }
  }, 60_000);

  it('migrates once when several stores open the same new database at the same time', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => openPostgresStore({ connectionString: database.url })),
    );
    await Promise.all(stores.map((store) => store.close()));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM reuse_pref_migrations ORDER BY version',
      );
      // Every version applied exactly once, in order, from 1.
      expect(rows.map((row) => row.version)).toEqual(rows.map((_, i) => i + 1));
      expect(rows.length).toBeGreaterThanOrEqual(2);
    } finally {
      await client.end();
    }
  });

  it('moves batch results an older store kept among idempotency keys into their own table', async () => {
    const old = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: old.url, max: 1 });
    try {
      await migrate(pool, 2);
      const legacy = legacyBatchResult('client-a');
      const { scope, key, requestHash, response } = legacy.row;
      const insert = 'INSERT INTO idempotency (scope, key, request_hash, response) VALUES ($1, $2, $3, $4)';
      await pool.query(insert, [scope, key, requestHash, response]);
      await pool.query(insert, [
        'client-a',
        'kept',
        'hash',
        JSON.stringify({ status: 201, body: { ok: true } }),
      ]);
      // Written some other way than the server did (headers first): read through json instead.
      const other = legacyBatchResult('client-a');
      const otherResult = { ...other.result, outcomes: [] };
      const otherResponse = JSON.stringify({ headers: {}, status: 200, body: otherResult });
      await pool.query(insert, [other.row.scope, other.row.key, other.row.requestHash, otherResponse]);

      const store = await openPostgresStore({ pool });
      expect(await store.batches.get('client-a', legacy.batchId)).toEqual(legacy.result);
      expect(await store.batches.get('client-b', legacy.batchId)).toBeUndefined();
      expect(await store.batches.get('client-a', other.batchId)).toEqual(otherResult);
      expect(await store.idempotency.lookup(scope, key, requestHash)).toEqual({ state: 'new' });
      expect(await store.idempotency.lookup('client-a', 'kept', 'hash')).toMatchObject({
        state: 'replay',
        response: { status: 201, body: { ok: true } },
      });
      const { rows } = await pool.query<{ version: number }>(
        'SELECT MAX(version) AS version FROM reuse_pref_migrations',
      );
      expect(rows[0]!.version).toBe(7);
      await store.close();
    } finally {
      await pool.end();
      await old.drop();
    }
  }, 60_000);

  it('moves a version-4 database to one copy per school, keeping rows and the append-only triggers', async () => {
    const { old, pool, urn, held } = await databaseAtVersion(4);
    try {
      const store = await openPostgresStore({ pool });
      const copy = { ...held, setting: { urn: freshUrn(), laEstab: '8012001' } };
      expect(await store.statements.append(copy)).toMatchObject({ outcome: 'stored' });
      expect((await store.statements.get(held.id, urn))?.statement).toEqual(held);
      expect((await store.statements.get(held.id, copy.setting.urn))?.statement).toEqual(copy);
      await expect(pool.query(`DELETE FROM statements WHERE id = '${held.id}'`)).rejects.toThrow(
        /append-only/,
      );
      await store.close();
    } finally {
      await pool.end();
      await old.drop();
    }
  }, 60_000);

  it('moves a version-5 database to keeping verification outcomes: no outcome for what it held, append-only', async () => {
    const { old, pool, urn, held } = await databaseAtVersion(5);
    try {
      const store = await openPostgresStore({ pool });
      expect(await store.verifications.get(held.id)).toBeUndefined();
      const next = makeStatement({ urn });
      const verification = verifiedOutcome();
      await store.statements.append(next, { verification });
      expect(await store.verifications.get(next.id, urn)).toEqual(verification);
      await expect(pool.query('DELETE FROM statement_verifications')).rejects.toThrow(/append-only/);
      await expect(pool.query("UPDATE statement_verifications SET outcome = 'broken'")).rejects.toThrow(
        /append-only/,
      );
      await store.close();
    } finally {
      await pool.end();
      await old.drop();
    }
  }, 60_000);
});

/** A new database migrated only to `version`, holding one statement written as that version kept it. */
describe('migration 7: ledger names compare as bytes', () => {
  it('moves a database whose ledger names sorted by a language collation to byte order', async () => {
    const { old, pool } = await databaseAtVersion(6);
    try {
      // As a database created with an ICU locale would have it: letters before capitals, é beside e.
      await pool.query('ALTER TABLE ledger_entries ALTER COLUMN ledger TYPE TEXT COLLATE "en-x-icu"');
      const names = ['p#a', 'p#Z', 'p#é', 'p#f', 'p#10', 'p#2'];
      for (const name of names) {
        await pool.query('INSERT INTO ledger_entries (ledger, idx, entry) VALUES ($1, 0, $2)', [name, '"x"']);
      }
      const sorted = async () =>
        (await pool.query<{ ledger: string }>('SELECT ledger FROM ledger_entries ORDER BY ledger')).rows.map(
          (r) => r.ledger,
        );
      expect(await sorted()).not.toEqual([...names].sort());
      const store = await openPostgresStore({ pool });
      // JavaScript's sort compares UTF-16 code units: for these names, the same order as UTF-8 bytes.
      expect(await sorted()).toEqual([...names].sort());
      expect((await store.ledgers.readUnder('p#')).map((e) => e.ledger)).toEqual([...names].sort());
      const { rows } = await pool.query<{ collation: string }>(
        `SELECT c.collname AS collation FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation
          WHERE a.attrelid = 'ledger_entries'::regclass AND a.attname = 'ledger'`,
      );
      expect(rows[0]!.collation).toBe('C');
      await store.close();
    } finally {
      await pool.end();
      await old.drop();
    }
  }, 60_000);
});

async function databaseAtVersion(version: number) {
  const old = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: old.url, max: 1 });
  await migrate(pool, version);
  const urn = freshUrn();
  const held = makeStatement({ urn });
  await pool.query('INSERT INTO statements (id, urn, local_id, body) VALUES ($1, $2, $3, $4)', [
    held.id,
    urn,
    held.subject.localId,
    JSON.stringify(held),
  ]);
  return { old, pool, urn, held };
}
