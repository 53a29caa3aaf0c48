import type { MessagePort } from 'node:worker_threads';
import type { KeySnapshot } from '@reuse-pref/provenance';
import type { ValidatorOptions } from '@reuse-pref/validator';
import type { Principal } from '../../../auth/principal.js';
import type { ProblemExtras, ProblemType } from '../../../http/problem.js';
import type { RecordLimits } from '../../../limits.js';
import type { SignatureCheck } from '../signature-policy.js';
import type { BatchLine } from './read-batch.js';

/** Fixed for a worker's life: the validator options that do not change per request. */
export type IngestWorkerData = Pick<ValidatorOptions, 'competenceAge' | 'censusDate'>;

/**
 * Where a worker sends its signature verdicts (after the job's lines): a port the event loop can also
 * read synchronously (receiveMessageOnPort), and a counter every worker of the pool bumps and notifies
 * after each message, so a thread blocked in a store transaction can wait for them with Atomics.wait
 * whichever worker sends them (a batch's verdicts may come from any of its workers, decision 0047).
 * `gone` is this worker's own flag, set as its thread exits (process.exit, an uncaught error) so that a
 * blocked wait can fail the batch at once: the 'exit' event cannot reach a blocked event loop.
 */
export interface VerdictChannel {
  verdictPort: MessagePort;
  verdictSignal: SharedArrayBuffer;
  gone: SharedArrayBuffer;
}

/**
 * A worker's verdict on one line of its job: the signature policy's findings and outcome to record, or
 * null where it has none (an invalid record, or a chain naming a key its snapshot lacks, which the
 * event loop verifies).
 */
export type LineVerdict = SignatureCheck | null;

/** Verdicts on consecutive lines of a job, from line index `from` (0 = the job's first record). */
export interface VerdictRun {
  from: number;
  verdicts: LineVerdict[];
}

export type VerdictReply =
  /**
   * One worker's verdicts on some lines of job `id`, which read `lines` records. A job's verdicts may
   * come in several replies, from its own worker and from the others of its batch that claimed some of
   * its lines; together they give each line exactly one verdict.
   */
  | { id: number; lines: number; runs: VerdictRun[] }
  /** A bug: the request gets a 500 like any unexpected error on the event loop. */
  | { id: number; failure: string };

/**
 * How the workers of one batch share its verification (docs/decisions/0047). The batch is read in parts,
 * one job each; a worker verifies its own part's lines, claiming them a few at a time, and when its part
 * has none left it claims the lines still unclaimed in the other parts, parsing them again from the
 * batch text, so the workers finish together instead of one idling while the other verifies.
 *
 * `board` is laid out by BatchBoard (batch-board.ts): per part, the number of records its reader found
 * (-1 until it has read them), the next line index to claim, and one byte per line: 1 where the line is
 * a valid record whose chain is to be verified.
 */
export interface VerificationSharing {
  board: SharedArrayBuffer;
  /** This job's part, an index into `parts`. */
  index: number;
  /** Every part of the batch: its job id, where it lies in the job's body, the lines before it. */
  parts: SharedPart[];
}

export interface SharedPart {
  id: number;
  start: number;
  end: number;
  linesBefore: number;
  /** Most records the part can hold (its line count): the room its line flags have on the board. */
  maxLines: number;
}

/** One batch body to read; `now` is the request's clock as an ISO string. */
export interface IngestJob {
  id: number;
  body: string;
  now: string;
  principal: Principal;
  limits: RecordLimits;
  /** One part of a batch body: the lines before it (see ReadBatchContext.part). */
  part?: { linesBefore: number };
  /**
   * Verify each valid record's signature chain too (signature policy verify or require-signature): the
   * lines are answered first, the verdicts follow on the worker's VerdictChannel.
   */
  signatures?: WorkerSignatures;
  /**
   * With signatures, a batch read in parts shares its verification: `body` is then the whole batch
   * body (every worker may verify lines of every part) and this job reads only its own part of it.
   */
  sharing?: VerificationSharing;
}

/** What a worker needs to verify chains as the event loop would: the policy's mode and its keys. */
export interface WorkerSignatures {
  mode: 'require-signature' | 'verify';
  keys: KeySnapshot;
  /** The request's clock as an ISO string: the time recorded with each outcome. */
  verifiedAt: string;
}

export type IngestReply =
  | { id: number; lines: BatchLine[] }
  /** The whole request fails with this problem (too many records, no records). */
  | { id: number; problem: { type: ProblemType; extras: ProblemExtras } }
  /** A bug: the request gets a 500 like any unexpected error on the event loop. */
  | { id: number; failure: string };
