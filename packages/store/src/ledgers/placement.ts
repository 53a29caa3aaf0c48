import { pageSize } from '../cursor.js';
import { InvalidRequestError, LedgerConflictError } from '../errors.js';
import type { JsonValue } from '../ports/json.js';
import type { LedgerAppend, LedgerEntry } from '../ports/ledgers.js';
import { LedgerRun } from './run.js';

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

/** The entries as a LedgerRun, in the order given: each `json` kept exactly, else JSON.stringify of `entry`. */
export function runOf(entries: readonly LedgerAppend[] | LedgerRun): LedgerRun {
  if (entries instanceof LedgerRun) return entries;
  const run = new LedgerRun();
  for (const e of entries) run.add(e.ledger, e.json ?? JSON.stringify(e.entry), e.expectedIndex);
  return run;
}

/** A LedgerRun's entries in the primary key's order, with the ledgers it touches. */
export interface OrderedRun {
  run: LedgerRun;
  /** The run's entry numbers by ledger, and within a ledger in the order added: placed in this order. */
  order: Uint32Array;
  /** Each ledger once, sorted. */
  ledgers: string[];
}

/**
 * The run's entry numbers by ledger, and within a ledger in the order added, so that placing them yields
 * rows already in (ledger, index) order, the primary key's: the B-tree is then walked once per run
 * instead of jumping to a random page for every row (a release files one record per subject, scattered
 * over the subjects' ledgers). The indexes are those of placing the entries as added: a ledger's entries
 * keep their order. A release's run is a few long ledgers (the log, the outcomes) and thousands touched
 * once (subject ledgers), so the entries are grouped by ledger in the order added and only the distinct
 * names are sorted (by code unit, as `<` compares): measured at about half the time of sorting the entry
 * numbers with a comparator.
 */
export function orderRun(run: LedgerRun): OrderedRun {
  const names = run.ledgers;
  const group = new Map<string, number>();
  const distinct: string[] = [];
  const counts: number[] = [];
  const groupOf = new Uint32Array(names.length);
  for (let row = 0; row < names.length; row++) {
    const name = names[row]!;
    let g = group.get(name);
    if (g === undefined) {
      g = distinct.length;
      group.set(name, g);
      distinct.push(name);
      counts.push(0);
    }
    counts[g]! += 1;
    groupOf[row] = g;
  }
  const ledgers = distinct.slice().sort();
  // Where each ledger's entries start in the order; each ledger's entries then follow in the order added.
  const next = new Uint32Array(distinct.length);
  let at = 0;
  for (const ledger of ledgers) {
    const g = group.get(ledger)!;
    next[g] = at;
    at += counts[g]!;
  }
  const order = new Uint32Array(names.length);
  for (let row = 0; row < names.length; row++) order[next[groupOf[row]!]!++] = row;
  return { run, order, ledgers };
}

/**
 * Each entry's index, by its place in `order`, from `next` (each ledger's current length, advanced as
 * entries are placed); an `expectedIndex` that does not hold is a LedgerConflictError before anything is
 * written.
 */
export function placeRun({ run, order }: OrderedRun, next: Map<string, number>): Float64Array {
  const indexes = new Float64Array(order.length);
  for (let at = 0; at < order.length; at++) {
    const row = order[at]!;
    const ledger = run.ledger(row);
    const index = next.get(ledger) ?? 0;
    const expected = run.expectedIndex(row);
    if (expected !== undefined && expected !== index) throw new LedgerConflictError(ledger, expected, index);
    next.set(ledger, index + 1);
    indexes[at] = index;
  }
  return indexes;
}

/**
 * The ledgers whose position the run asserts somewhere other than by opening them (index 0), each once,
 * sorted: those PostgreSQL locks, in that order, and those a staged SQLite stream checks again at its
 * commit (a ledger opened needs neither: the primary key refuses a second index 0).
 */
export function lockedLedgersOf(run: LedgerRun): string[] {
  const asserted = new Set<string>();
  for (let row = 0; row < run.length; row++) {
    const expected = run.expectedIndex(row);
    if (expected !== undefined && expected !== 0) asserted.add(run.ledger(row));
  }
  return [...asserted].sort();
}

/**
 * The ledgers a run must look up the ends of: all it touches except those an entry opens
 * (`expectedIndex: 0`), which are empty or the write fails on the primary key. A release opens a ledger
 * per subject record, so this is most of its lookups (decision 0052).
 */
export function runLedgersToLookUp({ run, ledgers }: OrderedRun): string[] {
  const opened = new Set<string>();
  for (let row = 0; row < run.length; row++) if (run.expectedIndex(row) === 0) opened.add(run.ledger(row));
  return opened.size === 0 ? ledgers : ledgers.filter((ledger) => !opened.has(ledger));
}

/**
 * The first ledger opened (`expectedIndex: 0`) over an existing one, from the run's `at`-th entry in key
 * order, by `endOf` (each ledger's end as the database now holds it): what a primary-key violation on a
 * write of those entries means, as the LedgerConflictError it is. Undefined if none: the violation was
 * something else.
 */
export function runOpenedOverExisting(
  { run, order }: OrderedRun,
  at: number,
  endOf: (ledger: string) => number,
): LedgerConflictError | undefined {
  for (; at < order.length; at++) {
    const row = order[at]!;
    if (run.expectedIndex(row) !== 0) continue;
    const end = endOf(run.ledger(row));
    if (end !== 0) return new LedgerConflictError(run.ledger(row), 0, end);
  }
  return undefined;
}
