import type { BatchResult } from '@reuse-pref/schema';
import type { JsonValue, StatementStore } from '@reuse-pref/store';

// The store has no batch table yet, so a committed batch's result is kept in its idempotency records
// under a reserved scope, keyed by batch id. It is written after the batch commits: a crash in between
// loses only this copy of the receipt (the sender retries with its Idempotency-Key and gets duplicates).
// The scope includes the sending client: a result lists statement ids and findings, which are the
// sender's business only, so another client asking for the same batch id gets 404.
const SCOPE = 'intake-batch-result';
const HASH = 'batch-result';

export async function saveBatchResult(
  store: StatementStore,
  clientId: string,
  batch: BatchResult,
): Promise<void> {
  await store.putIdempotent(`${SCOPE} ${clientId}`, batch.batchId, HASH, {
    status: 200,
    body: batch as unknown as JsonValue,
  });
}

export async function loadBatchResult(
  store: StatementStore,
  clientId: string,
  batchId: string,
): Promise<BatchResult | undefined> {
  const found = await store.getIdempotent(`${SCOPE} ${clientId}`, batchId, HASH);
  return found.state === 'replay' ? (found.response.body as unknown as BatchResult) : undefined;
}
