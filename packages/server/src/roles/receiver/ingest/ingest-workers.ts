import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Principal } from '../../../auth/principal.js';
import { ProblemError } from '../../../http/problem.js';
import { type RecordLimits, recordLimits } from '../../../limits.js';
import { applyVerdicts } from '../batch-signatures.js';
import { BatchBoard } from './batch-board.js';
import type {
  IngestJob,
  IngestReply,
  IngestWorkerData,
  LineVerdict,
  SharedPart,
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
  readonly #partBytes: number;
  /** Bumped by every worker after it posts verdicts (or exits): what a blocked wait sleeps on. */
  readonly #signal = new SharedArrayBuffer(4);
  /** Jobs whose verdicts are not all in yet, by job id: any worker of the job's batch may send some. */
  readonly #awaited = new Map<number, AwaitedVerdicts>();
  #nextId = 1;
  #closed = false;

  constructor(
    threads: number,
    data: IngestWorkerData,
    script: URL = defaultWorkerScript(),
    /** `partBytes`: the least size of each part of a body shared among workers (PART_BYTES). */
    options: { partBytes?: number } = {},
  ) {
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError('ingestThreads must be a whole number of at least 1');
    }
    this.#data = data;
    this.#script = script;
    this.#partBytes = options.partBytes ?? PART_BYTES;
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
   * `verdicts` gives their findings per line when they are done (docs/decisions/0038). A body read in
   * parts is verified by all its workers together, whichever finishes its own part first taking lines
   * of the others (docs/decisions/0047).
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
    const parts = splitAtLines(body, Math.min(this.#slots.length, Math.ceil(body.length / this.#partBytes)));
    const ids = parts.map(() => this.#nextId++);
    // With signatures and several parts, every worker gets the whole body (one more copy of it per
    // worker, a fraction of a millisecond) and the claim board; otherwise each its own part, as before.
    const sharing = signatures && parts.length > 1 ? sharedParts(parts, ids) : undefined;
    const board = sharing ? BatchBoard.create(sharing) : undefined;
    // Every worker of the batch may send verdicts on any of its parts: a death among them fails them all.
    const group: Slot[] = [];
    const posted = parts.map((part, index) => {
      const id = ids[index]!;
      if (sharing)
        return this.#post(id, { ...job, body, sharing: { board: board!, index, parts: sharing } }, group);
      if (parts.length === 1) return this.#post(id, { ...job, body }, group);
      return this.#post(id, { ...job, body: part.text, part: { linesBefore: part.linesBefore } }, group);
    });
    const verdicts = signatures
      ? new PendingVerdicts(
          posted.map((p) => p.verdicts!),
          new Int32Array(this.#signal),
          (slot, reply) => this.#deliver(slot, reply),
        )
      : undefined;
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

  /**
   * One job to the least busy worker, joining `group` (the workers of its batch); with signatures, a
   * place for its verdicts, made before it is sent.
   */
  #post(
    id: number,
    job: Omit<IngestJob, 'id'>,
    group: Slot[],
  ): { lines: Promise<BatchLine[]>; verdicts?: AwaitedVerdicts } {
    // A worker that has answered a job's lines may still be verifying it.
    const busy = (slot: Slot) => slot.pending.size + slot.owed;
    const slot = this.#slots.reduce((a, b) => (busy(b) < busy(a) ? b : a));
    if (!group.includes(slot)) group.push(slot);
    const verdicts = job.signatures ? this.#await(slot, id, group) : undefined;
    const lines = new Promise<BatchLine[]>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...job, id } satisfies IngestJob);
    });
    return verdicts ? { lines, verdicts } : { lines };
  }

  #await(owner: Slot, id: number, group: readonly Slot[]): AwaitedVerdicts {
    owner.owed++;
    const awaited = new AwaitedVerdicts(id, owner, group, () => {
      owner.owed--;
      this.#awaited.delete(id);
    });
    this.#awaited.set(id, awaited);
    return awaited;
  }

  /** A verdict reply from `slot`'s worker, for whichever job it names (dropped if no one awaits it). */
  #deliver(slot: Slot, reply: VerdictReply): void {
    this.#awaited.get(reply.id)?.take(slot, reply);
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
    const gone = new SharedArrayBuffer(4);
    const workerData: IngestWorkerData & VerdictChannel = {
      ...this.#data,
      verdictPort: channel.port2,
      verdictSignal: this.#signal,
      gone,
    };
    const worker = new Worker(this.#script, { workerData, transferList: [channel.port2], execArgv: [] });
    // An idle pool must not keep a process alive that has nothing else to do.
    worker.unref();
    const slot: Slot = {
      worker,
      pending: new Map(),
      verdictPort: channel.port1,
      gone: new Int32Array(gone),
      owed: 0,
    };
    slot.verdictPort.on('message', (reply: VerdictReply) => this.#deliver(slot, reply));
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
      // Its own jobs' verdicts, and those of every batch it shared: lines it had claimed get none.
      for (const awaited of [...this.#awaited.values()])
        if (awaited.group.includes(slot)) awaited.fail(error);
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
  /** Set by the worker as its thread exits (VerdictChannel.gone). */
  gone: Int32Array;
  /** Jobs of this worker whose verdicts are not all in yet. */
  owed: number;
}

/** The parts of a body shared among workers, as each worker is told them: offsets, ids, line room. */
function sharedParts(
  parts: readonly { text: string; linesBefore: number }[],
  ids: readonly number[],
): SharedPart[] {
  let start = 0;
  return parts.map((part, index) => {
    const next = parts[index + 1];
    const newlines = next ? next.linesBefore - part.linesBefore : countLineEnds(part.text);
    const shared = {
      id: ids[index]!,
      start,
      end: start + part.text.length,
      linesBefore: part.linesBefore,
      maxLines: newlines + 1,
    };
    start = shared.end;
    return shared;
  });
}

/**
 * One job's verdicts, one per line in line order, put together from the runs its batch's workers send
 * (its own worker's, and those of any worker that claimed some of its lines). Complete when every line
 * has exactly one; a second verdict on a line, or a run outside the job, is a bug and fails the job.
 */
class AwaitedVerdicts {
  readonly id: number;
  readonly owner: Slot;
  readonly group: readonly Slot[];
  readonly promise: Promise<LineVerdict[]>;
  value?: LineVerdict[];
  error?: Error;
  /** Lines verified by a worker other than the one that read them (how much was shared). */
  helped = 0;
  #lines?: (LineVerdict | undefined)[];
  #covered = 0;
  readonly #resolve: (verdicts: LineVerdict[]) => void;
  readonly #reject: (error: Error) => void;
  readonly #done: () => void;

  constructor(id: number, owner: Slot, group: readonly Slot[], done: () => void) {
    this.id = id;
    this.owner = owner;
    this.group = group;
    this.#done = done;
    let resolve!: (verdicts: LineVerdict[]) => void;
    let reject!: (error: Error) => void;
    this.promise = new Promise<LineVerdict[]>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    this.#resolve = resolve;
    this.#reject = reject;
    // Verdicts a rejected read never asks for must not count as an unhandled rejection.
    this.promise.catch(() => undefined);
  }

  get settled(): boolean {
    return this.value !== undefined || this.error !== undefined;
  }

  take(from: Slot, reply: VerdictReply): void {
    if (this.settled) return;
    if ('failure' in reply) {
      this.fail(new Error(`ingest worker: ${reply.failure}`));
      return;
    }
    this.#lines ??= new Array(reply.lines);
    const lines = this.#lines;
    if (reply.lines !== lines.length) {
      this.fail(new Error(`ingest worker: job ${this.id} has ${lines.length} lines, not ${reply.lines}`));
      return;
    }
    for (const run of reply.runs) {
      for (const [k, verdict] of run.verdicts.entries()) {
        const i = run.from + k;
        if (i >= lines.length || lines[i] !== undefined) {
          this.fail(new Error(`ingest worker: line ${i} of job ${this.id} given a verdict twice`));
          return;
        }
        lines[i] = verdict;
      }
      this.#covered += run.verdicts.length;
      if (from !== this.owner) this.helped += run.verdicts.length;
    }
    if (this.#covered === lines.length) {
      this.value = lines as LineVerdict[];
      this.#done();
      this.#resolve(this.value);
    }
  }

  fail(error: Error): void {
    if (this.settled) return;
    this.error = error;
    this.#done();
    this.#reject(error);
  }

  /** No one will ask for these verdicts: dropped when they come. */
  drop(): void {
    if (!this.settled) this.#done();
  }
}

/** Longest a blocked wait for verdicts lasts before it gives up (a worker that cannot say it died). */
const WAIT_LIMIT_MS = 120_000;

/** The verdicts on a batch's lines, in line order, from every worker that read a part of it. */
export class PendingVerdicts {
  readonly #parts: AwaitedVerdicts[];
  readonly #signal: Int32Array;
  readonly #deliver: (slot: Slot, reply: VerdictReply) => void;

  constructor(
    parts: AwaitedVerdicts[],
    signal: Int32Array,
    deliver: (slot: Slot, reply: VerdictReply) => void,
  ) {
    this.#parts = parts;
    this.#signal = signal;
    this.#deliver = deliver;
  }

  async settled(): Promise<LineVerdict[]> {
    return (await Promise.all(this.#parts.map((part) => part.promise))).flat();
  }

  /** Lines verified by a worker other than the one that read them, so far (docs/decisions/0047). */
  get helped(): number {
    return this.#parts.reduce((n, part) => n + part.helped, 0);
  }

  /**
   * The verdicts, blocking this thread until every worker has sent them: for a store transaction that
   * cannot await (SQLite). Messages are taken off the batch's workers' ports directly, as the event loop
   * would; a worker of the batch that has exited fails it at once (its claimed lines have no verdict).
   */
  wait(): LineVerdict[] {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (const part of this.#parts) {
      while (!part.settled) {
        const seen = Atomics.load(this.#signal, 0);
        let took = false;
        for (const slot of part.group) {
          for (
            let m = receiveMessageOnPort(slot.verdictPort);
            m;
            m = receiveMessageOnPort(slot.verdictPort)
          ) {
            this.#deliver(slot, m.message as VerdictReply);
            took = true;
          }
        }
        if (took) continue;
        if (part.group.some((slot) => Atomics.load(slot.gone, 0) === 1)) {
          part.fail(new Error('ingest worker exited while its batch was verified'));
          break;
        }
        if (Date.now() > deadline) throw new Error('ingest worker: no signature verdicts within 120 s');
        Atomics.wait(this.#signal, 0, seen, 1000);
      }
      if (part.error) throw part.error;
    }
    return this.#parts.flatMap((part) => part.value!);
  }

  /** Verdicts no one will ask for: dropped when they come. */
  discard(): void {
    for (const part of this.#parts) part.drop();
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
    linesBefore += countLineEnds(text);
    start = end;
  }
  return parts;
}

/** The number of line ends (LF) in `text`. */
function countLineEnds(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}
