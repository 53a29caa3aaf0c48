import type { OnwardShare, OnwardSharePage } from '@reuse-pref/schema';
import { ProblemError } from '../../http/problem.js';
import { json } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { indexCursor, readIndexPage } from '../../paging/index-cursor.js';
import { onwardShareLedger } from './decide-onward-share.js';

/**
 * What the relay shared onward and withheld, oldest first. With `shared=`, the page is filled by reading
 * on past non-matching decisions; the cursor marks how far the ledger was read, not how many matched.
 */
export const listOnwardShares = defineOperation('listOnwardShares', {
  method: 'GET',
  path: '/schools/{urn}/onward-shares',
  roles: ['relay'],
  schoolParam: 'urn',
  async handle({ query, params, services }) {
    const { from, limit } = readIndexPage(query, services.limits.maxPageSize);
    const filter = sharedFilter(query.get('shared'));
    const ledger = onwardShareLedger(params.urn);
    const items: OnwardShare[] = [];
    let next = from;
    let atEnd = false;
    while (items.length < limit && !atEnd) {
      const rows = await services.store.ledgers.read(ledger, { from: next, limit });
      atEnd = rows.length < limit;
      for (const row of rows) {
        if (items.length === limit) break;
        next = row.index + 1;
        const share = row.entry as unknown as OnwardShare;
        if (filter === undefined || share.shared === filter) items.push(share);
      }
    }
    const page: OnwardSharePage = {
      items,
      nextCursor: atEnd && items.length < limit ? null : indexCursor(next),
    };
    return json(200, page);
  },
});

function sharedFilter(raw: string | null): boolean | undefined {
  if (raw === null) return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ProblemError('bad-request', { detail: 'shared must be true or false.' });
}
