// The ingest worker's entry (built to dist/ingest-worker.js): parses and validates NDJSON batch bodies
// off the event loop, and verifies signature chains when the intake's policy asks. See ingest-workers.ts
// for why, and docs/decisions/0015, 0038 and 0047.
import { parentPort, workerData } from 'node:worker_threads';
import type { Statement } from '@reuse-pref/schema';
import { createValidator } from '@reuse-pref/validator';
import { ProblemError } from '../../../http/problem.js';
import { BatchBoard } from './batch-board.js';
import type {
  IngestJob,
  IngestReply,
  IngestWorkerData,
  VerdictChannel,
  VerdictReply,
  VerdictRun,
  VerificationSharing,
  WorkerSignatures,
} from './messages.js';
import { type BatchLine, readBatch, recordTexts } from './read-batch.js';
import { verifyClaimed, verifyLines } from './verify-lines.js';

const { verdictPort, verdictSignal, gone, ...validatorOptions } = workerData as IngestWorkerData &
  VerdictChannel;
const signal = new Int32Array(verdictSignal);
const port = parentPort!;

/** Wakes a thread blocked waiting for verdicts (PendingVerdicts.wait). */
function bump(): void {
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

// A thread that exits (process.exit, an uncaught error) says so where a blocked event loop can see it:
// the verdicts it owed will not come, and the batch waiting for them fails at once.
process.on('exit', () => {
  Atomics.store(new Int32Array(gone), 0, 1);
  bump();
});

function failure(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Posts verdicts, then bumps and notifies the counter a blocked event loop may be waiting on. */
function sendVerdicts(reply: VerdictReply): void {
  verdictPort.postMessage(reply);
  bump();
}

port.on('message', (job: IngestJob) => {
  const statements: (Statement | undefined)[] = [];
  const { sharing, signatures } = job;
  const own = sharing?.parts[sharing.index];
  let lines: BatchLine[];
  try {
    // Made per job, as the event loop makes one per request: "in the future" rules use the request time.
    const validator = createValidator({ now: job.now, ...validatorOptions });
    lines = readBatch(own ? job.body.slice(own.start, own.end) : job.body, {
      validator,
      limits: job.limits,
      principal: job.principal,
      ...(own ? { part: { linesBefore: own.linesBefore } } : job.part ? { part: job.part } : {}),
      ...(signatures ? { keep: statements } : {}),
    });
  } catch (error) {
    port.postMessage(
      error instanceof ProblemError
        ? { id: job.id, problem: { type: error.type, extras: error.extras } }
        : { id: job.id, failure: failure(error) },
    );
    return;
  }
  const board = sharing ? new BatchBoard(sharing.board, sharing.parts) : undefined;
  // Published before the lines are answered: from now on the batch's other workers may claim them.
  board?.publish(sharing!.index, lines.length, (i) => statements[i] !== undefined);
  // The lines go first: the event loop starts writing them while this thread verifies their chains.
  port.postMessage({ id: job.id, lines } satisfies IngestReply);
  if (!signatures) return;
  if (board) {
    verifyShared(job.body, sharing!, board, statements, signatures).catch((error: unknown) =>
      sendVerdicts({ id: job.id, failure: failure(error) }),
    );
    return;
  }
  verifyLines(statements, lines.length, signatures).then(
    (verdicts) => sendVerdicts({ id: job.id, lines: lines.length, runs: [{ from: 0, verdicts }] }),
    (error: unknown) => sendVerdicts({ id: job.id, failure: failure(error) }),
  );
});

/**
 * This worker's share of a batch's verification: the lines of its own part it claims, sent as soon as
 * its part has none left, then the lines still unclaimed in each other part already read, parsed again
 * from the batch text (the part's reader marked which are valid records) and sent per part. A part whose
 * reader has not read it yet is left to that reader.
 */
async function verifyShared(
  body: string,
  sharing: VerificationSharing,
  board: BatchBoard,
  statements: readonly (Statement | undefined)[],
  signatures: WorkerSignatures,
): Promise<void> {
  const { index, parts } = sharing;
  const ownRuns = await verifyClaimed(board, index, (i) => statements[i]!, signatures);
  sendVerdicts({ id: parts[index]!.id, lines: board.read(index), runs: ownRuns });
  for (let k = 1; k < parts.length; k++) {
    const q = (index + k) % parts.length;
    const part = parts[q]!;
    let texts: string[] | undefined;
    let runs: VerdictRun[];
    try {
      runs = await verifyClaimed(
        board,
        q,
        (i) => {
          texts ??= recordTexts(body.slice(part.start, part.end));
          return JSON.parse(texts[i]!) as Statement;
        },
        signatures,
      );
    } catch (error) {
      // That part's lines this worker claimed get no verdict: its batch fails, not only this part.
      sendVerdicts({ id: part.id, failure: failure(error) });
      continue;
    }
    if (runs.length > 0) sendVerdicts({ id: part.id, lines: board.read(q), runs });
  }
}
