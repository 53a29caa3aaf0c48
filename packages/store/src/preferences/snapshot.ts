import type { CompactIndex, CompactRows, KeyPositions } from '../ports/preferences.js';
import {
  nationalKeyCode,
  ulnCode,
  ulnCodeInBytes,
  ulnKey,
  upnCode,
  upnCodeInBytes,
  upnKey,
} from './subject-keys.js';

/**
 * What a snapshot is fed, one row at a time (no chunk of strings or objects between the database and
 * the typed arrays): first how much to make room for, then every national key and subject row.
 */
export interface SnapshotSink {
  /**
   * About how many keys and how high a subject id will follow (a count taken in the same read; an
   * estimate is fine, the arrays grow if it was short): room is made once, not by doubling.
   */
  expect(sizes: { keys: number; maxSubject: number }): void;
  /** Index key `key` (only `upn:…` and `uln:…` are needed: a cohort names no local id) names `subject`. */
  key(key: string, subject: number): void;
  /** A subject's compact row (see IndexEntry); `exact` is false when the resolver refused the history. */
  subject(id: number, notShared: number, stated: number, settledFrom: number, exact: boolean): void;
}

/**
 * Where a snapshot reads the index from: every key and subject row written after `since` (undefined:
 * all of them), handed to the sink; resolves to the watermark to read from next time. A backend must
 * never hand back a watermark past a row that commits later (see each backend's `changed`).
 */
export interface SnapshotSource {
  read(since: unknown, sink: SnapshotSink): Promise<unknown>;
}

/** find(): the member names no subject the index holds: no statement, every purpose its default. */
export const NO_STATEMENTS = 0;
/** find(): the compact form cannot say; resolve this member exactly (PreferenceIndex.resolve). */
export const RESOLVE_EXACTLY = -1;

/** Key slots are three 32-bit words: the key's code (low, high) and its subject (0: the slot is free). */
const SLOT = 3;
/** Keys per slot the table is sized for when the count is known, and the most it holds before growing. */
const SIZED_LOAD = 0.7;
const MAX_LOAD = 0.8;
/** Subject rows are 16 bytes: the time they hold from (a double), then the two bitmasks. */
const ROW_BYTES = 16;
/** In a row's `settledFrom` place: a subject whose row has not been read (NaN) or was refused. */
const UNREAD = Number.NaN;
const REFUSED = Number.POSITIVE_INFINITY;
const TWO_32 = 4294967296;
/**
 * Members compactAt takes through its loops at a time: enough reads in flight to cover main memory's
 * latency, few enough that what they bring in (two slots and a row each) is still in the cache when used.
 */
const BLOCK = 512;

/**
 * The whole index in this process's memory, in a few flat typed arrays and no object per subject or
 * key: UPNs and ULNs as exact codes (see nationalKeyCode) in an open-addressing table of 12-byte slots
 * (code and subject side by side, so a lookup touches one cache line), and per subject id one 16-byte
 * row (the time from which it holds, then the purposes not shared and the purposes stated, bit i for
 * catalogue purpose i), so a member's answer costs two memory reads. Sized once from the counts the
 * source gives: at 28 million subjects and 31 million national keys about 1 GB. `refresh()` reads
 * only what changed since the last read, so a distributor keeps it current before each release at the
 * cost of the changes.
 */
export class PreferenceSnapshot implements CompactIndex {
  #slots = new Uint32Array(SLOT * 1024);
  #capacity = 1024;
  #size = 0;
  /** Keys not in the schema's UPN/ULN form (a store fed without validation). */
  readonly #odd = new Map<string, number>();
  #rows = new ArrayBuffer(ROW_BYTES * 1024);
  #settled = unread(new Float64Array(this.#rows), 0);
  #bits = new Uint32Array(this.#rows);
  #subjects = 0;
  #watermark: unknown;
  #loaded = false;
  /** Per-member scratch for compactAt: each member's key codes, then the subject its ULN names. */
  #upnCodes = new Float64Array(0);
  #ulnCodes = new Float64Array(0);
  #byUln = new Int32Array(0);
  /** Per-block scratch for compactAt: each key's home slot (-1: no national code to look up). */
  readonly #homes = new Int32Array(2 * BLOCK);
  /** What the touching loops read, kept so the compiler cannot drop those reads as unused. */
  #touched = 0;

  constructor(
    private readonly source: SnapshotSource,
    /** Purposes in the catalogue the index is built for: bit i of a 32-bit mask is purpose i. */
    purposes: number,
  ) {
    if (purposes > 32) throw new RangeError(`a snapshot holds at most 32 purposes, not ${purposes}`);
  }

