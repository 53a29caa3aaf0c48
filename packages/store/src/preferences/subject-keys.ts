import type { StatementRow } from '../ports/statements.js';

/**
 * The identifiers a statement names its pupil by, as index keys: `upn:<UPN>`, `uln:<ULN>` and, for a
 * school's own MIS id (which means something only inside that school), `local:<URN>:<id>`. Statements
 * that share any key are about one subject, and so, transitively, are all statements connected through
 * shared keys (a form with a UPN and a ULN joins the UPN's history to the ULN's). The prefixes keep a
 * ULN from ever meeting a local id of the same digits; a URN has no colon, so the local form is unambiguous.
 */
export function statementKeys(row: Pick<StatementRow, 'urn' | 'upn' | 'uln' | 'localId'>): string[] {
  const keys: string[] = [];
  if (row.upn !== null) keys.push(upnKey(row.upn));
  if (row.uln !== null) keys.push(ulnKey(row.uln));
  if (row.localId !== null) keys.push(localKey(row.urn, row.localId));
  return keys;
}

export const upnKey = (upn: string) => `upn:${upn}`;
export const ulnKey = (uln: string) => `uln:${uln}`;
export const localKey = (urn: string, localId: string) => `local:${urn}:${localId}`;

/** The national keys a cohort member is given by (a cohort crosses schools, so never a local id). */
export function memberKeys(member: { upn?: string | undefined; uln?: string | undefined }): string[] {
  const keys: string[] = [];
  if (member.upn !== undefined) keys.push(upnKey(member.upn));
  if (member.uln !== undefined) keys.push(ulnKey(member.uln));
  return keys;
}

/**
 * The members' national keys as the stores' lookup queries take them: one JSON array, two places per
 * member (its UPN key, then its ULN key, null where it has none), so member i's keys are elements 2i and
 * 2i + 1. One string for the whole batch, serialised natively, instead of an array parameter the driver
 * escapes key by key.
 */
export function memberKeysJson(members: readonly { upn?: string | undefined; uln?: string | undefined }[]) {
  const places: (string | null)[] = new Array(members.length * 2);
  for (let i = 0; i < members.length; i++) {
    const { upn, uln } = members[i]!;
    places[2 * i] = upn === undefined ? null : upnKey(upn);
    places[2 * i + 1] = uln === undefined ? null : ulnKey(uln);
  }
  return JSON.stringify(places);
}

/** A key split back into the columns a statement is found by. */
export type KeyColumns =
  | { kind: 'upn'; value: string }
  | { kind: 'uln'; value: string }
  | { kind: 'local'; urn: string; localId: string };

export function keyColumns(key: string): KeyColumns {
  if (key.startsWith('upn:')) return { kind: 'upn', value: key.slice(4) };
  if (key.startsWith('uln:')) return { kind: 'uln', value: key.slice(4) };
  const colon = key.indexOf(':', 6);
  return { kind: 'local', urn: key.slice(6, colon), localId: key.slice(colon + 1) };
}

/** Keys grouped by the column they match, for one query that finds every statement holding any of them. */
export function keysByColumn(keys: Iterable<string>): {
  upns: string[];
  ulns: string[];
  urns: string[];
  localIds: string[];
} {
  const out = { upns: [] as string[], ulns: [] as string[], urns: [] as string[], localIds: [] as string[] };
  for (const key of keys) {
    const columns = keyColumns(key);
    if (columns.kind === 'upn') out.upns.push(columns.value);
    else if (columns.kind === 'uln') out.ulns.push(columns.value);
    else {
      out.urns.push(columns.urn);
      out.localIds.push(columns.localId);
    }
  }
  return out;
}

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const UPN_LAST = `0123456789${UPN_LETTERS}`;
/** Character code → value of a UPN's check letter (0..22) and of its last character (0..32); -1 else. */
const LETTER_VALUE = valueTable(UPN_LETTERS);
const LAST_VALUE = valueTable(UPN_LAST);

function valueTable(chars: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = i;
  return table;
}

/**
 * A national key as one exact double, for the in-memory snapshot's hash table (no string per key):
 * a UPN is its check letter (23), eleven digits and a last digit-or-letter (33), well inside 2^53; a
 * ULN is ten digits. Even codes are UPNs, odd ones ULNs. -1 when the key is not in the schema's form
 * (a store fed without validation): the snapshot keeps such keys in a Map instead.
 */
export function nationalKeyCode(key: string): number {
  if (key.startsWith('upn:')) return upnCode(key, 4);
  if (key.startsWith('uln:')) return ulnCode(key, 4);
  return -1;
}

/** The code of the UPN at `at` in `text` (the whole string when at is 0): see nationalKeyCode. */
export function upnCode(text: string, at = 0): number {
  if (text.length !== at + 13 || !inScratch(text, at)) return -1;
  return upnCodeInBytes(scratch, 0, 13);
}

/** The code of the ULN at `at` in `text`: see nationalKeyCode. */
export function ulnCode(text: string, at = 0): number {
  if (text.length !== at + 10 || !inScratch(text, at)) return -1;
  return ulnCodeInBytes(scratch, 0, 10);
}

/**
 * A key's text is read by the byte readers below (one definition of each code): its characters are
 * copied into this scratch first. A character past ASCII is in no national key. A Buffer, as a cohort
 * file's bytes are, so the readers see one kind of array and stay compiled for it.
 */
const scratch = Buffer.alloc(16);

function inScratch(text: string, at: number): boolean {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return false;
    scratch[i - at] = c;
  }
  return true;
}

/**
 * The code of the UPN in bytes [at, end) (ASCII, as a cohort file's line holds it), -1 when it is not
 * one: the same code upnCode gives its text, read without making a string (see readCohortKeyRuns).
 * Plain loops over the bytes, no reader function per character: a cold process deciding a cohort runs
 * this before the optimising compiler has inlined anything.
 */
export function upnCodeInBytes(bytes: Uint8Array, at: number, end: number): number {
  if (end - at !== 13) return -1;
  const letter = LETTER_VALUE[bytes[at]!] ?? -1;
  const last = LAST_VALUE[bytes[at + 12]!] ?? -1;
  if (letter < 0 || last < 0) return -1;
  let middle = 0;
  for (let i = at + 1; i < at + 12; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    middle = middle * 10 + d;
  }
  return ((letter * 33 + last) * 1e11 + middle) * 2;
}

/** The code of the ULN in bytes [at, end): see upnCodeInBytes. */
export function ulnCodeInBytes(bytes: Uint8Array, at: number, end: number): number {
  if (end - at !== 10) return -1;
  let value = 0;
  for (let i = at; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value * 2 + 1;
}
