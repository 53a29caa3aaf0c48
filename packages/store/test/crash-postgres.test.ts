import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/postgres/index.js';
import { crashMany, expectNoLossAndNoPartialBatch, RUNS } from './crash/crash-safety.js';
import { createTestDatabase, type TestDatabase } from './postgres/cluster.js';

describe('kill -9 during bulk appends: postgres', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });

  it(`loses no acknowledged batch and shows no partial batch over ${RUNS} kills`, async () => {
    const runs = await crashMany('postgres', database.url);
    const store = await openPostgresStore({ connectionString: database.url });
    try {
      expect(await expectNoLossAndNoPartialBatch(store, runs)).toBeGreaterThanOrEqual(RUNS);
    } finally {
      await store.close();
    }
  }, 180_000);
});
