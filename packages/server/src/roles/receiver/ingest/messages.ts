import type { ValidatorOptions } from '@reuse-pref/validator';
import type { Principal } from '../../../auth/principal.js';
import type { ProblemExtras, ProblemType } from '../../../http/problem.js';
import type { Limits } from '../../../limits.js';
import type { BatchLine } from './read-batch.js';

/** Fixed for a worker's life: the validator options that do not change per request. */
export type IngestWorkerData = Pick<ValidatorOptions, 'competenceAge' | 'censusDate'>;

/** One batch body to read; `now` is the request's clock as an ISO string. */
export interface IngestJob {
  id: number;
  body: string;
  now: string;
  principal: Principal;
  limits: Pick<Limits, 'maxBatchRecords' | 'maxDepth'>;
}

export type IngestReply =
  | { id: number; lines: BatchLine[] }
  /** The whole request fails with this problem (too many records, no records). */
  | { id: number; problem: { type: ProblemType; extras: ProblemExtras } }
  /** A bug: the request gets a 500 like any unexpected error on the event loop. */
  | { id: number; failure: string };
