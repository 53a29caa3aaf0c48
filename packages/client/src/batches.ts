import type { ContractCalls } from './calls.js';
import { ReusePrefProblemError } from './errors.js';
import type { BatchProblem, BatchResult, RecordOutcome, Statement } from './types.js';

export interface UploadOptions {
  /** Records per batch; keep within the server's `limits.maxBatchRecords`. */
  batchSize?: number;
  /** Bytes per batch; keep within the server's `limits.maxBatchBytes`. */
  maxBatchBytes?: number;
  signal?: AbortSignal;
}

export interface UploadedRecord {
  /** 0-based position of the statement in the input stream. */
  index: number;
  statement: Statement;
  batchId: string;
  /** Whether this record's batch was stored; false means nothing of that batch was stored. */
  committed: boolean;
  outcome: RecordOutcome;
}

const encoder = new TextEncoder();

/**
 * Sends statements to the intake as NDJSON batches and yields every record's outcome in input order.
 * Each batch has its own Idempotency-Key, so a retry after a lost response never stores it twice. A
 * rejected batch (422) yields its outcomes with `committed: false` and the upload goes on with the next.
 */
export async function* uploadStatements(
  client: ContractCalls,
  statements: Iterable<Statement> | AsyncIterable<Statement>,
  options: UploadOptions = {},
): AsyncGenerator<UploadedRecord, void, undefined> {
  const batchSize = options.batchSize ?? 500;
  const maxBytes = options.maxBatchBytes ?? 5 * 1024 * 1024;
  let batch: { statement: Statement; line: string }[] = [];
  let bytes = 0;
  let firstIndex = 0;

  async function* flush(): AsyncGenerator<UploadedRecord> {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    bytes = 0;
    const result = await send(client, sent.map((r) => r.line).join(''), options.signal);
    for (const outcome of result.outcomes) {
      const record = sent[outcome.line - 1];
      if (!record) continue;
      yield {
        index: firstIndex + outcome.line - 1,
        statement: record.statement,
        batchId: result.batchId,
        committed: result.committed,
        outcome,
      };
    }
    firstIndex += sent.length;
  }

  for await (const statement of statements) {
    const line = `${JSON.stringify(statement)}\n`;
    const size = encoder.encode(line).byteLength;
    if (batch.length > 0 && (batch.length >= batchSize || bytes + size > maxBytes)) yield* flush();
    batch.push({ statement, line });
    bytes += size;
  }
  yield* flush();
}

async function send(client: ContractCalls, ndjson: string, signal?: AbortSignal): Promise<BatchResult> {
  try {
    const { data } = await client.post('/intake/batches', {
      header: { 'Idempotency-Key': crypto.randomUUID() },
      body: ndjson,
      signal,
    });
    return data;
  } catch (error) {
    if (error instanceof ReusePrefProblemError && error.status === 422 && 'batch' in error.problem) {
      return (error.problem as BatchProblem).batch;
    }
    throw error;
  }
}
