import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withIdempotency } from '../../src/http/idempotency.js';
import { ProblemError } from '../../src/http/problem.js';
import type { ServerResponse } from '../../src/http/types.js';

// The bug this guards against: a client times out and retries with the same key while its first request
// is still running. The retry used to run too; answering first (say 412, the ETag having moved under it),
// its answer was stored and replayed to both callers, though the first request's write had been stored.
let store: Awaited<ReturnType<typeof openSqliteStore>>;
beforeAll(async () => {
  store = await openSqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'rp-claims-')), 'store.db') });
});
afterAll(() => store.close());

const created: ServerResponse = { status: 201, headers: {}, body: JSON.stringify({ statementId: 'a' }) };

/** An execute whose answer the test releases when it chooses. */
function held(response: ServerResponse) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let runs = 0;
  return {
    execute: async () => {
      runs++;
      await gate;
      return response;
    },
    release: () => release(),
    runs: () => runs,
  };
}

describe('withIdempotency while the first request with a key is running', () => {
  it('answers a retry 409 idempotency-key-in-use with Retry-After, and never runs it', async () => {
    const first = held(created);
    const running = withIdempotency(store, 'client', 'slow', 'h', first.execute);
    const retry = held({ status: 412, headers: {}, body: '{}' });
    const error = await withIdempotency(store, 'client', 'slow', 'h', retry.execute).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).type).toBe('idempotency-key-in-use');
    expect((error as ProblemError).response.headers?.['retry-after']).toBe('1');
    expect(retry.runs()).toBe(0);
    first.release();
    expect((await running).status).toBe(201);
    const replay = await withIdempotency(store, 'client', 'slow', 'h', retry.execute);
    expect(replay.status).toBe(201);
    expect(replay.headers?.['idempotent-replayed']).toBe('true');
    expect(retry.runs()).toBe(0);
  });

  it.each([
    {
      name: 'a 5xx',
      outcome: async (): Promise<ServerResponse> => ({ status: 503, headers: {}, body: '{}' }),
    },
    {
      name: 'a thrown error',
      outcome: async (): Promise<ServerResponse> => {
        throw new Error('store down');
      },
    },
  ])('frees the key after $name, so the retry runs', async ({ name, outcome }) => {
    const key = `free-${name}`;
    await withIdempotency(store, 'client', key, 'h', outcome).catch(() => undefined);
    const again = await withIdempotency(store, 'client', key, 'h', async () => created);
    expect(again.status).toBe(201);
    expect(again.headers?.['idempotent-replayed']).toBeUndefined();
  });
});
