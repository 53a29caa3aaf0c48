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

/**
 * The ledgers a run must look up the ends of: all it touches except those an entry opens
 * (`expectedIndex: 0`), which are empty or the write fails on the primary key. A release opens a ledger
 * per subject record, so this is most of its lookups (decision 0052).
 */
export function ledgersToLookUp(run: KeyOrderedRun): string[] {
  const opened = new Set<string>();
  for (const e of run.entries) if (e.expectedIndex === 0) opened.add(e.ledger);
  return opened.size === 0 ? run.ledgers : run.ledgers.filter((ledger) => !opened.has(ledger));
}

/**
 * The first ledger of `entries` opened (`expectedIndex: 0`) over an existing one, by `endOf` (each
 * ledger's end as the database now holds it): what a primary-key violation on a write of those entries
 * means, as the LedgerConflictError it is. Undefined if none: the violation was something else.
 */
export function openedOverExisting(
  entries: readonly LedgerAppend[],
  endOf: (ledger: string) => number,
): LedgerConflictError | undefined {
  for (const e of entries) {
    if (e.expectedIndex !== 0) continue;
    const end = endOf(e.ledger);
    if (end !== 0) return new LedgerConflictError(e.ledger, 0, end);
  }
  return undefined;
}

/**
 * The range of names starting with `prefix`, as bounds a primary key compares bytewise: from `prefix`
 * up to (not including) the prefix with its last character moved on by one code point.
 */
export function prefixRange(prefix: string): { from: string; to: string } {
  const chars = Array.from(prefix);
  const last = chars.pop();
  const code = last?.codePointAt(0);
  // A last character of U+10FFFF has no successor; a lone surrogate is not UTF-8 (the stores keep text).
  if (code === undefined || code >= 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
    throw new InvalidRequestError(
      'a ledger prefix must be a non-empty text ending in a character below U+10FFFF',
    );
  }
  // The code point after U+D7FF that UTF-8 can carry is U+E000 (the surrogates lie between).
  const next = code === 0xd7ff ? 0xe000 : code + 1;
  return { from: prefix, to: `${chars.join('')}${String.fromCodePoint(next)}` };
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
