import type { ConsistencyProof, LogLeaves } from '@reuse-pref/schema';
import { ProblemError } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';

/** A whole number query parameter, or the default when absent; anything else is a 400 naming it. */
function whole(raw: string | null, name: string, fallback?: number): number {
  if (raw === null && fallback !== undefined) return fallback;
  if (raw === null || !/^[0-9]{1,15}$/.test(raw)) {
    throw new ProblemError('bad-request', { detail: `${name} must be a whole number.` });
  }
  return Number(raw);
}

/** Public: the leaves as hashed, so anyone can recompute a signed root (RFC 9162 get-entries). */
export const listLogLeaves = defineOperation('listLogLeaves', {
  method: 'GET',
  path: '/register/log/leaves',
  roles: ['distributor'],
  async handle({ query, services }) {
    const start = whole(query.get('start'), 'start', 0);
    const limit = whole(query.get('limit'), 'limit', Math.min(100, services.limits.maxPageSize));
    if (limit < 1 || limit > services.limits.maxPageSize) {
      throw new ProblemError('bad-request', {
        detail: `limit must be a whole number from 1 to ${services.limits.maxPageSize}.`,
      });
    }
    const archive = await services.releases();
    const { treeSize } = await archive.treeHead(services.now());
    const page: LogLeaves = { start, treeSize, leaves: await archive.leaves(start, limit, treeSize) };
    return json(200, page);
  },
});

/** Public: that the tree of `first` leaves is a prefix of the tree of `second` (RFC 9162 §2.1.4). */
export const getConsistencyProof = defineOperation('getConsistencyProof', {
  method: 'GET',
  path: '/register/log/consistency',
  roles: ['distributor'],
  async handle({ query, services }) {
    const first = whole(query.get('first'), 'first');
    const second = whole(query.get('second'), 'second');
    const archive = await services.releases();
    const { treeSize } = await archive.treeHead(services.now());
    if (first > second || second > treeSize) {
      throw new ProblemError('bad-request', {
        detail: `Need 0 <= first <= second <= ${treeSize} (the latest signed tree head's size).`,
      });
    }
    const proof: ConsistencyProof = { first, second, path: await archive.consistencyProof(first, second) };
    return json(200, proof, { 'cache-control': 'public, max-age=31536000, immutable' });
  },
});
