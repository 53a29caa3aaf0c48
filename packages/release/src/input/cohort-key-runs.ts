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
const BACKSLASH = 0x5c;
const CR = 0x0d;
const LF = 0x0a;
const CHUNK = 1 << 20;
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const OPEN_UPN = ascii('{"upn":"');
const OPEN_ULN = ascii('{"uln":"');
const THEN_ULN = ascii('","uln":"');
const THEN_UPN = ascii('","upn":"');

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
    // (a stream's reads) waits for a core, which cost more wall time than deciding the chunk.
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      const bytes = carried ? Buffer.concat([carried, chunk]) : chunk;
      const from = afterCr && bytes[0] === LF ? 1 : 0;
      afterCr = false;
      const run = new RunBuilder(bytes, path);
      let start = from;
      // Line ends found natively (memchr); a CR, rare in a cohort file, is looked for once per chunk
      // until there is none left.
      let cr = bytes.indexOf(CR, from);
      for (;;) {
        const lf = bytes.indexOf(LF, start);
        let i = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
        if (i < 0) break;
        run.line(start, i, ++line);
        if (i === cr) {
          if (i + 1 === bytes.length) afterCr = true;
          else if (bytes[i + 1] === LF) i++;
          cr = bytes.indexOf(CR, i + 1);
        }
        start = i + 1;
      }
      carried = start < bytes.length ? Buffer.from(bytes.subarray(start)) : undefined;
      if (run.size > 0) yield run.done();
    }
    if (carried) {
      const run = new RunBuilder(carried, path);
      run.line(0, carried.length, ++line);
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

  constructor(
    private readonly bytes: Buffer,
    private readonly path: string,
  ) {
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

  /** Line `n`, bytes [start, end). */
  line(start: number, end: number, n: number): void {
    if (this.#plain(start, end)) return;
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

  /** Records the line's keys when it is in the plain form; false when it must be read as text. */
  #plain(start: number, end: number): boolean {
    const b = this.bytes;
    const first = startsWith(b, start, end, OPEN_UPN)
      ? 'upn'
      : startsWith(b, start, end, OPEN_ULN)
        ? 'uln'
        : undefined;
    if (!first) return false;
    const valueAt = start + OPEN_UPN.length;
    const valueEnd = valueEndAt(b, valueAt, end);
    if (valueEnd === valueAt || valueEnd + 1 >= end || b[valueEnd] !== QUOTE) return false;
    let second: { at: number; end: number } | undefined;
    if (valueEnd + 2 !== end || b[valueEnd + 1] !== 0x7d) {
      if (!startsWith(b, valueEnd, end, first === 'upn' ? THEN_ULN : THEN_UPN)) return false;
      const at = valueEnd + THEN_ULN.length;
      const secondEnd = valueEndAt(b, at, end);
      if (secondEnd === at || secondEnd + 2 !== end || b[secondEnd] !== QUOTE || b[secondEnd + 1] !== 0x7d)
        return false;
      second = { at, end: secondEnd };
    }
    if (this.count === this.#upnStart.length) this.#grow();
    const i = this.count++;
    const upn = first === 'upn' ? { at: valueAt, end: valueEnd } : second;
    const uln = first === 'uln' ? { at: valueAt, end: valueEnd } : second;
    this.#upnStart[i] = upn ? upn.at : -1;
    this.#upnEnd[i] = upn ? upn.end : -1;
    this.#ulnStart[i] = uln ? uln.at : -1;
    this.#ulnEnd[i] = uln ? uln.end : -1;
    return true;
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

function startsWith(bytes: Uint8Array, at: number, end: number, literal: Uint8Array): boolean {
  if (at + literal.length > end) return false;
  for (let i = 0; i < literal.length; i++) if (bytes[at + i] !== literal[i]) return false;
  return true;
}

/** Where a value that is printable ASCII without quote or backslash ends (the first other byte). */
function valueEndAt(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i < end) {
    const c = bytes[i]!;
    if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) break;
    i++;
  }
  return i;
}
