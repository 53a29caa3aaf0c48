import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementStore } from '../src/index.js';
import { openPostgresStore } from '../src/postgres/index.js';
import { openSqliteStore } from '../src/sqlite/index.js';
import { BATCH_SIZE } from './crash/batch-size.js';
import { bundleWriter, type CrashRun, crashOnce, storedBatches } from './crash/run-crash-runs.js';
import { createTestDatabase, type TestDatabase } from './postgres/cluster.js';

const RUNS = 24;
// Runs overlap, four writers at a time on the same database, to keep the suite short on a busy machine;
// overlapping writers also exercise recovery while another process is mid-transaction.
const PARALLEL = 4;

async function crashMany(kind: string, target: string): Promise<CrashRun[]> {
  const runs: CrashRun[] = [];
  for (let started = 0; started < RUNS; started += PARALLEL) {
    const wave = Array.from({ length: Math.min(PARALLEL, RUNS - started) }, () =>
      crashOnce(writer, kind, target, 250),
    );
    runs.push(...(await Promise.all(wave)));
  }
  return runs;
}

let writer: string;
beforeAll(async () => {
  writer = await bundleWriter();
}, 60_000);
afterAll(() => {
  if (writer) rmSync(writer, { force: true });
});

/** Every acknowledged batch is whole, and every batch present is whole: none is partly stored. */
async function expectNoLossAndNoPartialBatch(
  store: StatementStore,
  runs: readonly CrashRun[],
): Promise<number> {
  let acknowledged = 0;
  for (const run of runs) {
    const stored = await storedBatches(store, run.urn);
    for (const [batch, count] of stored) {
      expect({ urn: run.urn, batch, count }).toEqual({ urn: run.urn, batch, count: BATCH_SIZE });
    }
    for (const batch of run.acknowledged) {
      expect({ urn: run.urn, batch, present: stored.has(batch) }).toEqual({
        urn: run.urn,
        batch,
        present: true,
      });
    }
    // The writer is sequential, so at most the one batch in flight at the kill may be stored unacknowledged.
    expect(stored.size - run.acknowledged.length).toBeGreaterThanOrEqual(0);
    expect(stored.size - run.acknowledged.length).toBeLessThanOrEqual(1);
    acknowledged += run.acknowledged.length;
  }
  return acknowledged;
}

describe('kill -9 during bulk appends: sqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rp-store-crash-'));
  const path = join(dir, 'crash.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`loses no acknowledged batch and shows no partial batch over ${RUNS} kills`, async () => {
    // One file through every run, so each start also recovers the WAL an earlier kill left.
    const runs = await crashMany('sqlite', path);
    const store = await openSqliteStore({ path });
    try {
      expect(await expectNoLossAndNoPartialBatch(store, runs)).toBeGreaterThanOrEqual(RUNS);
    } finally {
      await store.close();
    }
  }, 180_000);
});

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
