import { pageSize } from '../cursor.js';
import { InvalidRequestError, LedgerConflictError } from '../errors.js';
import type { JsonValue } from '../ports/json.js';
import type { LedgerAppend, LedgerEntry } from '../ports/ledgers.js';

/** One entry with its place decided and its JSON text ready for the database. */
export interface PlacedEntry {
  ledger: string;
  index: number;
  entry: string;
}

/** Each ledger `entries` touches, once, sorted (the order both stores lock and look them up in). */
export function ledgersOf(entries: readonly LedgerAppend[]): string[] {
  return [...new Set(entries.map((e) => e.ledger))].sort();
}

/**
 * Gives each entry the next index of its ledger, starting from `next` (each ledger's current length), and
 * checks every `expectedIndex`: one that does not hold is a LedgerConflictError before anything is written.
 */
export function placeEntries(entries: readonly LedgerAppend[], next: Map<string, number>): PlacedEntry[] {
  // A loop, not map() with a destructured object per entry: a release places three or four per subject.
  const placed: PlacedEntry[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const index = next.get(e.ledger) ?? 0;
    if (e.expectedIndex !== undefined && e.expectedIndex !== index) {
      throw new LedgerConflictError(e.ledger, e.expectedIndex, index);
    }
    next.set(e.ledger, index + 1);
    placed[i] = { ledger: e.ledger, index, entry: e.json ?? JSON.stringify(e.entry) };
  }
  return placed;
}

/** A run of entries in the primary key's order, with the ledgers it touches. */
export interface KeyOrderedRun {
  /** By ledger, and within a ledger in the order given: placed in this order, each gets its index in it. */
  entries: LedgerAppend[];
  /** Each ledger once, sorted. */
  ledgers: string[];
}

/**
 * The entries sorted once by ledger (a stable sort keeps each ledger's entries in the order given), so
 * that placing them yields rows already in (ledger, index) order, the primary key's: the B-tree is then
 * walked once per run instead of jumping to a random page for every row (a release files one record per
 * subject, scattered over the subjects' ledgers). The distinct ledgers are read off the sorted run: one
 * sort of a release's run, no set of its names. The rows and indexes are those of placing the entries
 * as given: a ledger's entries keep their order.
 */
export function keyOrderedRun(entries: readonly LedgerAppend[]): KeyOrderedRun {
  const sorted = entries.slice().sort((a, b) => (a.ledger < b.ledger ? -1 : a.ledger > b.ledger ? 1 : 0));
  const ledgers: string[] = [];
  let last: string | undefined;
  for (const e of sorted) {
    if (e.ledger !== last) ledgers.push(e.ledger);
    last = e.ledger;
  }
  return { entries: sorted, ledgers };
}

/** A read's range checked: from a whole number, at most a page (1000 entries when not asked). */
export function readRange(range: { from?: number; limit?: number } | undefined): {
  from: number;
  limit: number;
} {
  const from = range?.from ?? 0;
  if (!Number.isInteger(from) || from < 0) throw new InvalidRequestError('from must be a whole number');
  return { from, limit: pageSize({ limit: range?.limit ?? 1000 }) };
}

/** A stored entry as callers see it; each backend passes its time as ISO 8601. */
export function ledgerEntry(ledger: string, index: number, recordedAt: string, entry: string): LedgerEntry {
  return { ledger, index, recordedAt, entry: JSON.parse(entry) as JsonValue };
}
