import type { ContractCalls, RequestOptions } from './calls.js';
import type { Operation, PagedPath, PageItem, SuccessBody } from './types.js';

export interface Page<P extends PagedPath> {
  items: PageItem<P>[];
  /** The cursor that fetched this page (undefined for the first); persist it to re-read the page. */
  cursor: string | undefined;
  /** The cursor for the page after this one; null on the last page. */
  nextCursor: string | null;
}

type PageOptions<P extends PagedPath> = RequestOptions<Operation<P, 'get'>>;

/** Every page of a cursor-paged list, starting from `query.cursor` when given. */
export async function* pages<P extends PagedPath>(
  client: ContractCalls,
  path: P,
  init: PageOptions<P>,
): AsyncGenerator<Page<P>, void, undefined> {
  const base = init as { query?: Record<string, unknown> };
  let cursor = base.query?.cursor as string | undefined;
  for (;;) {
    const request = { ...init, query: { ...base.query, cursor } } as PageOptions<P>;
    const { data } = await client.get(path, request as never);
    const page = data as SuccessBody<Operation<P, 'get'>> & {
      items: PageItem<P>[];
      nextCursor: string | null;
    };
    yield { items: page.items, cursor, nextCursor: page.nextCursor };
    if (page.nextCursor === null || page.nextCursor === cursor) return;
    cursor = page.nextCursor;
  }
}

/** Every item across pages. */
export async function* items<P extends PagedPath>(
  client: ContractCalls,
  path: P,
  init: PageOptions<P>,
): AsyncGenerator<PageItem<P>, void, undefined> {
  for await (const page of pages(client, path, init)) yield* page.items;
}
