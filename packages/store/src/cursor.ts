import { InvalidRequestError } from './errors.js';
import type { PageRequest } from './ports/statements.js';

// A cursor is the base64url of the store's own insertion sequence number, so it orders records by
// arrival in this store (never by timestamps, which can tie) and survives restarts.
const CURSOR_PATTERN = /^[1-9][0-9]{0,18}$|^0$/;

export function encodeCursor(seq: bigint | number | string): string {
  return Buffer.from(String(seq), 'utf8').toString('base64url');
}

/** The sequence number a cursor stands for; 0 for "from the beginning". */
export function decodeCursor(cursor: string | undefined): bigint {
  if (cursor === undefined) return 0n;
  const text = /^[A-Za-z0-9_-]{1,28}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!CURSOR_PATTERN.test(text) || encodeCursor(text) !== cursor) {
    throw new InvalidRequestError('cursor is not one this store issued');
  }
  return BigInt(text);
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;

export function pageSize(page: PageRequest | undefined): number {
  const limit = page?.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new InvalidRequestError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return limit;
}
