import { ProblemError } from '../http/problem.js';
import type { ContractQuery } from '../operation.js';

/**
 * Paging over an append-only ledger: the cursor is the position to read from, base64url so clients treat
 * it as opaque. Positions never move, so a cursor never expires.
 */
export function readIndexPage(
  query: ContractQuery<'cursor' | 'limit'>,
  maxPageSize: number,
): { from: number; limit: number } {
  const cursor = query.get('cursor');
  let from = 0;
  if (cursor !== null) {
    const decoded = /^[A-Za-z0-9_-]{1,512}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
    if (!/^i[0-9]{1,15}$/.test(decoded)) {
      throw new ProblemError('bad-request', { detail: 'cursor is not one this server issued' });
    }
    from = Number(decoded.slice(1));
  }
  const rawLimit = query.get('limit');
  let limit = Math.min(100, maxPageSize);
  if (rawLimit !== null) {
    limit = /^[0-9]{1,6}$/.test(rawLimit) ? Number(rawLimit) : Number.NaN;
    if (!(limit >= 1 && limit <= maxPageSize)) {
      throw new ProblemError('bad-request', { detail: `limit must be an integer from 1 to ${maxPageSize}.` });
    }
  }
  return { from, limit };
}

/** The cursor that resumes reading at `position`. */
export const indexCursor = (position: number): string => Buffer.from(`i${position}`).toString('base64url');

/** The cursor of the next page, or null when this page was short (the end as of now). */
export function nextIndexCursor(from: number, read: number, limit: number): string | null {
  return read < limit ? null : indexCursor(from + read);
}