  /** Subjects held. */
  get subjects(): number {
    return this.#subjects;
  }

  /** Bytes of typed arrays held (what the snapshot costs in memory). */
  get bytes(): number {
    return this.#slots.byteLength + this.#rows.byteLength;
  }

  /** Reads what changed in the index since the last read (everything, the first time). */
  async refresh(): Promise<void> {
    this.#watermark = await this.source.read(this.#loaded ? this.#watermark : undefined, {
      expect: ({ keys, maxSubject }) => {
        this.#reserveKeys(this.#size + keys);
        this.#reserveSubjects(maxSubject, true);
      },
      key: (key, subject) => this.#setKey(key, subject),
      subject: (id, notShared, stated, settledFrom, exact) => {
        this.#reserveSubjects(id, false);
        if (Number.isNaN(this.#settled[2 * id]!)) this.#subjects++;
        // A refused history never answers from its bits; neither does a time that is no instant.
        this.#settled[2 * id] = exact && !Number.isNaN(settledFrom) ? settledFrom : REFUSED;
        this.#bits[4 * id + 2] = notShared;
        this.#bits[4 * id + 3] = stated;
      },
    });
    this.#loaded = true;
  }

  /**
   * Which subject decides for a cohort member at `asOfMs` (epoch ms): a subject id (read its
   * `notShared`/`stated`), NO_STATEMENTS, or RESOLVE_EXACTLY when the compact form cannot say (the
   * member's UPN and ULN name two subjects, the time is before the subject's latest statement, or the
   * resolver refused the history).
   */
  find(member: { upn?: string | undefined; uln?: string | undefined }, asOfMs: number): number {
    const byUpn = member.upn === undefined ? 0 : this.#byText(upnCode(member.upn), member.upn, upnKey);
    const byUln = member.uln === undefined ? 0 : this.#byText(ulnCode(member.uln), member.uln, ulnKey);
    return this.#decides(byUpn, byUln, asOfMs);
  }

  /** find() once each key has been looked up: the subject each names (0, none). */
  #decides(byUpn: number, byUln: number, asOfMs: number): number {
    if (byUpn !== 0 && byUln !== 0 && byUpn !== byUln) return RESOLVE_EXACTLY;
    const id = byUpn || byUln;
    if (id === 0) return NO_STATEMENTS;
    // A key whose subject row has not been read yet (a merge in flight between the two reads), a
    // refused history and a time before the latest statement cannot say (NaN and Infinity compare so).
    if (!(asOfMs >= this.#settled[2 * id]!)) return RESOLVE_EXACTLY;
    return id;
  }

  /** find() for a batch, in the form the database's compact() gives. */
  compact(
    members: readonly { upn?: string | undefined; uln?: string | undefined }[],
    asOfMs: number,
  ): CompactRows {
    const rows = compactRows(members.length);
    for (let i = 0; i < members.length; i++) this.#answer(rows, i, this.find(members[i]!, asOfMs));
    return rows;
  }

  /**
   * compact() for members given as the places of their keys in bytes: each key's code is read from its
   * bytes, so a national cohort costs no string and no object per member. At national size the table
   * and the rows are far bigger than the caches, and each member costs three reads from main memory
   * (its UPN's slot, its ULN's slot, its subject's row): one at a time that is most of the time taken.
   * So a block of members at a time goes through small loops that only compute addresses and touch
   * them (many reads in flight at once, nothing waits on one), and then the loops that use what was
   * read find it in the cache. `into` (at least `members.count` long) is written instead of new arrays.
   */
  compactAt(members: KeyPositions, asOfMs: number, into?: CompactRows): CompactRows {
    const { count } = members;
    const rows = into ?? compactRows(count);
    if (this.#byUln.length < count) {
      const room = Math.max(count, 2 * this.#byUln.length);
      this.#upnCodes = new Float64Array(room);
      this.#ulnCodes = new Float64Array(room);
      this.#byUln = new Int32Array(room);
    }
    // One loop a method: a cold process compiles each loop on its own as it gets hot, and compiled
    // code for one loop never runs into another it has no feedback for (and throws itself away).
    this.#codesOf(members);
    for (let from = 0; from < count; from += BLOCK) {
      const to = Math.min(count, from + BLOCK);
      this.#homesOf(from, to);
      this.#touchSlots(2 * (to - from));
      this.#slotsOf(members, rows.found, from, to);
      this.#touchRows(rows.found, from, to);
      this.#rowsOf(rows, from, to, asOfMs);
    }
    return rows;
  }

  /** Each member's key codes (-1: no such key, or one not in the national form). */
  #codesOf(members: KeyPositions): void {
    const { bytes, count, upnStart, upnEnd, ulnStart, ulnEnd } = members;
    const upnCodes = this.#upnCodes;
    const ulnCodes = this.#ulnCodes;
    for (let i = 0; i < count; i++) {
      const u = upnStart[i]!;
      upnCodes[i] = u < 0 ? -1 : upnCodeInBytes(bytes, u, upnEnd[i]!);
      const l = ulnStart[i]!;
      ulnCodes[i] = l < 0 ? -1 : ulnCodeInBytes(bytes, l, ulnEnd[i]!);
    }
  }

  /** Each key's home slot in the block (into #homes; -1: none to look up). */
  #homesOf(from: number, to: number): void {
    const upnCodes = this.#upnCodes;
    const ulnCodes = this.#ulnCodes;
    const homes = this.#homes;
    const capacity = this.#capacity;
    for (let i = from, at = 0; i < to; i++, at += 2) {
      const u = upnCodes[i]!;
      homes[at] = u < 0 ? -1 : homeOf(u, capacity);
      const l = ulnCodes[i]!;
      homes[at + 1] = l < 0 ? -1 : homeOf(l, capacity);
    }
  }

