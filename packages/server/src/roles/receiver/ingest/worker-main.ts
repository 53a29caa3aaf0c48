// The ingest worker's entry (built to dist/ingest-worker.js): parses and validates NDJSON batch bodies
// off the event loop, and verifies signature chains when the intake's policy asks. See ingest-workers.ts
// for why, and docs/decisions/0015.
import { parentPort, workerData } from 'node:worker_threads';
import { createValidator } from '@reuse-pref/validator';
import { ProblemError } from '../../../http/problem.js';
import type { IngestJob, IngestReply, IngestWorkerData } from './messages.js';
import { readBatch } from './read-batch.js';
import { verifyLines } from './verify-lines.js';

const validatorOptions = workerData as IngestWorkerData;
const port = parentPort!;

async function work(job: IngestJob): Promise<IngestReply> {
  // Made per job, as the event loop makes one per request: "in the future" rules use the request time.
  const validator = createValidator({ now: job.now, ...validatorOptions });
  const lines = readBatch(job.body, {
    validator,
    limits: job.limits,
    principal: job.principal,
    ...(job.part ? { part: job.part } : {}),
  });
  return { id: job.id, lines: job.signatures ? await verifyLines(lines, job.signatures) : lines };
}

port.on('message', (job: IngestJob) => {
  work(job).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage(
        error instanceof ProblemError
          ? { id: job.id, problem: { type: error.type, extras: error.extras } }
          : { id: job.id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) },
      ),
  );
});
