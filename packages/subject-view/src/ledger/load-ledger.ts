import type { ReusePrefClient } from '@reuse-pref/client';
import type { LedgerEntry, SubjectLedger, SubjectReceipt } from '@reuse-pref/schema';

/** One release that considered the pupil: the ledger's entry and, when the distributor gave one, its receipt. */
export interface LedgerItem {
  readonly entry: LedgerEntry;
  readonly receipt: SubjectReceipt | undefined;
}

const RECEIPTS_AT_ONCE = 4;

/**
 * Reads a pupil's whole ledger (every page) and a receipt for each entry from the distributor API. The
 * page checks each receipt itself: nothing here is trusted because it came from the server.
 */
export async function loadLedger(
  client: ReusePrefClient,
  pupil: string,
  signal?: AbortSignal,
): Promise<LedgerItem[]> {
  const entries: LedgerEntry[] = [];
  let cursor: string | undefined;
  for (;;) {
    const { data } = await client.get('/subjects/{pupil}/ledger', {
      path: { pupil },
      query: cursor === undefined ? {} : { cursor },
      ...(signal ? { signal } : {}),
    });
    const page = data as SubjectLedger;
    entries.push(...page.entries);
    if (page.nextCursor === null || page.nextCursor === cursor) break;
    cursor = page.nextCursor;
  }
  const items: LedgerItem[] = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const i = next++;
      const entry = entries[i]!;
      items[i] = { entry, receipt: await receiptFor(client, pupil, entry.releaseId, signal) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(RECEIPTS_AT_ONCE, entries.length) }, worker));
  return items;
}

async function receiptFor(
  client: ReusePrefClient,
  pupil: string,
  releaseId: string,
  signal?: AbortSignal,
): Promise<SubjectReceipt | undefined> {
  try {
    const { data } = await client.get('/subjects/{pupil}/ledger/{releaseId}/receipt', {
      path: { pupil, releaseId },
      ...(signal ? { signal } : {}),
    });
    return data as SubjectReceipt;
  } catch (error) {
    // A missing receipt is shown as "not verified", never hidden: the entry still appears.
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
