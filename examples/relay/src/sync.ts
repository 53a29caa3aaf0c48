import type { ReusePrefClient } from '@reuse-pref/client';
import type { StatementStore } from '@reuse-pref/store';

export interface SyncReport {
  /** Entries the change feed delivered this run. */
  received: number;
  stored: number;
  /** Already held: a re-delivered entry changes nothing. */
  duplicate: number;
  /** Where the next run resumes; undefined until the first entry was ever synced. */
  cursor: string | undefined;
}

const cursorLedger = (urn: string) => `sync-cursor:${urn}`;

/** The cursor the last sync of this school stopped at, kept in the relay's own store. */
export async function savedCursor(
  store: Pick<StatementStore, 'ledgers'>,
  urn: string,
): Promise<string | undefined> {
  const count = await store.ledgers.count(cursorLedger(urn));
  if (count === 0) return undefined;
  const [last] = await store.ledgers.read(cursorLedger(urn), { from: count - 1, limit: 1 });
  return (last?.entry as { cursor?: string } | undefined)?.cursor;
}

/**
 * Pulls a school's change feed from its producer into the relay's store, statement by statement and
 * unaltered. The cursor is saved after each statement is stored, so a crash between the two at worst
 * re-delivers one statement, which the store takes as a duplicate: nothing lost, nothing doubled.
 */
export async function syncSchool(
  producer: ReusePrefClient,
  store: Pick<StatementStore, 'statements' | 'ledgers'>,
  urn: string,
): Promise<SyncReport> {
  const report: SyncReport = { received: 0, stored: 0, duplicate: 0, cursor: await savedCursor(store, urn) };
  const options = report.cursor === undefined ? {} : { cursor: report.cursor };
  for await (const entry of producer.changes(urn, options)) {
    const { outcome } = await store.statements.append(entry.statement);
    report.received += 1;
    report[outcome === 'stored' ? 'stored' : 'duplicate'] += 1;
    await store.ledgers.append(cursorLedger(urn), { cursor: entry.cursor });
    report.cursor = entry.cursor;
  }
  return report;
}
