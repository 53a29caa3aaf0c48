import { expect, it } from 'vitest';
import { IdempotencyConflictError } from '../../src/index.js';
import { freshUrn } from './fixtures.js';
import { expectPlainData, hostile, type StoreFactory } from './harness.js';

/** Idempotency-Key bookkeeping: claims across connections, stored responses, conflicting reuse. */
export function idempotencyContract(open: StoreFactory): void {
  const response = { status: 201, headers: { location: '/statements/1' }, body: { stored: 1 } };

  it('replays the stored response for the same key and request', async () => {
    const store = await open();
    const scope = `client-${freshUrn()}`;
    expect(await store.idempotency.lookup(scope, 'key-1', 'hash-a')).toEqual({ state: 'new' });
    expect(await store.idempotency.save(scope, 'key-1', 'hash-a', response)).toEqual(response);
    const replay = await store.idempotency.lookup(scope, 'key-1', 'hash-a');
    expect(replay).toMatchObject({ state: 'replay', response });
    // A second save (a concurrent duplicate request) keeps the first response.
    const later = { ...response, body: { stored: 0 } };
    expect(await store.idempotency.save(scope, 'key-1', 'hash-a', later)).toEqual(response);
  });

  it('claims a key once: a second claim waits, the response ends the claim, later claims replay', async () => {
    const [a, b] = [await open(), await open()];
    const scope = `client-${freshUrn()}`;
    expect(await a.idempotency.claim(scope, 'key-c', 'hash-a', 60_000)).toEqual({ state: 'claimed' });
    // Another connection (another server process) sees the claim.
    expect(await b.idempotency.claim(scope, 'key-c', 'hash-a', 60_000)).toEqual({ state: 'in-progress' });
    await expect(b.idempotency.claim(scope, 'key-c', 'hash-b', 60_000)).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    await a.idempotency.save(scope, 'key-c', 'hash-a', response);
    expect(await b.idempotency.claim(scope, 'key-c', 'hash-a', 60_000)).toMatchObject({
      state: 'replay',
      response,
    });
  });

  it('lets exactly one of many racing claims through, across separate connections', async () => {
    const [a, b] = [await open(), await open()];
    const scope = `client-${freshUrn()}`;
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? a : b).idempotency.claim(scope, 'key-r', 'h', 60_000),
      ),
    );
    expect(claims.filter((c) => c.state === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.state === 'in-progress')).toHaveLength(7);
  });

  it('frees a released claim, and takes over a stale one', async () => {
    const store = await open();
    const scope = `client-${freshUrn()}`;
    await store.idempotency.claim(scope, 'key-x', 'hash-a', 60_000);
    await store.idempotency.release(scope, 'key-x');
    expect(await store.idempotency.claim(scope, 'key-x', 'hash-a', 60_000)).toEqual({ state: 'claimed' });
    // The request holding it died: once older than staleAfterMs, the claim goes to the retry.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await store.idempotency.claim(scope, 'key-x', 'hash-a', 60_000)).toEqual({
      state: 'in-progress',
    });
    expect(await store.idempotency.claim(scope, 'key-x', 'hash-a', 10)).toEqual({ state: 'claimed' });
  });

  it('treats the same key with a different request as a conflict', async () => {
    const store = await open();
    const scope = `client-${freshUrn()}`;
    await store.idempotency.save(scope, 'key-1', 'hash-a', response);
    await expect(store.idempotency.lookup(scope, 'key-1', 'hash-b')).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    await expect(store.idempotency.save(scope, 'key-1', 'hash-b', response)).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    expect(await store.idempotency.lookup(`${scope}-other`, 'key-1', 'hash-b')).toEqual({ state: 'new' });
  });

  it('keeps __proto__ keys in a stored response as plain data', async () => {
    const store = await open();
    const scope = `client-${freshUrn()}`;
    await store.idempotency.save(scope, 'k', 'h', { status: 200, body: hostile() });
    const lookup = await store.idempotency.lookup(scope, 'k', 'h');
    expectPlainData((lookup as { response: { body: object } }).response.body);
  });
}
