import { registerCsv, registerHtml } from '@reuse-pref/release';
import type { RegisterPage } from '@reuse-pref/schema';
import { json, text } from '../../http/respond.js';
import { defineOperation } from '../../operation.js';
import { nextIndexCursor, readIndexPage } from '../../paging/index-cursor.js';

/**
 * The public register: JSON pages by default; `Accept: text/csv` or `text/html` gets the whole register
 * in one document (the form people download or read), since a page of a spreadsheet helps nobody.
 */
export const listRegister = defineOperation('listRegister', {
  method: 'GET',
  path: '/register',
  roles: ['distributor'],
  async handle({ request, query, services }) {
    const archive = await services.releases();
    const wanted = preferredType(request.headers.accept);
    if (wanted === 'text/csv') {
      const csv = registerCsv(await archive.wholeRegister());
      return text(200, 'text/csv', csv, { vary: 'accept' });
    }
    if (wanted === 'text/html') {
      const html = registerHtml(await archive.wholeRegister(), services.now().toISOString());
      return text(200, 'text/html', html, { vary: 'accept' });
    }
    const { from, limit } = readIndexPage(query, services.limits.maxPageSize);
    const items = await archive.register(from, limit);
    const page: RegisterPage = { items, nextCursor: nextIndexCursor(from, items.length, limit) };
    return json(200, page, { vary: 'accept' });
  },
});

/**
 * Public: auditors and witnesses fetch successive heads and check each is consistent with the last
 * (GET /register/log/consistency). 503 `log-inconsistent` when the store's log no longer extends the
 * last head this server signed.
 */
export const getTreeHead = defineOperation('getTreeHead', {
  method: 'GET',
  path: '/register/tree-head',
  roles: ['distributor'],
  async handle({ services }) {
    const archive = await services.releases();
    return json(200, await archive.treeHead(services.now()), { 'cache-control': 'no-store' });
  },
});

/** The first of text/csv, text/html, application/json the Accept header names; JSON when none does. */
function preferredType(accept: string | undefined): 'text/csv' | 'text/html' | 'application/json' {
  const ranked = (accept ?? '')
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { type } of ranked) {
    if (type === 'text/csv' || type === 'text/html' || type === 'application/json') return type;
  }
  return 'application/json';
}
