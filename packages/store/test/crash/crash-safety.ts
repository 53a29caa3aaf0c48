import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import type { StatementStore } from '../../src/index.js';
import { BATCH_SIZE } from './batch-size.js';
import { bundleWriter, type CrashRun, crashOnce, storedBatches } from './run-crash-runs.js';

export const RUNS = 24;
// Runs overlap, four writers at a time on the same database, to keep the suite short on a busy machine;
// overlapping writers also exercise recovery while another process is mid-transaction.
const PARALLEL = 4;

/** SIGKILLs RUNS writers at random moments, each writing to its own school in the same database. */
export async function crashMany(kind: 'sqlite' | 'postgres', target: string): Promise<CrashRun[]> {
  const writer = await bundleWriter();
  try {
    const runs: CrashRun[] = [];
    for (let started = 0; started < RUNS; started += PARALLEL) {
      const wave = Array.from({ length: Math.min(PARALLEL, RUNS - started) }, () =>
        crashOnce(writer, kind, target, 250),
      );
      runs.push(...(await Promise.all(wave)));
    }
    return runs;
  } finally {
    rmSync(writer, { force: true });
  }
}

/** Every acknowledged batch is whole, and every batch present is whole: none is partly stored. */
export async function expectNoLossAndNoPartialBatch(
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
