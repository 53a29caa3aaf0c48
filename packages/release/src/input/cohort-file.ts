import type { Subject, SubjectKey } from '@reuse-pref/schema';
import type { CohortMember } from '../gate/cohort.js';
import { lineBatches } from './line-batches.js';

export class CohortError extends Error {
  override name = 'CohortError';
}

/**
 * Streams a cohort file in batches, one JSON object a line: `{"subject":{...},"statements":[...]}`, or
 * with `"preferences"` instead of statements, or just the subject's keys (`{"upn":"..."}` or
 * `{"subject":{...}}`) for a pupil with no statements (the defaults decide, and the counts say so). Blank
 * lines are skipped; anything else malformed stops the run with its line number, because a silently
 * dropped pupil is an unaudited one.
 */
export async function* readCohortFile(path: string): AsyncGenerator<CohortMember[]> {
  let n = 0;
  for await (const lines of lineBatches(path)) {
    const members: CohortMember[] = [];
    for (const line of lines) {
      n += 1;
      if (line.trim() !== '') members.push(cohortMember(line, path, n));
    }
    yield members;
  }
}

const KEY_PREFIXES = [
  ['upn', '{"upn":"'],
  ['uln', '{"uln":"'],
  ['localId', '{"localId":"'],
] as const;

/**
 * A key-only line in the exact form writers emit, `{"upn":"B801200005001"}`, read without JSON.parse,
 * which at 9 million lines costs more than everything else the gate does. Only a value with no quote,
 * backslash or control character takes this path, so it reads exactly what JSON.parse would.
 */
function fastKey(line: string): Subject | undefined {
  if (!line.endsWith('"}')) return undefined;
  for (const [name, prefix] of KEY_PREFIXES) {
    if (!line.startsWith(prefix)) continue;
    const end = line.length - 2;
    if (end <= prefix.length) return undefined;
    for (let i = prefix.length; i < end; i++) {
      const c = line.charCodeAt(i);
      if (c < 0x20 || c === 0x22 || c === 0x5c) return undefined;
    }
    const value = line.slice(prefix.length, end);
    return name === 'upn' ? { upn: value } : name === 'uln' ? { uln: value } : { localId: value };
  }
  return undefined;
}

/** The subject a key-only cohort line names, or undefined when the line is not one. */
export function subjectFromKeyLine(line: string): Subject | undefined {
  const fast = fastKey(line);
  if (fast) return fast;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  return isSubject(value) ? value : undefined;
}

function isSubject(value: unknown): value is Subject {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const s = value as Subject;
  return [s.upn, s.uln, s.localId].some((key) => typeof key === 'string' && key.length > 0);
}

function cohortMember(line: string, path: string, n: number): CohortMember {
  const key = fastKey(line);
  if (key) return { subject: key, statements: [] };
  let value: { subject?: Subject; statements?: unknown; preferences?: unknown };
  try {
    value = JSON.parse(line);
  } catch {
    throw new CohortError(`${path}: line ${n} is not JSON`);
  }
  if (value && value.subject === undefined && isSubject(value)) return { subject: value, statements: [] };
  const subject = value?.subject;
  if (!isSubject(subject))
    throw new CohortError(`${path}: line ${n} has no subject with a upn, uln or localId`);
  if (value.preferences !== undefined) return value as CohortMember;
  if (value.statements === undefined) return { subject, statements: [] };
  if (Array.isArray(value.statements)) return value as CohortMember;
  throw new CohortError(`${path}: line ${n}: statements must be an array`);
}

/**
 * Streams a cohort of keys for a gate that reads preferences from an index: one subject key a line,
 * `{"upn":"..."}`, `{"uln":"..."}` or both. A cohort crosses schools, so a school's own id is refused,
 * as is anything else that is not such a key; blank lines are skipped. Lines are not validated beyond
 * that (a UPN's check letter is the caller's to check: a key that names nobody is simply never asked).
 */
export async function* readCohortKeys(path: string): AsyncGenerator<SubjectKey[]> {
  let n = 0;
  for await (const lines of lineBatches(path)) {
    const keys: SubjectKey[] = [];
    for (const line of lines) {
      n += 1;
      const key = cohortKeyOfLine(line, path, n);
      if (key) keys.push(key);
    }
    if (keys.length > 0) yield keys;
  }
}

/** Line `n` of a cohort of keys: its key, or undefined for a blank line; anything else is refused. */
export function cohortKeyOfLine(line: string, path: string, n: number): SubjectKey | undefined {
  if (line.trim() === '') return undefined;
  const fast = fastKey(line);
  const key = fast && fast.localId === undefined ? (fast as SubjectKey) : slowKey(line);
  if (!key) {
    throw new CohortError(
      `${path}: line ${n} is not a subject key ({"upn":"..."} and/or "uln", nothing else)`,
    );
  }
  return key;
}

function slowKey(line: string): SubjectKey | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length === 0) return undefined;
  for (const [name, v] of entries) {
    if ((name !== 'upn' && name !== 'uln') || typeof v !== 'string' || v.length === 0) return undefined;
  }
  return value as SubjectKey;
}
