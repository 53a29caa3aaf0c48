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
  return entries.map(({ ledger, entry, json, expectedIndex }) => {
    const index = next.get(ledger) ?? 0;
    if (expectedIndex !== undefined && expectedIndex !== index) {
      throw new LedgerConflictError(ledger, expectedIndex, index);
    }
    next.set(ledger, index + 1);
    return { ledger, index, entry: json ?? JSON.stringify(entry) };
  });
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

/**
 * Placed entries sorted by (ledger, index), the primary key's order: the B-tree is then walked once
 * per run instead of jumping to a random page for every row (a release files one record per subject,
 * scattered over the subjects' ledgers). The rows a transaction writes are the same in any order.
 */
export function inKeyOrder(placed: PlacedEntry[]): PlacedEntry[] {
  return placed.sort((a, b) => (a.ledger < b.ledger ? -1 : a.ledger > b.ledger ? 1 : a.index - b.index));
}
