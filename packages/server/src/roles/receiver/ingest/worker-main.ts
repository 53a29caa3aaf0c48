// The ingest worker's entry (built to dist/ingest-worker.js): parses and validates NDJSON batch bodies
// off the event loop. See ingest-workers.ts for why, and docs/decisions/0015.
import { parentPort, workerData } from 'node:worker_threads';
import { createValidator } from '@reuse-pref/validator';
import { ProblemError } from '../../../http/problem.js';
import type { IngestJob, IngestReply, IngestWorkerData } from './messages.js';
import { readBatch } from './read-batch.js';

const validatorOptions = workerData as IngestWorkerData;
const port = parentPort!;

port.on('message', (job: IngestJob) => {
  let reply: IngestReply;
  try {
    // Made per job, as the event loop makes one per request: "in the future" rules use the request time.
    const validator = createValidator({ now: job.now, ...validatorOptions });
    reply = {
      id: job.id,
      lines: readBatch(job.body, { validator, limits: job.limits, principal: job.principal }),
    };
  } catch (error) {
    reply =
      error instanceof ProblemError
        ? { id: job.id, problem: { type: error.type, extras: error.extras } }
        : { id: job.id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
