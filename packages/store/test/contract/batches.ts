import { expect, it } from 'vitest';
import { freshUrn } from './fixtures.js';
import { expectPlainData, HARD_TEXTS, hostile, type StoreFactory } from './harness.js';

/** Committed intake batches' results, each kept for the sender that sent the batch. */
export function batchesContract(open: StoreFactory): void {
  const result = (batchId: string) => ({
    batchId,
    committed: true,
    receivedAt: '2026-10-01T09:00:00.000Z',
    counts: { records: 2, stored: 1, duplicate: 1, rejected: 0, notStored: 0 },
    outcomes: [
      { line: 1, statementId: 'a', outcome: 'stored', findings: [] },
      { line: 2, statementId: 'b', outcome: 'duplicate', findings: [] },
    ],
  });

  it('gives a saved result back to its sender, from another connection too', async () => {
    const [writer, reader] = [await open(), await open()];
    const sender = `client-${freshUrn()}`;
    const batchId = `batch-${freshUrn()}`;
    expect(await reader.batches.get(sender, batchId)).toBeUndefined();
    await writer.batches.save(sender, batchId, result(batchId));
    expect(await reader.batches.get(sender, batchId)).toEqual(result(batchId));
  });

  it('keeps each sender apart: another sender asking for the same id gets nothing', async () => {
    const store = await open();
    const batchId = `batch-${freshUrn()}`;
    const [owner, other] = [`client-${freshUrn()}`, `client-${freshUrn()}`];
    await store.batches.save(owner, batchId, result(batchId));
    expect(await store.batches.get(other, batchId)).toBeUndefined();
    await store.batches.save(other, batchId, { ...result(batchId), committed: false });
    expect(await store.batches.get(owner, batchId)).toEqual(result(batchId));
    expect(await store.batches.get(other, batchId)).toMatchObject({ committed: false });
  });

  it('keeps the first result when an id is saved again', async () => {
    const store = await open();
    const sender = `client-${freshUrn()}`;
    const batchId = `batch-${freshUrn()}`;
    await store.batches.save(sender, batchId, result(batchId));
    await store.batches.save(sender, batchId, { ...result(batchId), receivedAt: 'later' });
    expect(await store.batches.get(sender, batchId)).toEqual(result(batchId));
  });

  it('keeps __proto__ keys and hard unicode as plain data', async () => {
    const store = await open();
    const sender = `client-${freshUrn()}`;
    await store.batches.save(sender, 'proto', hostile());
    expectPlainData((await store.batches.get(sender, 'proto')) as object);
    await store.batches.save(sender, 'text', { texts: HARD_TEXTS });
    expect(await store.batches.get(sender, 'text')).toEqual({ texts: HARD_TEXTS });
  });
}
