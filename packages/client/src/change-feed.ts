import type { ContractCalls } from './calls.js';
import { sleep } from './retry.js';
import type { ChangeFeedEntry } from './types.js';

export interface ChangeFeedOptions {
  /** Resume after this cursor (the `cursor` of the last entry you processed); omit to start at the beginning. */
  cursor?: string;
  limit?: number;
  /** Keep polling when caught up instead of finishing. */
  follow?: boolean;
  pollIntervalMs?: number;
  signal?: AbortSignal;
}

/**
 * A school's change feed, entry by entry. Persist `entry.cursor` after you have processed an entry:
 * passing it back as `cursor` resumes with the next entry, so nothing is lost or repeated, even when
 * the iterator threw part-way through a page.
 */
export async function* changeFeed(
  client: ContractCalls,
  urn: string,
  options: ChangeFeedOptions = {},
): AsyncGenerator<ChangeFeedEntry, void, undefined> {
  let cursor = options.cursor;
  for (;;) {
    const { data } = await client.get('/schools/{urn}/changes', {
      path: { urn },
      query: { cursor, limit: options.limit },
      signal: options.signal,
    });
    for (const entry of data.changes) {
      yield entry;
      cursor = entry.cursor;
    }
    if (data.nextCursor) cursor = data.nextCursor;
    // An empty page that still claims more would make us spin; treat it as caught up and wait.
    if (data.hasMore && data.changes.length > 0) continue;
    if (!options.follow) return;
    await sleep(options.pollIntervalMs ?? 30_000, options.signal);
  }
}
