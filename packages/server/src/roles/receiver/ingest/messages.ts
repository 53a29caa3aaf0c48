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
 * read synchronously (receiveMessageOnPort), and a counter the worker bumps and notifies after each
 * message, so a thread blocked in a store transaction can wait for them with Atomics.wait.
 */
export interface VerdictChannel {
  verdictPort: MessagePort;
  verdictSignal: SharedArrayBuffer;
}

/**
 * A worker's verdict on one line of its job: the signature policy's findings and outcome to record, or
 * null where it has none (an invalid record, or a chain naming a key its snapshot lacks, which the
 * event loop verifies).
 */
export type LineVerdict = SignatureCheck | null;

export type VerdictReply =
  | { id: number; verdicts: LineVerdict[] }
  /** A bug: the request gets a 500 like any unexpected error on the event loop. */
  | { id: number; failure: string };

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
