/**
 * The index's answer for a batch of cohort members, as one text: the database joins the members' keys
 * (memberKeysJson) to the index and aggregates the rows it finds into one string, so the answer is one
 * string in this process instead of a row object and several strings per key and per subject (the
 * driver's row parsing and the objects it made were a large part of a release's lookup). One line per
 * member and subject its keys name, ordered by member and then by the member's first key naming it:
 *
 *   member TAB subject [TAB settledFrom TAB notShared TAB stated TAB dateOfBirth TAB detail]
 *
 * `member` is the member's place in the batch; the bracketed part is the subject's index row (see
 * IndexEntry), absent when the subject has none: the date of birth as JSON (`null` or a string),
 * the detail as stored, empty when null. Neither can hold a raw tab or line break (JSON escapes
 * them), so the fields split on them.
 */

/** MemberRows.answer: no subject (every purpose its default), one row answers, or resolve exactly. */
export const NO_SUBJECT = 0;
export const ANSWERED = 1;
export const EXACTLY = 2;

const TAB = 0x09;
const NEWLINE = 0x0a;
const MINUS = 0x2d;

/** A batch's answer text, read into where each member's row lies in it. */
export interface MemberRows {
  readonly count: number;
  readonly text: string;
  /** Per member: NO_SUBJECT, ANSWERED or EXACTLY. */
  readonly answer: Uint8Array;
  /** For an ANSWERED member: its row's bits and where its date of birth and detail lie in `text`. */
  readonly notShared: Int32Array;
  readonly stated: Int32Array;
  readonly birthStart: Int32Array;
  readonly birthEnd: Int32Array;
  readonly detailStart: Int32Array;
  readonly detailEnd: Int32Array;
  /** 1: no backslash in the member's line (its texts can be read in place). */
  readonly plain: Uint8Array;
  /** For each EXACTLY member, the subjects its keys name, in the order of its keys. */
  readonly subjectsOf: Map<number, number[]>;
}

/**
 * Reads an answer text for `count` members at `asOfMs`: a member whose keys name one subject, whose row
 * holds at that time (not refused, asOfMs >= settledFrom), is ANSWERED; one naming none gets the
 * defaults; any other is resolved from the statements (EXACTLY).
 */
export function readMemberRows(text: string, count: number, asOfMs: number): MemberRows {
  const rows: MemberRows = {
    count,
    text,
    answer: new Uint8Array(count),
    notShared: new Int32Array(count),
    stated: new Int32Array(count),
    birthStart: new Int32Array(count),
    birthEnd: new Int32Array(count),
    detailStart: new Int32Array(count),
    detailEnd: new Int32Array(count),
    plain: new Uint8Array(count),
    subjectsOf: new Map(),
  };
  let backslash = text.indexOf('\\');
  let previous = -1;
  let previousSubject = 0;
  const reader = new FieldReader(text);
  while (reader.at < text.length) {
    const lineStart = reader.at;
    const member = reader.integer(TAB);
    const subject = reader.integer(TAB);
    if (!(member >= 0 && member < count)) throw new RangeError(`answer row for member ${member} of ${count}`);
    let answered = false;
    if (reader.ended) {
      // The subject has no index row: resolve exactly.
    } else {
      const settledFrom = reader.integer(TAB);
      rows.notShared[member] = reader.integer(TAB);
      rows.stated[member] = reader.integer(TAB);
      rows.birthStart[member] = reader.at;
      rows.birthEnd[member] = reader.skipTo(TAB);
      rows.detailStart[member] = reader.at;
      const detailEnd = reader.skipTo(NEWLINE);
      rows.detailEnd[member] = detailEnd;
      while (backslash >= 0 && backslash < lineStart) backslash = text.indexOf('\\', lineStart);
      rows.plain[member] = backslash < 0 || backslash >= detailEnd ? 1 : 0;
      answered = detailEnd > rows.detailStart[member]! && asOfMs >= settledFrom;
    }
    if (member === previous) {
      // A second subject for one member (a UPN and a ULN the statements never linked): resolve both.
      const subjects = rows.subjectsOf.get(member);
      if (subjects) subjects.push(subject);
      else rows.subjectsOf.set(member, [previousSubject, subject]);
      rows.answer[member] = EXACTLY;
    } else {
      rows.answer[member] = answered ? ANSWERED : EXACTLY;
      if (!answered) rows.subjectsOf.set(member, [subject]);
    }
    previous = member;
    previousSubject = subject;
  }
  return rows;
}

/** Reads a line's fields in place: integers without a string each, the rest as bounds. */
class FieldReader {
  at = 0;
  /** The last field read ended its line (or the text). */
  ended = false;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  /** The integer at the cursor, up to `separator` or the line's end; the cursor goes past it. */
  integer(separator: number): number {
    const text = this.#text;
    let at = this.at;
    const negative = text.charCodeAt(at) === MINUS;
    if (negative) at += 1;
    let value = 0;
    const first = at;
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === separator || c === NEWLINE) break;
      const digit = c - 48;
      if (digit < 0 || digit > 9) throw new RangeError(`not an integer at ${at} of the answer text`);
      value = value * 10 + digit;
    }
    if (at === first) throw new RangeError(`no integer at ${at} of the answer text`);
    this.#end(at);
    return negative ? -value : value;
  }

  /** Skips to `separator` or the line's end; returns where the field ended. */
  skipTo(separator: number): number {
    const text = this.#text;
    let at = this.at;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === separator || c === NEWLINE) break;
      at++;
    }
    this.#end(at);
    return at;
  }

  #end(at: number) {
    this.ended = at >= this.#text.length || this.#text.charCodeAt(at) === NEWLINE;
    this.at = at + 1;
  }
}
