import type { PageRequest } from '@reuse-pref/store';
import { ProblemError } from '../http/problem.js';
import type { ContractQuery } from '../operation.js';

/** `?cursor=&limit=`: the cursor is passed to the store untouched (it is the store's to interpret). */
export function pageQuery(query: ContractQuery<'cursor' | 'limit'>, maxPageSize: number): PageRequest {
  const cursor = query.get('cursor') ?? undefined;
  if (cursor !== undefined && !/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) {
    throw new ProblemError('bad-request', { detail: 'cursor is not one this server issued' });
  }
  const rawLimit = query.get('limit');
  let limit: number | undefined;
  if (rawLimit !== null) {
    limit = /^[0-9]{1,6}$/.test(rawLimit) ? Number(rawLimit) : Number.NaN;
    if (!(limit >= 1 && limit <= maxPageSize)) {
      throw new ProblemError('bad-request', { detail: `limit must be an integer from 1 to ${maxPageSize}.` });
    }
  }
  return { ...(cursor !== undefined ? { after: cursor } : {}), ...(limit !== undefined ? { limit } : {}) };
}
