import type { ContractCalls } from './calls.js';
import { ReusePrefProblemError } from './errors.js';
import type { BatchProblem, BatchResult, RecordOutcome, Statement } from './types.js';

export interface UploadOptions {
  /** Records per batch; keep within the server's `limits.maxBatchRecords`. */
  batchSize?: number;
  /** Bytes per batch; keep within the server's `limits.maxBatchBytes`. */
  maxBatchBytes?: number;
  /**
   * The Idempotency-Key for a batch, from its NDJSON body and its number (0-based) in this upload.
   * Default: a fresh UUID per batch, kept across the automatic retries of that batch. Give a key that is
   * the same when the same batch is sent again (say a hash of an upload id and the body) to make a whole
   * rerun safe: a batch whose response was lost is answered from the intake's stored response.
   */
  idempotencyKey?: (batch: { body: string; number: number }) => string;
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
  /** 0-based number of the batch in this upload. */
  batchNumber: number;
  /** The last record yielded for its batch: everything before it in the stream has an answer. */
  lastInBatch: boolean;
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
  let batchNumber = 0;

  async function* flush(): AsyncGenerator<UploadedRecord> {
    if (batch.length === 0) return;
    const sent = batch;
    batch = [];
    bytes = 0;
    const body = sent.map((r) => r.line).join('');
    const key = options.idempotencyKey?.({ body, number: batchNumber }) ?? crypto.randomUUID();
    const result = await send(client, body, key, options.signal);
    const answered = result.outcomes.filter((outcome) => sent[outcome.line - 1] !== undefined);
    for (const [i, outcome] of answered.entries()) {
      yield {
        index: firstIndex + outcome.line - 1,
        statement: sent[outcome.line - 1]!.statement,
        batchId: result.batchId,
        committed: result.committed,
        outcome,
        batchNumber,
        lastInBatch: i === answered.length - 1,
      };
    }
    firstIndex += sent.length;
    batchNumber++;
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

async function send(
  client: ContractCalls,
  ndjson: string,
  key: string,
  signal?: AbortSignal,
): Promise<BatchResult> {
  try {
    const { data } = await client.post('/intake/batches', {
      header: { 'Idempotency-Key': key },
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
