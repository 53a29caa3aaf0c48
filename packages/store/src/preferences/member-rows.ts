/**
 * The index's answer for a batch of cohort members, as one text: the database joins the members' keys
 * (memberKeysJson) to the index and aggregates the rows it finds into one string, so the answer is one
 * string in this process instead of a row object and several strings per key and per subject (the
 * driver's row parsing and the objects it made were a large part of a release's lookup). One line per
 * key the index holds, in any order (no sort in the database):
 *
 *   place TAB subject [TAB settledFrom TAB notShared TAB stated TAB dateOfBirth TAB detail]
 *
 * `place` is the key's place in the keys' JSON array (member i's keys are places 2i and 2i + 1); the
 * bracketed part is the subject's index row (see IndexEntry), absent when the subject has none: the
 * date of birth as JSON (`null` or a string), the detail as stored, empty when null. Neither can hold a
 * raw tab or line break (JSON escapes them), so the fields split on them.
 */

/** MemberRows.answer: no subject (every purpose its default), one row answers, or resolve exactly. */
export const NO_SUBJECT = 0;
export const ANSWERED = 1;
export const EXACTLY = 2;

const TAB = 0x09;
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
  // Per member, the subject and key place of its first line read (a member has at most two keys).
  const firstSubject = new Float64Array(count);
  const firstPlace = new Int32Array(count);
  const reader = new FieldReader(text);
  for (let lineStart = 0; lineStart < text.length; ) {
    // The line's end found natively; its short fields are then read in place.
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    reader.line(lineStart, lineEnd);
    const place = reader.integer();
    const subject = reader.integer();
    const member = place >> 1;
    if (!(place >= 0 && member < count)) throw new RangeError(`answer row for key ${place} of ${2 * count}`);
    if (rows.answer[member] !== NO_SUBJECT) {
      // The member's other key: the same subject says nothing new; another one (a UPN and a ULN the
      // statements never linked) means resolving both, in the order of the member's keys.
      if (subject !== firstSubject[member]) {
        const first = firstSubject[member]!;
        rows.subjectsOf.set(member, place < firstPlace[member]! ? [subject, first] : [first, subject]);
        rows.answer[member] = EXACTLY;
      }
    } else {
      firstSubject[member] = subject;
      firstPlace[member] = place;
      let answered = false;
      // Without the row's fields the subject has no index row: resolve exactly.
      if (reader.at < lineEnd) {
        const settledFrom = reader.integer();
        rows.notShared[member] = reader.integer();
        rows.stated[member] = reader.integer();
        const birthStart = reader.at;
        const birthEnd = reader.field();
        rows.birthStart[member] = birthStart;
        rows.birthEnd[member] = birthEnd;
        rows.detailStart[member] = birthEnd + 1;
        rows.detailEnd[member] = lineEnd;
        if (backslash >= 0 && backslash < lineStart) backslash = text.indexOf('\\', lineStart);
        rows.plain[member] = backslash < 0 || backslash >= lineEnd ? 1 : 0;
        answered = lineEnd > birthEnd + 1 && asOfMs >= settledFrom;
      }
      rows.answer[member] = answered ? ANSWERED : EXACTLY;
      if (!answered) rows.subjectsOf.set(member, [subject]);
    }
    lineStart = lineEnd + 1;
  }
  return rows;
}

/** Reads a line's fields in place: integers without a string each, the rest as bounds. */
class FieldReader {
  /** Where the next field starts. */
  at = 0;
  #end = 0;
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  line(start: number, end: number) {
    this.at = start;
    this.#end = end;
  }

  /** The integer at the cursor, up to a tab or the line's end; the cursor goes past it. */
  integer(): number {
    const text = this.#text;
    let at = this.at;
    const negative = text.charCodeAt(at) === MINUS;
    if (negative) at += 1;
    let value = 0;
    const first = at;
    for (; at < this.#end; at++) {
      const c = text.charCodeAt(at);
      if (c === TAB) break;
      const digit = c - 48;
      if (digit < 0 || digit > 9) throw new RangeError(`not an integer at ${at} of the answer text`);
      value = value * 10 + digit;
    }
    if (at === first) throw new RangeError(`no integer at ${at} of the answer text`);
    this.at = at + 1;
    return negative ? -value : value;
  }

  /** Skips a field that ends at a tab; returns where it ended. */
  field(): number {
    const tab = this.#text.indexOf('\t', this.at);
    if (tab < 0 || tab >= this.#end) throw new RangeError(`no field end after ${this.at} of the answer text`);
    this.at = tab + 1;
    return tab;
  }
}
