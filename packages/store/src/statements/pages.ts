import { decodeCursor, encodeCursor, pageSize } from '../cursor.js';
import type { ChangeFeedPage, PageRequest, StatementPage, StoredStatement } from '../ports/statements.js';

/** Reads up to `limit` of a school's statements with a sequence number above `after`, in order. */
export type ReadSchool = (urn: string, after: bigint, limit: number) => Promise<StoredStatement[]>;

/** A page of a school's list: one row more than asked for tells whether another page follows. */
export async function listPage(read: ReadSchool, urn: string, page?: PageRequest): Promise<StatementPage> {
  const limit = pageSize(page);
  const rows = await read(urn, decodeCursor(page?.after), limit + 1);
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.cursor : null };
}

/** A page of a school's change feed: an empty page keeps the cursor it was asked from, to poll again. */
export async function feedPage(read: ReadSchool, urn: string, page?: PageRequest): Promise<ChangeFeedPage> {
  const after = decodeCursor(page?.after);
  const items = await read(urn, after, pageSize(page));
  return { items, cursor: items.length > 0 ? items[items.length - 1]!.cursor : encodeCursor(after) };
}
