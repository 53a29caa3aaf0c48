import type { BatchResult } from '@reuse-pref/schema';
import type { JsonValue, StatementStore } from '@reuse-pref/store';

// A committed batch's result is kept in the store's batch table for the sending client. It is written
// after the batch commits: a crash in between loses only this copy of the receipt (the sender retries
// with its Idempotency-Key and gets duplicates). It is kept per client: a result lists statement ids and
// findings, which are the sender's business only, so another client asking for the same batch id gets 404.

export async function saveBatchResult(
  store: Pick<StatementStore, 'batches'>,
  clientId: string,
  batch: BatchResult,
): Promise<void> {
  await store.batches.save(clientId, batch.batchId, batch as unknown as JsonValue);
}

export async function loadBatchResult(
  store: Pick<StatementStore, 'batches'>,
  clientId: string,
  batchId: string,
): Promise<BatchResult | undefined> {
  return (await store.batches.get(clientId, batchId)) as unknown as BatchResult | undefined;
}
