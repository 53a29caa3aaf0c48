import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { createValidator } from '@reuse-pref/validator';
import { createLocalJWKSet } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/http/problem.js';
import { createReusePreferenceApp } from '../../src/index.js';
import { IngestWorkers } from '../../src/roles/receiver/ingest/ingest-workers.js';
import { ndjson, SCHOOL_A, statement } from '../helpers/statements.js';

const principal = { clientId: 'test', scopes: new Set(['receiver:write']), schools: new Set([SCHOOL_A.urn]) };
const limits = { maxBatchRecords: 3, maxDepth: 16 };
let pools: IngestWorkers[] = [];
const pool = (...args: ConstructorParameters<typeof IngestWorkers>) => {
  const made = new IngestWorkers(...args);
  pools.push(made);
  return made;
};
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => (error instanceof ProblemError ? { type: error.type, extras: error.extras } : error),
  );

describe('IngestWorkers', () => {
  it('reads a batch on a worker: prepared rows for valid lines, findings for bad ones', async () => {
    const good = statement();
    const body = `${ndjson([good])}{"__proto__":{}}\nnot json\n`;
    const lines = await pool(1, { competenceAge: 12 }).read(body, new Date(), principal, limits);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(lines[0]!.record).toEqual({
      prepared: expect.objectContaining({ id: good.id, body: JSON.stringify(good) }),
    });
    expect(
      lines.slice(1).map((l) => ('rejected' in l.record ? l.record.rejected[0]!.rule : 'stored')),
    ).toEqual(['forbidden-key', 'invalid-json']);
  });

  it.each([
    { given: '\n\n', want: { type: 'bad-request', extras: { detail: 'The batch has no records.' } } },
    {
      given: ndjson([statement(), statement(), statement(), statement()]),
      want: {
        type: 'batch-too-large',
        extras: { detail: 'At most 3 records per batch.', maxBatchRecords: 3 },
      },
    },
  ])(
    'fails the whole request with the problem the event loop would give: $want.type',
    async ({ given, want }) => {
      const workers = pool(1, { competenceAge: 12 });
      expect(await problemOf(workers.read(given, new Date(), principal, limits))).toEqual(want);
    },
  );

  it('replaces a worker that dies, failing only the batch it was reading', async () => {
    // A stand-in worker that exits on "die" and answers anything else with no lines.
    const dir = mkdtempSync(join(tmpdir(), 'rp-ingest-worker-'));
    const script = join(dir, 'worker.mjs');
    writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', (job) => job.body === 'die' ? process.exit(3) : parentPort.postMessage({ id: job.id, lines: [] }));`,
    );
    const workers = pool(1, { competenceAge: 12 }, pathToFileURL(script));
    await expect(workers.read('die', new Date(), principal, limits)).rejects.toThrow(/exited with code 3/);
    await expect(workers.read('{}', new Date(), principal, limits)).resolves.toEqual([]);
  });

  it('refuses a thread count that is not a whole number of at least 1', () => {
    expect(() => new IngestWorkers(0, { competenceAge: 12 })).toThrow(RangeError);
  });
});

describe('createReusePreferenceApp with ingestThreads', () => {
  it('refuses a custom validator, which cannot be sent to a thread', async () => {
    const store = await openSqliteStore({
      path: join(mkdtempSync(join(tmpdir(), 'rp-ingest-')), 'store.db'),
    });
    try {
      expect(() =>
        createReusePreferenceApp({
          role: 'receiver',
          store,
          auth: {
            jwks: createLocalJWKSet({ keys: [] }),
            issuer: 'https://issuer.invalid',
            audience: 'https://api.invalid',
          },
          tokenEndpoint: 'https://issuer.invalid/token',
          validator: (now) => createValidator({ now }),
          ingestThreads: 1,
        }),
      ).toThrow('ingestThreads cannot be used with a custom validator');
    } finally {
      await store.close();
    }
  });
});
