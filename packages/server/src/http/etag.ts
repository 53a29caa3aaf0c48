import { ProblemError } from './problem.js';

/**
 * What a change to current state (a pupil's preference set, a school's settings) is conditioned on
 * (RFC 9110 §13.1): an ETag the caller read (`If-Match: "…"`), whatever exists (`If-Match: *`), nothing
 * existing yet (`If-None-Match: *`, to create), or both headers at once, which no state can satisfy
 * (If-Match holds only when something exists, If-None-Match: * only when nothing does).
 */
export type WritePrecondition =
  | { kind: 'etag'; etag: string }
  | { kind: 'exists' }
  | { kind: 'absent' }
  | { kind: 'unsatisfiable' };

const STRONG_ETAG = /^"[\x21\x23-\x7e]*"$/;

/**
 * Reads the precondition of a change. Missing both headers is 428; an If-Match that is not one strong
 * ETag or `*`, or an If-None-Match other than `*`, is 400 (a list would let a client claim several
 * versions at once, and weak ETags cannot guard a write: RFC 9110 §13.1.1).
 */
export function readWritePrecondition(
  headers: Readonly<Record<string, string | undefined>>,
): WritePrecondition {
  const ifMatch = headers['if-match']?.trim() || undefined;
  const ifNoneMatch = headers['if-none-match']?.trim() || undefined;
  if (ifMatch === undefined && ifNoneMatch === undefined) {
    throw new ProblemError('precondition-required', {
      detail: 'Send If-Match with the ETag from your last read, or If-None-Match: * to create the first one.',
    });
  }
  if (ifNoneMatch !== undefined && ifNoneMatch !== '*') {
    throw new ProblemError('bad-request', { detail: 'If-None-Match on a change must be *.' });
  }
  if (ifMatch !== undefined && ifMatch !== '*' && !STRONG_ETAG.test(ifMatch)) {
    throw new ProblemError('bad-request', { detail: 'If-Match must be one strong ETag or *.' });
  }
  if (ifMatch !== undefined && ifNoneMatch !== undefined) return { kind: 'unsatisfiable' };
  if (ifNoneMatch !== undefined) return { kind: 'absent' };
  return ifMatch === '*' ? { kind: 'exists' } : { kind: 'etag', etag: ifMatch! };
}

/**
 * Whether a conditional read may answer 304: If-None-Match holds `*` or, among a comma-separated list,
 * the current ETag (compared weakly, as RFC 9110 §13.1.2 says for GET, so `W/"x"` matches `"x"`).
 */
export function noneMatchHolds(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