  /**
   * Reads each home slot once, so it is in the cache when probed: a loop of nothing but independent
   * reads, so the processor has many of them in flight at once (with the hashing in the same loop it
   * had about a third as many).
   */
  #touchSlots(keys: number): void {
    const homes = this.#homes;
    const slots = this.#slots;
    let touched = 0;
    for (let at = 0; at < keys; at++) {
      const home = homes[at]!;
      // Both ends of the slot: one in eight lies across two cache lines, and the probe reads both.
      if (home >= 0) touched ^= slots[SLOT * home]! ^ slots[SLOT * home + 2]!;
    }
    this.#touched ^= touched;
  }

  /** The subject each member's UPN names (into `byUpn`) and its ULN names (0: none), from #homes. */
  #slotsOf(members: KeyPositions, byUpn: Int32Array, from: number, to: number): void {
    const { upnStart, ulnStart } = members;
    const upnCodes = this.#upnCodes;
    const ulnCodes = this.#ulnCodes;
    const byUln = this.#byUln;
    const homes = this.#homes;
    for (let i = from, at = 0; i < to; i++, at += 2) {
      const hu = homes[at]!;
      byUpn[i] =
        hu >= 0 ? this.#probe(upnCodes[i]!, hu) : upnStart[i]! < 0 ? 0 : this.#oddKey(members, i, true);
      const hl = homes[at + 1]!;
      byUln[i] =
        hl >= 0 ? this.#probe(ulnCodes[i]!, hl) : ulnStart[i]! < 0 ? 0 : this.#oddKey(members, i, false);
    }
  }

  /** The row of the subject each member of the block names, read once so it is in the cache. */
  #touchRows(byUpn: Int32Array, from: number, to: number): void {
    const byUln = this.#byUln;
    const bits = this.#bits;
    let touched = 0;
    for (let i = from; i < to; i++) touched ^= bits[4 * (byUpn[i]! || byUln[i]!) + 2]!;
    this.#touched ^= touched;
  }

  /** Each member's answer from the subjects its keys name (`rows.found` holds its UPN's on entry). */
  #rowsOf(rows: CompactRows, from: number, to: number, asOfMs: number): void {
    const byUln = this.#byUln;
    for (let i = from; i < to; i++) this.#answer(rows, i, this.#decides(rows.found[i]!, byUln[i]!, asOfMs));
  }

  /** A key not in the national form, looked up by its text (only a store fed without validation has one). */
  #oddKey(members: KeyPositions, i: number, upn: boolean): number {
    const { bytes } = members;
    const [start, end] = upn
      ? [members.upnStart[i]!, members.upnEnd[i]!]
      : [members.ulnStart[i]!, members.ulnEnd[i]!];
    const value = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(
      'latin1',
      start,
      end,
    );
    return this.#odd.get(upn ? upnKey(value) : ulnKey(value)) ?? 0;
  }

  #answer(rows: CompactRows, i: number, id: number): void {
    rows.found[i] = id;
    if (id > 0) {
      rows.notShared[i] = this.#bits[4 * id + 2]!;
      rows.stated[i] = this.#bits[4 * id + 3]!;
    } else {
      rows.notShared[i] = 0;
      rows.stated[i] = 0;
    }
  }

  notShared(subject: number): number {
    return this.#bits[4 * subject + 2]!;
  }

  stated(subject: number): number {
    return this.#bits[4 * subject + 3]!;
  }

  #byText(code: number, value: string, key: (value: string) => string): number {
    return code < 0 ? (this.#odd.get(key(value)) ?? 0) : this.#lookUp(code);
  }

  /** The subject a national key's code names (0: none). */
  #lookUp(code: number): number {
    return this.#probe(code, homeOf(code, this.#capacity));
  }

  /** #lookUp from the key's home slot on. */
  #probe(code: number, from: number): number {
    const hi = Math.floor(code / TWO_32);
    const lo = code - hi * TWO_32;
    const slots = this.#slots;
    const capacity = this.#capacity;
    for (let i = from; ; ) {
      const at = SLOT * i;
      const subject = slots[at + 2]!;
      if (subject === 0 || (slots[at] === lo && slots[at + 1] === hi)) return subject;
      if (++i === capacity) i = 0;
    }
  }

  #setKey(key: string, subject: number): void {
    const code = nationalKeyCode(key);
    if (code < 0) {
      // Local ids never reach a cohort; only a malformed national key needs the Map.
      if (key.startsWith('upn:') || key.startsWith('uln:')) this.#odd.set(key, subject);
      return;
    }
    if (this.#size + 1 > this.#capacity * MAX_LOAD) this.#reserveKeys(2 * this.#size);
    this.#put(code, subject);
  }

  #put(code: number, subject: number): void {
    const hi = Math.floor(code / TWO_32);
    const lo = code - hi * TWO_32;
    const slots = this.#slots;
    for (let i = homeOf(code, this.#capacity); ; ) {
      const at = SLOT * i;
      if (slots[at + 2] === 0) {
        slots[at] = lo;
        slots[at + 1] = hi;
        slots[at + 2] = subject;
        this.#size++;
        return;
      }
      if (slots[at] === lo && slots[at + 1] === hi) {
        slots[at + 2] = subject;
        return;
      }
      if (++i === this.#capacity) i = 0;
    }
  }

  /** Room for `keys` keys at the sized load: the table is made again, once, if it has less. */
  #reserveKeys(keys: number): void {
    const capacity = Math.max(1024, Math.ceil(keys / SIZED_LOAD));
    if (capacity <= this.#capacity && keys <= this.#capacity * MAX_LOAD) return;
    const old = this.#slots;
    this.#slots = new Uint32Array(SLOT * capacity);
    this.#capacity = capacity;
    this.#size = 0;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] !== 0) this.#put(old[at + 1]! * TWO_32 + old[at]!, old[at + 2]!);
    }
  }

  /** Rows for subject ids up to `maxSubject`: just so many when the source said so, else half again. */
  #reserveSubjects(maxSubject: number, asSaid: boolean): void {
    const have = this.#rows.byteLength / ROW_BYTES;
    if (maxSubject < have) return;
    const length = Math.max(maxSubject + 1, asSaid ? 0 : Math.ceil(have * 1.5));
    const rows = new ArrayBuffer(ROW_BYTES * length);
    new Uint8Array(rows).set(new Uint8Array(this.#rows));
    this.#rows = rows;
    this.#settled = unread(new Float64Array(rows), have);
    this.#bits = new Uint32Array(rows);
  }
}

