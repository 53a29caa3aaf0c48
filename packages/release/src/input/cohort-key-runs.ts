import { closeSync, openSync, readSync } from 'node:fs';
import type { SubjectKey } from '@reuse-pref/schema';
import { cohortKeyOfLine } from './cohort-file.js';

/**
 * Cohort members as the places of their keys in a run of the file's bytes: member i's UPN is bytes
 * [upnStart[i], upnEnd[i]) (ASCII), absent when upnStart[i] is -1, and likewise its ULN. Lines not in
 * the plain form are read as readCohortKeys reads them and come as `others`. For counting: the members
 * of a run are the positional ones and the others, not in file order.
 */
export interface CohortKeyRun {
  readonly bytes: Uint8Array;
  readonly count: number;
  readonly upnStart: Int32Array;
  readonly upnEnd: Int32Array;
  readonly ulnStart: Int32Array;
  readonly ulnEnd: Int32Array;
  readonly others: readonly SubjectKey[];
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BRACE = 0x7b;
const CLOSE = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;
const U = 0x75;
const P = 0x70;
const L = 0x6c;
const N = 0x6e;
const CHUNK = 1 << 20;
/** Bytes a plain value may hold: printable ASCII but the quote and the backslash. */
const VALUE_BYTE = (() => {
  const table = new Uint8Array(256);
  for (let c = 0x20; c <= 0x7e; c++) if (c !== QUOTE && c !== 0x5c) table[c] = 1;
  return table;
})();

/**
 * The cohort file of readCohortKeys (the same lines accepted, the same refused with the same line
 * number), read as bytes: a line in the form writers emit (`{"upn":"..."}`, `{"uln":"..."}` or both,
 * printable ASCII values without quote or backslash) becomes the places of its keys, with no string and
 * no object made, so a snapshot of the index decides a national cohort at about the speed of reading it.
 * Anything else is decoded and read line by line as readCohortKeys does.
 */
export async function* readCohortKeyRuns(path: string): AsyncGenerator<CohortKeyRun> {
  const fd = openSync(path, 'r');
  let carried: Buffer | undefined;
  let line = 0;
  // A CR that ended the last chunk: an LF opening the next one belongs to it (readline's CRLF).
  let afterCr = false;
  try {
    // Read in place, a megabyte at a time: on a busy machine each hop through libuv's thread pool
    // (a stream's reads) waits for a core, which cost more wall time than deciding the chunk. The
    // unfinished line of the last chunk is copied to the front, and the next megabyte read after it.
    for (let done = false; !done; ) {
      const kept = carried?.length ?? 0;
      let bytes = Buffer.allocUnsafe(kept + CHUNK);
      if (carried) carried.copy(bytes, 0);
      const read = readSync(fd, bytes, kept, CHUNK, null);
      if (read > 0) bytes = bytes.subarray(0, kept + read);
      else if (carried) {
        // The last line has no end: it ends with the file, as if a line feed followed.
        bytes[kept] = LF;
        bytes = bytes.subarray(0, kept + 1);
        done = true;
      } else break;
      const from = afterCr && bytes[0] === LF ? 1 : 0;
      const run = new RunBuilder(bytes, path, line);
      const start = run.scan(from);
      line = run.lines;
      afterCr = run.afterCr;
      carried = start < bytes.length ? bytes.subarray(start) : undefined;
      if (run.size > 0) yield run.done();
    }
  } finally {
    closeSync(fd);
  }
}

/** Every member of a run as a key object (for a gate that cannot read places in bytes). */
export function keysOfRun(run: CohortKeyRun): SubjectKey[] {
  const keys: SubjectKey[] = [];
  for (let i = 0; i < run.count; i++) keys.push(keyOfRun(run, i));
  return keys.concat(run.others);
}

/** The positional member i of a run as a key object. */
export function keyOfRun(run: CohortKeyRun, i: number): SubjectKey {
  const text = Buffer.from(run.bytes.buffer, run.bytes.byteOffset, run.bytes.byteLength);
  const key: { upn?: string; uln?: string } = {};
  if (run.upnStart[i]! >= 0) key.upn = text.toString('latin1', run.upnStart[i], run.upnEnd[i]);
  if (run.ulnStart[i]! >= 0) key.uln = text.toString('latin1', run.ulnStart[i], run.ulnEnd[i]);
  return key as SubjectKey;
}

export function isCohortKeyRun(batch: unknown): batch is CohortKeyRun {
  return !Array.isArray(batch) && typeof (batch as CohortKeyRun).count === 'number';
}

class RunBuilder {
  count = 0;
  #upnStart: Int32Array;
  #upnEnd: Int32Array;
  #ulnStart: Int32Array;
  #ulnEnd: Int32Array;
  readonly #others: SubjectKey[] = [];

  /** Lines read so far in the file (this run's included), for the line numbers of refusals. */
  lines: number;
  /** The run's bytes end with a CR: an LF opening the next run belongs to it (readline's CRLF). */
  afterCr = false;

