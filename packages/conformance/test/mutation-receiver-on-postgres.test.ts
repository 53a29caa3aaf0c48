import { describe, expect, it } from 'vitest';
import { mutatesWriteBatch } from '../mutation/receiver-on-postgres.js';

// The HTTP judge starts its PostgreSQL receiver blocks only for a run that can mutate write-batch.ts.
describe('the judge’s PostgreSQL receiver blocks, by what a run mutates', () => {
  it('runs them for the whole server module, the receiver role, or the file itself', () => {
    for (const mutate of [
      'packages/server/src/roles/**/*.ts,!packages/server/src/roles/relay/decide-onward-share.ts',
      'packages/server/src/roles/receiver/**/*.ts',
      'packages/server/src/roles/distributor/*.ts, packages/server/src/roles/receiver/write-*.ts',
      'packages/server/src/roles/receiver/write-batch.ts',
      undefined,
    ]) {
      expect(mutatesWriteBatch(mutate), String(mutate)).toBe(true);
    }
  });

  it('leaves them out for the release gate, another role, another receiver file, or an exclusion', () => {
    for (const mutate of [
      'packages/release/src/gate/**/*.ts',
      'packages/server/src/roles/distributor/**/*.ts,packages/server/src/roles/service/*.ts',
      'packages/server/src/roles/receiver/batches.ts',
      '!packages/server/src/roles/receiver/write-batch.ts',
    ]) {
      expect(mutatesWriteBatch(mutate), mutate).toBe(false);
    }
  });
});
