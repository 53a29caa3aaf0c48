import type { KeySnapshot } from '@reuse-pref/provenance';
import type { ValidatorOptions } from '@reuse-pref/validator';
import type { Principal } from '../../../auth/principal.js';
import type { ProblemExtras, ProblemType } from '../../../http/problem.js';
import type { RecordLimits } from '../../../limits.js';
import type { BatchLine } from './read-batch.js';

/** Fixed for a worker's life: the validator options that do not change per request. */
export type IngestWorkerData = Pick<ValidatorOptions, 'competenceAge' | 'censusDate'>;

/** One batch body to read; `now` is the request's clock as an ISO string. */
export interface IngestJob {
  id: number;
  body: string;
  now: string;
  principal: Principal;
  limits: RecordLimits;
  /** One part of a batch body: the lines before it (see ReadBatchContext.part). */
  part?: { linesBefore: number };
  /** Verify each valid record's signature chain too (signature policy verify or require-signature). */
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
