import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Statement } from '../src/index.js';
import { statements } from './support/feed.js';
import { authorised, baseUrl, makeClient, problem, resetContractServer, server } from './support/server.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetContractServer());
afterAll(() => server.close());

/** Serves `all` in pages of `size`, with the page number as the cursor. */
function paged(all: Statement[], size: number) {
  const cursors: (string | null)[] = [];
  server.use(
    http.get(`${baseUrl}/schools/100000/statements`, ({ request }) => {
      if (!authorised(request)) return problem('ProblemUnauthorized', 401);
      const cursor = new URL(request.url).searchParams.get('cursor');
      cursors.push(cursor);
      const page = cursor ? Number(cursor.slice(1)) : 0;
      const items = all.slice(page * size, page * size + size);
      const more = (page + 1) * size < all.length;
      return HttpResponse.json({ items, nextCursor: more ? `p${page + 1}` : null });
    }),
  );
  return cursors;
}

describe('paged lists', () => {
  it.each([
    { count: 0, size: 3, pages: 1 },
    { count: 3, size: 3, pages: 1 },
    { count: 7, size: 3, pages: 3 },
  ])(
    '$count statements in pages of $size: every item once, $pages requests',
    async ({ count, size, pages }) => {
      const all = statements(count);
      const cursors = paged(all, size);
      const ids: string[] = [];
      for await (const statement of makeClient().items('/schools/{urn}/statements', {
        path: { urn: '100000' },
      })) {
        ids.push(statement.id);
      }
      expect(ids).toEqual(all.map((s) => s.id));
      expect(cursors).toHaveLength(pages);
    },
  );

  it('each page exposes the cursor that fetched it, so a reader can resume from any page', async () => {
    const all = statements(5);
    paged(all, 2);
    const client = makeClient();
    const seen: { cursor: string | undefined; next: string | null }[] = [];
    for await (const page of client.pages('/schools/{urn}/statements', { path: { urn: '100000' } })) {
      seen.push({ cursor: page.cursor, next: page.nextCursor });
    }
    expect(seen).toEqual([
      { cursor: undefined, next: 'p1' },
      { cursor: 'p1', next: 'p2' },
      { cursor: 'p2', next: null },
    ]);
    const resumed: string[] = [];
    for await (const s of client.items('/schools/{urn}/statements', {
      path: { urn: '100000' },
      query: { cursor: 'p2' },
    })) {
      resumed.push(s.id);
    }
    expect(resumed).toEqual([all[4]!.id]);
  });
});
