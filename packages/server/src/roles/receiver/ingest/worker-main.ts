// The ingest worker's entry (built to dist/ingest-worker.js): parses and validates NDJSON batch bodies
// off the event loop, and verifies signature chains when the intake's policy asks. See ingest-workers.ts
// for why, and docs/decisions/0015 and 0038.
import { parentPort, workerData } from 'node:worker_threads';
import type { Statement } from '@reuse-pref/schema';
import { createValidator } from '@reuse-pref/validator';
import { ProblemError } from '../../../http/problem.js';
import type { IngestJob, IngestReply, IngestWorkerData, VerdictChannel, VerdictReply } from './messages.js';
import { readBatch } from './read-batch.js';
import { verifyLines } from './verify-lines.js';

const { verdictPort, verdictSignal, ...validatorOptions } = workerData as IngestWorkerData & VerdictChannel;
const signal = new Int32Array(verdictSignal);
const port = parentPort!;

function failure(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Posts verdicts, then bumps and notifies the counter a blocked event loop may be waiting on. */
function sendVerdicts(reply: VerdictReply): void {
  verdictPort.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on('message', (job: IngestJob) => {
  const statements: (Statement | undefined)[] = [];
  let reply: IngestReply;
  try {
    // Made per job, as the event loop makes one per request: "in the future" rules use the request time.
    const validator = createValidator({ now: job.now, ...validatorOptions });
    const lines = readBatch(job.body, {
      validator,
      limits: job.limits,
      principal: job.principal,
      ...(job.part ? { part: job.part } : {}),
      ...(job.signatures ? { keep: statements } : {}),
    });
    reply = { id: job.id, lines };
  } catch (error) {
    port.postMessage(
      error instanceof ProblemError
        ? { id: job.id, problem: { type: error.type, extras: error.extras } }
        : { id: job.id, failure: failure(error) },
    );
    return;
  }
  // The lines go first: the event loop starts writing them while this thread verifies their chains.
  port.postMessage(reply);
  const { signatures } = job;
  if (!signatures) return;
  verifyLines(statements, reply.lines.length, signatures).then(
    (verdicts) => sendVerdicts({ id: job.id, verdicts }),
    (error: unknown) => sendVerdicts({ id: job.id, failure: failure(error) }),
  );
});
