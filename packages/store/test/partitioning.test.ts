import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/postgres/index.js';
import { build, draftArb, expectIndexEqualsResolver, freshWorld, membersOf } from './contract/preferences.js';
import { createTestDatabase, type TestDatabase } from './postgres/cluster.js';

// docs/guides/national-scale.md: the index tables partition by subject with PostgreSQL's declarative
// hash partitioning, and the store runs on them unchanged. The operator's script is the one tested here.
const script = readFileSync(join(import.meta.dirname, '../sql/partition-index-by-subject.sql'), 'utf8');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database?.drop();
});

describe('the preferences index partitioned by subject (declarative hash partitioning)', () => {
  it('keeps answering as the resolver does, and each lookup reads one partition', async () => {
    const store = await openPostgresStore({ connectionString: database.url });
    const before = freshWorld(4);
    const early = fc.sample(draftArb, { numRuns: 20, seed: 3 }).map((d) => build(before, d));
    await store.statements.bulkInsert(early);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query(`BEGIN; ${script} COMMIT;`);
      const { rows } = await admin.query<{ relname: string }>(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname IN ('subject_keys', 'subject_preferences')",
      );
      expect(rows).toHaveLength(32);
      // What was indexed before moved over; what is appended now lands in the partitions.
      await expectIndexEqualsResolver(store, early, membersOf(before));
      const after = freshWorld(4);
      const later = fc.sample(draftArb, { numRuns: 30, seed: 4 }).map((d) => build(after, d));
      for (const chunk of [later.slice(0, 10), later.slice(10)]) {
        await store.statements.appendBatch(chunk.map((statement) => ({ statement })));
      }
      await expectIndexEqualsResolver(store, later, membersOf(after));
      expect((await store.preferences.reindex()).statements).toBe(early.length + later.length);
      await expectIndexEqualsResolver(store, later, membersOf(after));
      // A key lookup and a subject lookup each prune to a single partition.
      for (const sql of [
        "EXPLAIN SELECT subject FROM subject_keys WHERE key = 'upn:A000000000001'",
        'EXPLAIN SELECT * FROM subject_preferences WHERE subject = 42',
      ]) {
        const plan = (await admin.query<{ 'QUERY PLAN': string }>(sql)).rows
          .map((r) => r['QUERY PLAN'])
          .join('\n');
        const scanned = new Set([...plan.matchAll(/ on (\w+_p\d+)/g)].map((m) => m[1]));
        expect(scanned.size, plan).toBe(1);
      }
    } finally {
      await admin.end();
      await store.close();
    }
  }, 120_000);
});
