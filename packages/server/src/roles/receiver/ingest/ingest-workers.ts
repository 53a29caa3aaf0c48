import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Principal } from '../../../auth/principal.js';
import { ProblemError } from '../../../http/problem.js';
import { type RecordLimits, recordLimits } from '../../../limits.js';
import { applyVerdicts } from '../batch-signatures.js';
import type {
  IngestJob,
  IngestReply,
  IngestWorkerData,
  LineVerdict,
  VerdictChannel,
  VerdictReply,
  WorkerSignatures,
} from './messages.js';
import { type BatchLine, batchEmpty, batchTooLarge } from './read-batch.js';

// A body is shared among the workers only when each part would be at least this large: below it, the
// cost of another message outweighs the parallel reading.
const PART_BYTES = 256 * 1024;

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

  /**
   * Reads a batch body (and, with `signatures`, verifies its chains) on the workers: a large body is
   * cut at line ends into one part per worker, read at once, and joined again in line order. Rejects
   * with ProblemError as readBatch would throw it. The lines come back with the verdicts applied; see
   * readChecking for having them while the verdicts are still coming.
   */
  async read(
    body: string,
    now: Date,
    principal: Principal,
    limits: RecordLimits,
    signatures?: WorkerSignatures,
  ): Promise<BatchLine[]> {
    const read = await this.readChecking(body, now, principal, limits, signatures);
    return read.verdicts ? applyVerdicts(read.lines, await read.verdicts.settled()) : read.lines;
  }

  /**
   * read, answered as soon as the lines are read: with `signatures` the workers go on verifying, and
   * `verdicts` gives their findings per line when they are done (docs/decisions/0038).
   */
  async readChecking(
    body: string,
    now: Date,
    principal: Principal,
    limits: RecordLimits,
    signatures?: WorkerSignatures,
  ): Promise<{ lines: BatchLine[]; verdicts?: PendingVerdicts }> {
    if (this.#closed) throw new Error('ingest workers are closed');
    const job = {
      now: now.toISOString(),
      principal,
      limits: recordLimits(limits),
      ...(signatures ? { signatures } : {}),
    };
    const parts = splitAtLines(body, Math.min(this.#slots.length, Math.ceil(body.length / PART_BYTES)));
    const posted = parts.map((part) =>
      this.#post(
        parts.length === 1
          ? { ...job, body }
          : { ...job, body: part.text, part: { linesBefore: part.linesBefore } },
      ),
    );
    const verdicts = signatures ? new PendingVerdicts(posted.map((p) => p.verdicts!)) : undefined;
    try {
      const lines = (await Promise.all(posted.map((p) => p.lines))).flat();
      if (parts.length > 1) {
        if (lines.length > job.limits.maxBatchRecords) throw batchTooLarge(job.limits);
        if (lines.length === 0) throw batchEmpty();
      }
      return verdicts ? { lines, verdicts } : { lines };
    } catch (error) {
      verdicts?.discard();
      throw error;
    }
  }

  /** One job to the least busy worker; with signatures, a place for its verdicts, made before it is sent. */
  #post(job: Omit<IngestJob, 'id'>): { lines: Promise<BatchLine[]>; verdicts?: AwaitedVerdicts } {
    // A worker that has answered a job's lines may still be verifying it.
    const busy = (slot: Slot) => slot.pending.size + slot.verdicts.size;
    const slot = this.#slots.reduce((a, b) => (busy(b) < busy(a) ? b : a));
    const id = this.#nextId++;
    const verdicts = job.signatures ? awaitVerdicts(slot, id) : undefined;
    const lines = new Promise<BatchLine[]>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...job, id });
    });
    return verdicts ? { lines, verdicts } : { lines };
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
    for (const slot of this.#slots) slot.verdictPort.close();
  }

  #spawn(): Slot {
    // The worker is built JavaScript that imports built packages: none of the parent's loaders or export
    // conditions (a test runner's `--conditions=source` would point it at TypeScript it cannot load).
    const channel = new MessageChannel();
    const verdictSignal = new SharedArrayBuffer(4);
    const workerData: IngestWorkerData & VerdictChannel = {
      ...this.#data,
      verdictPort: channel.port2,
      verdictSignal,
    };
    const worker = new Worker(this.#script, { workerData, transferList: [channel.port2], execArgv: [] });
    // An idle pool must not keep a process alive that has nothing else to do.
    worker.unref();
    const slot: Slot = {
      worker,
      pending: new Map(),
      verdictPort: channel.port1,
      verdictSignal: new Int32Array(verdictSignal),
      verdicts: new Map(),
    };
    slot.verdictPort.on('message', (reply: VerdictReply) => deliverVerdicts(slot, reply));
    slot.verdictPort.unref();
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
      for (const [id] of slot.verdicts) deliverVerdicts(slot, { id, failure: error.message });
      slot.verdictPort.close();
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
  verdictPort: MessagePort;
  verdictSignal: Int32Array;
  /** Jobs whose verdicts have not come yet. */
  verdicts: Map<number, AwaitedVerdicts>;
}

