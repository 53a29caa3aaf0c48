import { PROBLEM_BASE, type ProblemStatus, type ProblemType, ProblemTypes } from '@reuse-pref/contract';
import type { Finding } from '@reuse-pref/schema';
import type { Sent } from './types.js';

// The problem types are the contract's (@reuse-pref/contract): one list for the server that sends them
// and the client that tells them apart. Re-exported here, where the server's users have always found them.
export { PROBLEM_BASE, type ProblemType, ProblemTypes };

export interface ProblemExtras {
  detail?: string;
  instance?: string;
  errors?: Finding[];
  headers?: Record<string, string>;
  [extension: string]: unknown;
}

/** The body of a problem: RFC 9457's members plus the extras given (less `headers`, which are sent as such). */
export type ProblemBody<X extends ProblemExtras> = { type: string; title: string; status: number } & Omit<
  X,
  'headers'
>;

/** How long a client should wait before trying a 503 again, where the cause names no better interval. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** An RFC 9457 problem+json response; findings go in `errors`, each carrying its rule id. */
export function problem<T extends ProblemType, X extends ProblemExtras = Record<never, never>>(
  type: T,
  extras: X = {} as X,
): Sent<ProblemStatus<T>, 'application/problem+json', ProblemBody<X>> {
  const { headers, ...members } = extras;
  const { status, title } = ProblemTypes[type];
  const body = { type: `${PROBLEM_BASE}${type}`, title, status, ...members };
  return {
    status,
    // Every 503 of the contract declares Retry-After; a problem that names no interval gets the default.
    headers: {
      'content-type': 'application/problem+json',
      ...(status === 503 ? { 'retry-after': String(DEFAULT_RETRY_AFTER_SECONDS) } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

/**
 * Thrown by edge checks deep in a handler (a bad cursor, a missing If-Match, a token without the scope);
 * the app turns it into the response it carries. What a handler returns is typed against the contract;
 * what it throws is not, so thrown problems are kept to the responses every operation shares.
 */
export class ProblemError extends Error {
  readonly response: Sent<number, 'application/problem+json', ProblemBody<ProblemExtras>>;
  constructor(
    readonly type: ProblemType,
    /** Kept so the error can cross from an ingest worker to the event loop and be rebuilt there. */
    readonly extras: ProblemExtras = {},
  ) {
    super(extras.detail ?? ProblemTypes[type].title);
    this.name = 'ProblemError';
    this.response = problem(type, extras);
  }
}
