import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/sqlite/index.js';
import { crashMany, expectNoLossAndNoPartialBatch, RUNS } from './crash/crash-safety.js';

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
