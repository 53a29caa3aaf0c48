import type { Finding } from '@reuse-pref/schema';
import type { ServerResponse } from './types.js';

/**
 * Problem type slugs the server emits. The type URI is PROBLEM_BASE + slug, so clients can switch on a
 * stable identifier rather than on titles, which are for people.
 */
export const PROBLEM_BASE = 'https://reuse-pref.org/problems/';

export const ProblemTypes = {
  'invalid-json': { status: 400, title: 'The body is not valid JSON' },
  'invalid-utf8': { status: 400, title: 'The body is not valid UTF-8' },
  'nul-character': { status: 400, title: 'The body contains a NUL character' },
  'forbidden-key': { status: 400, title: 'The body contains a forbidden property name' },
  'too-deep': { status: 400, title: 'The body is nested too deeply' },
  'bad-request': { status: 400, title: 'Bad request' },
  'validation-failed': { status: 422, title: 'Statement failed validation' },
  'batch-rejected': { status: 422, title: 'The batch was not stored: at least one record was rejected' },
  'batch-too-large': { status: 413, title: 'Batch too large' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'school-not-in-scope': { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'not-acceptable': { status: 406, title: 'Not acceptable' },
  'statement-id-conflict': { status: 409, title: 'Statement id conflict' },
  'release-conflict': { status: 409, title: 'A release with this DS reference has other content' },
  'cursor-expired': { status: 410, title: 'Cursor expired' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'payload-too-large': { status: 413, title: 'Content too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency key reused' },
  'idempotency-key-in-use': { status: 409, title: 'Idempotency key in use' },
  'precondition-required': { status: 428, title: 'Precondition required' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'internal-error': { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemType = keyof typeof ProblemTypes;

export interface ProblemExtras {
  detail?: string;
  instance?: string;
  errors?: Finding[];
  headers?: Record<string, string>;
  [extension: string]: unknown;
}

/** An RFC 9457 problem+json response; findings go in `errors`, each carrying its rule id. */
export function problem(type: ProblemType, extras: ProblemExtras = {}): ServerResponse {
  const { headers, ...members } = extras;
  const { status, title } = ProblemTypes[type];
  const body = { type: `${PROBLEM_BASE}${type}`, title, status, ...members };
  return {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: JSON.stringify(body),
  };
}

/** Thrown by edge checks deep in a handler; the app turns it into the response it carries. */
export class ProblemError extends Error {
  readonly response: ServerResponse;
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