  constructor(
    private readonly bytes: Buffer,
    private readonly path: string,
    linesBefore: number,
  ) {
    this.lines = linesBefore;
    // Lines are at least 12 bytes in the plain form; grown when a file holds shorter ones.
    const guess = Math.max(16, Math.ceil(bytes.length / 24));
    this.#upnStart = new Int32Array(guess);
    this.#upnEnd = new Int32Array(guess);
    this.#ulnStart = new Int32Array(guess);
    this.#ulnEnd = new Int32Array(guess);
  }

  get size(): number {
    return this.count + this.#others.length;
  }

  /**
   * Every whole line from `from` on; returns where the unfinished last line starts (the length when
   * there is none). A method of its own with a plain loop, so a cold process compiles it once, small,
   * instead of the generator around it.
   */
  scan(from: number): number {
    const bytes = this.bytes;
    let start = from;
    // A CR, rare in a cohort file, is looked for natively only when a line is read as text.
    let cr = -2;
    while (start < bytes.length) {
      // A plain line is read where it lies, and its end found on the way.
      let i = this.plain(start);
      if (i >= 0) this.lines++;
      else {
        const lf = bytes.indexOf(LF, start);
        if (cr !== -1 && cr < start) cr = bytes.indexOf(CR, start);
        i = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
        if (i < 0) break;
        this.line(start, i, ++this.lines);
      }
      if (bytes[i] === CR) {
        if (i + 1 === bytes.length) this.afterCr = true;
        else if (bytes[i + 1] === LF) i++;
      }
      start = i + 1;
    }
    return start;
  }

  /** Line `n`, bytes [start, end), read as text (not in the plain form). */
  line(start: number, end: number, n: number): void {
    const key = cohortKeyOfLine(this.bytes.toString('utf8', start, end), this.path, n);
    if (key) this.#others.push(key);
  }

  done(): CohortKeyRun {
    return {
      bytes: this.bytes,
      count: this.count,
      upnStart: this.#upnStart,
      upnEnd: this.#upnEnd,
      ulnStart: this.#ulnStart,
      ulnEnd: this.#ulnEnd,
      others: this.#others,
    };
  }

  /**
   * Records the line at `start` when it is in the plain form and its end (LF or CR) is in these bytes,
   * and returns where that end is; -1 when the line must be read as text (or ends in a later chunk).
   * Byte by byte against the plain forms' fixed parts, with nothing made.
   */
  plain(start: number): number {
    const b = this.bytes;
    const n = b.length;
    if (start + 8 >= n) return -1;
    const first = b[start + 3]!;
    if (
      b[start] !== BRACE ||
      b[start + 1] !== QUOTE ||
      b[start + 2] !== U ||
      (first !== P && first !== L) ||
      b[start + 4] !== N ||
      b[start + 5] !== QUOTE ||
      b[start + 6] !== COLON ||
      b[start + 7] !== QUOTE
    )
      return -1;
    const at = start + 8;
    const end = valueEndAt(b, at, n);
    if (end === at || end + 1 >= n || b[end] !== QUOTE) return -1;
    let secondAt = -1;
    let secondEnd = -1;
    let close = end + 1;
    if (b[close] !== CLOSE) {
      // `,"uln":"` after a UPN, `,"upn":"` after a ULN.
      if (
        close + 8 >= n ||
        b[close] !== COMMA ||
        b[close + 1] !== QUOTE ||
        b[close + 2] !== U ||
        b[close + 3] !== (first === P ? L : P) ||
        b[close + 4] !== N ||
        b[close + 5] !== QUOTE ||
        b[close + 6] !== COLON ||
        b[close + 7] !== QUOTE
      )
        return -1;
      secondAt = close + 8;
      secondEnd = valueEndAt(b, secondAt, n);
      if (
        secondEnd === secondAt ||
        secondEnd + 1 >= n ||
        b[secondEnd] !== QUOTE ||
        b[secondEnd + 1] !== CLOSE
      )
        return -1;
      close = secondEnd + 1;
    }
    const lineEnd = close + 1;
    if (lineEnd >= n || (b[lineEnd] !== LF && b[lineEnd] !== CR)) return -1;
    if (this.count === this.#upnStart.length) this.#grow();
    const i = this.count++;
    if (first === P) {
      this.#upnStart[i] = at;
      this.#upnEnd[i] = end;
      this.#ulnStart[i] = secondAt;
      this.#ulnEnd[i] = secondEnd;
    } else {
      this.#ulnStart[i] = at;
      this.#ulnEnd[i] = end;
      this.#upnStart[i] = secondAt;
      this.#upnEnd[i] = secondEnd;
    }
    return lineEnd;
  }

  #grow(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.#upnStart = grow(this.#upnStart);
    this.#upnEnd = grow(this.#upnEnd);
    this.#ulnStart = grow(this.#ulnStart);
    this.#ulnEnd = grow(this.#ulnEnd);
  }
}

/** Where a value that is printable ASCII without quote or backslash ends (the first other byte). */
function valueEndAt(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i < end && VALUE_BYTE[bytes[i]!] === 1) i++;
  return i;
}
