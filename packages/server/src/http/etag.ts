import { ProblemError } from './problem.js';

/**
 * Reads If-Match for an update that requires it. Only a single strong ETag or `*` is accepted: a list
 * would let a client claim several versions at once, and weak ETags cannot guard a write (RFC 9110 13.1.1).
 */
export function requireIfMatch(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw new ProblemError('precondition-required', {
      detail: 'Send If-Match with the ETag from your last read (or * to create).',
    });
  }
  const value = header.trim();
  if (value === '*' || /^"[\x21\x23-\x7e]*"$/.test(value)) return value;
  throw new ProblemError('bad-request', { detail: 'If-Match must be one strong ETag or *.' });
}