/** Rows from `from` on marked unread (their masks stay 0). */
function unread(settled: Float64Array, from: number): Float64Array {
  for (let i = 2 * from; i < settled.length; i += 2) settled[i] = UNREAD;
  return settled;
}

/** A key's home slot: its code (low and high words) mixed into 32 bits, scaled onto the table. */
function homeOf(code: number, capacity: number): number {
  const hi = Math.floor(code / TWO_32);
  const lo = code - hi * TWO_32;
  let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca77), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  // (h / 2^32) * capacity, below capacity: no division and any capacity, not only powers of two.
  return Math.floor(((h >>> 0) * capacity) / TWO_32);
}

export function compactRows(n: number): CompactRows {
  return { found: new Int32Array(n), notShared: new Uint32Array(n), stated: new Uint32Array(n) };
}

/**
 * One member's compact answer from the subject each of its keys names (0 for a key naming none) and
 * those subjects' rows: the rule find() applies, for rows read from the database.
 */
export function compactAnswer(
  subjects: readonly number[],
  row: (subject: number) => { settledFrom: number; exact: boolean } | undefined,
  asOfMs: number,
): number {
  let id = 0;
  for (const s of subjects) {
    if (s === 0) continue;
    if (id !== 0 && id !== s) return RESOLVE_EXACTLY;
    id = s;
  }
  if (id === 0) return NO_STATEMENTS;
  const r = row(id);
  if (!r?.exact || !(asOfMs >= r.settledFrom)) return RESOLVE_EXACTLY;
  return id;
}
