/**
 * The problem types of the contract (RFC 9457): one list, read by the server that emits them and by the
 * client that tells them apart. The `type` URI is PROBLEM_BASE + slug, so code switches on a stable slug,
 * never on a title (titles are for people and may be reworded).
 */
export const PROBLEM_BASE = 'https://reuse-pref.org/problems/';

/** Each slug with the status it is always sent with and its title. */
export const ProblemTypes = {
  'invalid-json': { status: 400, title: 'The body is not valid JSON' },
  'invalid-utf8': { status: 400, title: 'The body is not valid UTF-8' },
  'nul-character': { status: 400, title: 'The body contains a NUL character' },
  'forbidden-key': { status: 400, title: 'The body contains a forbidden property name' },
  'too-deep': { status: 400, title: 'The body is nested too deeply' },
  'too-many-fields': { status: 400, title: 'The body has too many fields' },
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
  'log-inconsistent': {
    status: 503,
    title: 'The transparency log is not consistent with the last tree head this server signed',
  },
  unhealthy: { status: 503, title: 'Service unhealthy' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A problem type's slug, e.g. `validation-failed`. */
export type ProblemType = keyof typeof ProblemTypes;

/** The status a problem type is always sent with, e.g. 422 for `validation-failed`. */
export type ProblemStatus<T extends ProblemType> = (typeof ProblemTypes)[T]['status'];

/** The problem types sent with `status`, e.g. `forbidden | school-not-in-scope` for 403. */
export type ProblemTypesWithStatus<S extends number> = {
  [T in ProblemType]: ProblemStatus<T> extends S ? T : never;
}[ProblemType];

/** The `type` URI of a problem type. */
export const problemTypeUri = <T extends ProblemType>(type: T): `${typeof PROBLEM_BASE}${T}` =>
  `${PROBLEM_BASE}${type}`;

/**
 * The slug of a problem `type` URI this contract defines, or undefined for any other URI (a proxy's
 * `about:blank`, another API's type), so a caller never mistakes a stranger's problem for one of ours.
 */
export function problemTypeOf(uri: string): ProblemType | undefined {
  if (!uri.startsWith(PROBLEM_BASE)) return undefined;
  const slug = uri.slice(PROBLEM_BASE.length);
  return Object.hasOwn(ProblemTypes, slug) ? (slug as ProblemType) : undefined;
}