/** One job's verdicts: known (or failed) once its worker has sent them. */
interface AwaitedVerdicts {
  slot: Slot;
  id: number;
  value?: LineVerdict[];
  error?: Error;
  promise: Promise<LineVerdict[]>;
  settle(reply: VerdictReply): void;
}

function awaitVerdicts(slot: Slot, id: number): AwaitedVerdicts {
  let resolve!: (verdicts: LineVerdict[]) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<LineVerdict[]>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // Verdicts a rejected read never asks for must not count as an unhandled rejection.
  promise.catch(() => undefined);
  const awaited: AwaitedVerdicts = {
    slot,
    id,
    promise,
    settle(reply) {
      if ('verdicts' in reply) {
        awaited.value = reply.verdicts;
        resolve(reply.verdicts);
      } else {
        awaited.error = new Error(`ingest worker: ${reply.failure}`);
        reject(awaited.error);
      }
    },
  };
  slot.verdicts.set(id, awaited);
  return awaited;
}

function deliverVerdicts(slot: Slot, reply: VerdictReply): void {
  const awaited = slot.verdicts.get(reply.id);
  if (!awaited) return;
  slot.verdicts.delete(reply.id);
  awaited.settle(reply);
}

/** Longest a blocked wait for verdicts lasts before it gives up (a worker that died cannot say so). */
const WAIT_LIMIT_MS = 120_000;

/** The verdicts on a batch's lines, in line order, from every worker that read a part of it. */
export class PendingVerdicts {
  readonly #parts: AwaitedVerdicts[];

  constructor(parts: AwaitedVerdicts[]) {
    this.#parts = parts;
  }

  async settled(): Promise<LineVerdict[]> {
    return (await Promise.all(this.#parts.map((part) => part.promise))).flat();
  }

  /**
   * The verdicts, blocking this thread until every worker has sent them: for a store transaction that
   * cannot await (SQLite). Messages are taken off each worker's port directly, as the event loop would.
   */
  wait(): LineVerdict[] {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (const part of this.#parts) {
      const { slot } = part;
      while (part.value === undefined && part.error === undefined) {
        const seen = Atomics.load(slot.verdictSignal, 0);
        const message = receiveMessageOnPort(slot.verdictPort);
        if (message) {
          deliverVerdicts(slot, message.message as VerdictReply);
          continue;
        }
        if (Date.now() > deadline) throw new Error('ingest worker: no signature verdicts within 120 s');
        Atomics.wait(slot.verdictSignal, 0, seen, 1000);
      }
      if (part.error) throw part.error;
    }
    return this.#parts.flatMap((part) => part.value!);
  }

  /** Verdicts no one will ask for: dropped when they come. */
  discard(): void {
    for (const part of this.#parts) part.slot.verdicts.delete(part.id);
  }
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

/**
 * `body` cut into at most `count` parts of about equal size, each ending at a line end, with the number
 * of lines before each part (so each record keeps its line number in the batch).
 */
export function splitAtLines(body: string, count: number): { text: string; linesBefore: number }[] {
  if (count <= 1) return [{ text: body, linesBefore: 0 }];
  const parts: { text: string; linesBefore: number }[] = [];
  let start = 0;
  let linesBefore = 0;
  for (let k = 1; k <= count && start < body.length; k++) {
    const target = k === count ? body.length : Math.floor((body.length * k) / count);
    const newline = target >= body.length ? -1 : body.indexOf('\n', Math.max(target, start));
    const end = newline === -1 ? body.length : newline + 1;
    const text = body.slice(start, end);
    parts.push({ text, linesBefore });
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) linesBefore++;
    start = end;
  }
  return parts;
}
