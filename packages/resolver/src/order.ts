import type { Statement } from '@reuse-pref/schema';
import { parseInstant } from './instant.js';

/** A statement with the keys of the total order read once. */
export interface Entry {
  readonly statement: Statement;
  /** Lowercased id: UUIDs compare case-insensitively. */
  readonly id: string;
  /** expressedAt in epoch ms; +Infinity when unreadable, so it is never eligible and sorts last. */
  readonly expressed: number;
  readonly recorded: number;
}

function instantOrLast(s: string): number {
  const t = parseInstant(s);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

export function toEntry(statement: Statement): Entry {
  return {
    statement,
    id: statement.id.toLowerCase(),
    expressed: instantOrLast(statement.expressedAt),
    recorded: instantOrLast(statement.recordedAt),
  };
}

/** R3: expressedAt instant, then recordedAt instant, then lowercase id by UTF-16 code unit. */
export function compareEntries(a: Entry, b: Entry): number {
  if (a.expressed !== b.expressed) return a.expressed < b.expressed ? -1 : 1;
  if (a.recorded !== b.recorded) return a.recorded < b.recorded ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The resolver's total order on statements (spec/v1/resolver.md R3). Returns 0 only for two copies of
 * one statement id with the same instants.
 */
export function compareStatements(a: Statement, b: Statement): number {
  return compareEntries(toEntry(a), toEntry(b));
}
