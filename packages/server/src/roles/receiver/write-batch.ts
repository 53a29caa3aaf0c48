import type { BatchResult } from '@reuse-pref/store';
import type { Services } from '../../services.js';
import { applyVerdicts, checkBatchSignatures } from './batch-signatures.js';
import type { PendingVerdicts } from './ingest/ingest-workers.js';
import type { LineVerdict } from './ingest/messages.js';
import type { BatchLine } from './ingest/read-batch.js';

/** A settlement cannot finish inside the transaction: a chain is left to the event loop's key directory. */
const leftToEventLoop = new Error('a signature chain is left to the event loop');

/**
 * Stores a batch read and validated, with the signature policy applied. When the ingest workers are
 * still verifying (`verdicts`) and every record is valid, the store writes the rows while they verify
 * and takes their verdicts inside the same transaction (Statements.appendBatchSettling), so verifying
 * and writing overlap instead of taking turns (docs/decisions/0038); what is stored and answered is the
 * same as when the verdicts are applied first. Returns the lines as finally judged, and the result.
 */
export async function writeBatch(
  services: Services,
  read: BatchLine[],
  verdicts: PendingVerdicts | undefined,
  now: Date,
): Promise<{ lines: BatchLine[]; result: BatchResult }> {
  const { statements } = services.store;
  let applied: BatchLine[] | undefined;
  if (verdicts && statements.appendBatchSettling && read.every((line) => 'prepared' in line.record)) {
    const settle = (found: LineVerdict[]) => {
      applied ??= applyVerdicts(read, found);
      if (applied.some((line) => 'prepared' in line.record && !line.verification)) throw leftToEventLoop;
      return applied.map((line) => line.record);
    };
    try {
      const result = await statements.appendBatchSettling(
        read.map((line) => line.record),
        { wait: () => settle(verdicts.wait()), settled: async () => settle(await verdicts.settled()) },
      );
      if (!applied) throw new Error('the store stored a settling batch without its settlement');
      return { lines: applied, result };
    } catch (error) {
      if (error !== leftToEventLoop) throw error;
    }
  }
  if (verdicts) applied ??= applyVerdicts(read, await verdicts.settled());
  const lines = await checkBatchSignatures(services.signatures, applied ?? read, now);
  return { lines, result: await statements.appendBatch(lines.map((line) => line.record)) };
}
