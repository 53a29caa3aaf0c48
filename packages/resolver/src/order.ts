import { isFullDate, parseInstant, type Statement } from '@reuse-pref/schema';
import { ResolverInputError } from './input-error.js';

/** A statement with the keys of the total order read once. */
export interface Entry {
  readonly statement: Statement;
  /** Lowercased id: UUIDs compare case-insensitively. */
  readonly id: string;
  /** expressedAt in epoch ms, to the millisecond (resolver.md 2, "Instant"). */
  readonly expressed: number;
  readonly recorded: number;
}

/** The statement's JSON Pointer in the resolver's input: built only for an error. */
const where = (index: number | undefined) => (index === undefined ? '' : `/statements/${index}`);

function instant(
  statement: Statement,
  field: 'expressedAt' | 'recordedAt',
  index: number | undefined,
): number {
  const ms = parseInstant(statement[field]);
  if (Number.isNaN(ms)) {
    throw new ResolverInputError(
      `${where(index)}/${field}`,
      `statement ${statement.id}: ${field} ${JSON.stringify(statement[field])} is not an RFC 3339 date-time (spec/v1/validation.md 3); the resolver refuses it rather than guess its place in the order`,
    );
  }
  return ms;
}

/**
 * Reads the keys of one statement, refusing (resolver.md 1) a time or date of birth the validator would
 * reject. `index` is the statement's place in the resolver's input, for the error's pointer.
 */
export function toEntry(statement: Statement, index?: number): Entry {
  const dateOfBirth = statement.subject.dateOfBirth;
  if (dateOfBirth !== undefined && !isFullDate(dateOfBirth)) {
    throw new ResolverInputError(
      `${where(index)}/subject/dateOfBirth`,
      `statement ${statement.id}: subject.dateOfBirth ${JSON.stringify(dateOfBirth)} is not an RFC 3339 full-date`,
    );
  }
  return {
    statement,
    id: statement.id.toLowerCase(),
    expressed: instant(statement, 'expressedAt', index),
    recorded: instant(statement, 'recordedAt', index),
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
 * one statement id with the same instants. Throws ResolverInputError for a time it cannot read.
 */
export function compareStatements(a: Statement, b: Statement): number {
  return compareEntries(toEntry(a), toEntry(b));
}
