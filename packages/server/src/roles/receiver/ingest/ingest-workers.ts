import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Principal } from '../../../auth/principal.js';
import { ProblemError } from '../../../http/problem.js';
import type { Limits } from '../../../limits.js';
import type { IngestJob, IngestReply, IngestWorkerData } from './messages.js';
import type { BatchLine } from './read-batch.js';

/**
 * Worker threads that read NDJSON batch bodies (parse, validate, prepare rows) while the event loop
 * writes the previous batch to the store and answers other requests. Parsing and validating cost about as
 * much as the store's insert, so on a machine with a spare core a receiver ingests about twice as fast,
 * and a 5,000-record batch no longer stalls single writes behind it (docs/decisions/0015).
 *
 * Results come back as plain strings (prepared rows and findings), which cross threads cheaply; parsed
 * statement objects would cost more to copy back than to parse again.
 */
export class IngestWorkers {
  readonly #slots: Slot[];
  readonly #data: IngestWorkerData;
  readonly #script: URL;
  #nextId = 1;
  #closed = false;

  constructor(threads: number, data: IngestWorkerData, script: URL = defaultWorkerScript()) {
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError('ingestThreads must be a whole number of at least 1');
    }
    this.#data = data;
    this.#script = script;
    this.#slots = Array.from({ length: threads }, () => this.#spawn());
  }

  /** Reads a batch body on the least busy worker. Rejects with ProblemError as readBatch would throw it. */
  read(
    body: string,
    now: Date,
    principal: Principal,
    limits: Pick<Limits, 'maxBatchRecords' | 'maxDepth'>,
  ): Promise<BatchLine[]> {
    if (this.#closed) return Promise.reject(new Error('ingest workers are closed'));
    const slot = this.#slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const job: IngestJob = {
      id: this.#nextId++,
      body,
      now: now.toISOString(),
      principal,
      limits: { maxBatchRecords: limits.maxBatchRecords, maxDepth: limits.maxDepth },
    };
    return new Promise((resolve, reject) => {
      slot.pending.set(job.id, { resolve, reject });
      slot.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #spawn(): Slot {
    // The worker is built JavaScript that imports built packages: none of the parent's loaders or export
    // conditions (a test runner's `--conditions=source` would point it at TypeScript it cannot load).
    const worker = new Worker(this.#script, { workerData: this.#data, execArgv: [] });
    // An idle pool must not keep a process alive that has nothing else to do.
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: IngestReply) => {
      const job = slot.pending.get(reply.id);
      if (!job) return;
      slot.pending.delete(reply.id);
      if ('lines' in reply) job.resolve(reply.lines);
      else if ('problem' in reply) job.reject(new ProblemError(reply.problem.type, reply.problem.extras));
      else job.reject(new Error(`ingest worker: ${reply.failure}`));
    });
    const fail = (error: Error) => {
      for (const job of slot.pending.values()) job.reject(error);
      slot.pending.clear();
      // A worker that died (out of memory, a native crash) is replaced so later batches still run.
      if (!this.#closed) {
        const index = this.#slots.indexOf(slot);
        if (index !== -1) this.#slots[index] = this.#spawn();
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.#closed) fail(new Error(`ingest worker exited with code ${code}`));
    });
    return slot;
  }
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (lines: BatchLine[]) => void; reject: (error: Error) => void }>;
}

/**
 * The built worker next to the built package. Run from source (tests, tsx), this module sits in src/ and
 * the worker is taken from dist/, so `pnpm build` must have run: a worker thread cannot load TypeScript.
 */
export function defaultWorkerScript(): URL {
  const here = import.meta.url;
  const script = here.endsWith('.ts')
    ? new URL('../../../../dist/ingest-worker.js', here)
    : new URL('./ingest-worker.js', here);
  if (!existsSync(fileURLToPath(script))) {
    throw new Error(
      `ingest worker script ${fileURLToPath(script)} is missing: build @reuse-pref/server first`,
    );
  }
  return script;
}
