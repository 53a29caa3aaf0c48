import { expect, it } from 'vitest';
import { PreconditionFailedError } from '../../src/index.js';
import { freshUrn } from './fixtures.js';
import { expectPlainData, HARD_TEXTS, hostile, type StoreFactory } from './harness.js';

/** Each school's current state, replaced whole under If-Match (ETags). */
export function schoolStateContract(open: StoreFactory): void {
  it('creates, updates on a matching ETag, and refuses a stale one changing nothing', async () => {
    const store = await open();
    const urn = freshUrn();
    expect(await store.schools.get(urn)).toBeUndefined();
    const created = await store.schools.compareAndSet(urn, null, { census: 'autumn' });
    expect(created).toMatchObject({ urn, version: 1, data: { census: 'autumn' } });
    await expect(store.schools.compareAndSet(urn, null, { census: 'again' })).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
    const updated = await store.schools.compareAndSet(urn, created.etag, { census: 'spring' });
    expect(updated.version).toBe(2);
    expect(updated.etag).not.toBe(created.etag);
    const stale = await store.schools
      .compareAndSet(urn, created.etag, { census: 'lost' })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(PreconditionFailedError);
    expect((stale as PreconditionFailedError).currentEtag).toBe(updated.etag);
    expect(await store.schools.get(urn)).toEqual(updated);
    const anyVersion = await store.schools.compareAndSet(urn, '*', { census: 'summer' });
    expect(anyVersion.version).toBe(3);
  });

  it('refuses * when no state exists, and keeps schools apart', async () => {
    const store = await open();
    const urn = freshUrn();
    await expect(store.schools.compareAndSet(urn, '*', {})).rejects.toBeInstanceOf(PreconditionFailedError);
    expect(await store.schools.get(urn)).toBeUndefined();
    const other = await store.schools.compareAndSet(freshUrn(), null, { x: 1 });
    await expect(store.schools.compareAndSet(urn, other.etag, {})).rejects.toBeInstanceOf(
      PreconditionFailedError,
    );
  });

  it('lets exactly one of several concurrent updates from the same ETag win', async () => {
    const store = await open();
    const urn = freshUrn();
    const start = await store.schools.compareAndSet(urn, null, { n: 0 });
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, n) => store.schools.compareAndSet(urn, start.etag, { n: n + 1 })),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect((await store.schools.get(urn))?.version).toBe(2);
  });

  it('keeps __proto__ keys and hard unicode as plain data', async () => {
    const store = await open();
    const urn = freshUrn();
    const created = await store.schools.compareAndSet(urn, null, hostile());
    expectPlainData(created.data as object);
    expectPlainData((await store.schools.get(urn))!.data as object);
    const other = freshUrn();
    await store.schools.compareAndSet(other, null, { note: HARD_TEXTS.join('|') });
    expect((await store.schools.get(other))?.data).toEqual({ note: HARD_TEXTS.join('|') });
  });
}
