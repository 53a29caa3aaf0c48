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

/** A run of index keys, each with the subject it names. */
export interface KeyChunk {
  keys: readonly string[];
  subjects: readonly number[];
}

/** A run of subjects' compact rows (see IndexEntry). */
export interface SubjectChunk {
  subjects: readonly number[];
  notShared: readonly number[];
  stated: readonly number[];
  settledFrom: readonly number[];
  /** False when the resolver refused the history: such a subject is always resolved again. */
  exact: readonly boolean[];
}

/**
 * Where a snapshot reads the index from: every key and subject row written after `since` (undefined:
 * all of them), handed over in chunks; resolves to the watermark to read from next time. A backend
 * must never hand back a watermark past a row that commits later (see each backend's `changed`).
 */
export interface SnapshotSource {
  read(
    since: unknown,
    sink: { keys(chunk: KeyChunk): void; subjects(chunk: SubjectChunk): void },
  ): Promise<unknown>;
}

/** find(): the member names no subject the index holds: no statement, every purpose its default. */
export const NO_STATEMENTS = 0;
/** find(): the compact form cannot say; resolve this member exactly (PreferenceIndex.resolve). */
export const RESOLVE_EXACTLY = -1;

const EMPTY = 0;
const EXACT = 1;
const REFUSED = 2;

/**
 * The whole index in this process's memory, a few bytes a subject and no object per subject: UPNs and
 * ULNs packed into doubles in an open-addressing hash table (key → subject id), and per subject id two
 * bitmasks (purposes not shared, purposes stated) and the time from which they hold. At 28 million
 * subjects and 36 million keys that is about 1.2 GB. `refresh()` reads only what changed since the
 * last read, so a distributor keeps it current before each release at the cost of the changes.
 */
export class PreferenceSnapshot implements CompactIndex {
  #codes = new Float64Array(1 << 16);
  #slots = new Uint32Array(1 << 16);
  #mask = (1 << 16) - 1;
  #size = 0;
  /** Keys not in the schema's UPN/ULN form (a store fed without validation). */
  readonly #odd = new Map<string, number>();
  #notShared: Uint16Array | Uint32Array;
  #stated: Uint16Array | Uint32Array;
  #settled = new Float64Array(1024);
  #state = new Uint8Array(1024);
  #subjects = 0;
  #watermark: unknown;
  #loaded = false;

  constructor(
    private readonly source: SnapshotSource,
    /** Purposes in the catalogue the index is built for: more than 16 needs wider masks. */
    purposes: number,
  ) {
    const Mask = purposes > 16 ? Uint32Array : Uint16Array;
    this.#notShared = new Mask(1024);
    this.#stated = new Mask(1024);
  }

  /** Subjects held. */
  get subjects(): number {
    return this.#subjects;
  }

  /** Bytes of typed arrays held (what the snapshot costs in memory). */
  get bytes(): number {
    return (
      this.#codes.byteLength +
      this.#slots.byteLength +
      this.#notShared.byteLength +
      this.#stated.byteLength +
      this.#settled.byteLength +
      this.#state.byteLength
    );
  }

  /** Reads what changed in the index since the last read (everything, the first time). */
  async refresh(): Promise<void> {
    this.#watermark = await this.source.read(this.#loaded ? this.#watermark : undefined, {
      keys: (chunk) => {
        for (let i = 0; i < chunk.keys.length; i++) this.#setKey(chunk.keys[i]!, chunk.subjects[i]!);
      },
      subjects: (chunk) => {
        for (let i = 0; i < chunk.subjects.length; i++) {
          const id = chunk.subjects[i]!;
          this.#ensureSubject(id);
          if (this.#state[id] === EMPTY) this.#subjects++;
          this.#notShared[id] = chunk.notShared[i]!;
          this.#stated[id] = chunk.stated[i]!;
          this.#settled[id] = chunk.settledFrom[i]!;
          this.#state[id] = chunk.exact[i] ? EXACT : REFUSED;
        }
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
    const byUpn = member.upn === undefined ? 0 : this.#get(upnCode(member.upn), member.upn, upnKey);
    const byUln = member.uln === undefined ? 0 : this.#get(ulnCode(member.uln), member.uln, ulnKey);
    return this.#decides(byUpn, byUln, asOfMs);
  }

  /** find() once each key has been looked up: the subject each names (0, none). */
  #decides(byUpn: number, byUln: number, asOfMs: number): number {
    if (byUpn !== 0 && byUln !== 0 && byUpn !== byUln) return RESOLVE_EXACTLY;
    const id = byUpn || byUln;
    if (id === 0) return NO_STATEMENTS;
    // A key whose subject row has not been read yet (a merge in flight between the two reads) cannot say.
    if (this.#state[id] !== EXACT || !(asOfMs >= this.#settled[id]!)) return RESOLVE_EXACTLY;
    return id;
  }

  /** find() for a batch, in the form the database's compact() gives. */
  compact(
    members: readonly { upn?: string | undefined; uln?: string | undefined }[],
    asOfMs: number,
  ): CompactRows {
    const rows = compactRows(members.length);
    for (let i = 0; i < members.length; i++) {
      this.#answer(rows, i, this.find(members[i]!, asOfMs));
    }
    return rows;
  }

  /**
   * compact() for members given as the places of their keys in bytes: each key's code is read from its
   * bytes, so a national cohort costs no string and no object per member.
   */
  compactAt(members: KeyPositions, asOfMs: number): CompactRows {
    const { bytes, upnStart, upnEnd, ulnStart, ulnEnd } = members;
    const rows = compactRows(members.count);
    // Only a key not in the national form (looked up by its text in a Map) costs a string.
    const text = (start: number, end: number) =>
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', start, end);
    for (let i = 0; i < members.count; i++) {
      let byUpn = 0;
      let byUln = 0;
      const u = upnStart[i]!;
      if (u >= 0) {
        const code = upnCodeInBytes(bytes, u, upnEnd[i]!);
        byUpn = code >= 0 ? this.#get(code, '', upnKey) : this.#get(-1, text(u, upnEnd[i]!), upnKey);
      }
      const l = ulnStart[i]!;
      if (l >= 0) {
        const code = ulnCodeInBytes(bytes, l, ulnEnd[i]!);
        byUln = code >= 0 ? this.#get(code, '', ulnKey) : this.#get(-1, text(l, ulnEnd[i]!), ulnKey);
      }
      this.#answer(rows, i, this.#decides(byUpn, byUln, asOfMs));
    }
    return rows;
  }

  #answer(rows: CompactRows, i: number, id: number): void {
    rows.found[i] = id;
    if (id > 0) {
      rows.notShared[i] = this.#notShared[id]!;
      rows.stated[i] = this.#stated[id]!;
    }
  }

  notShared(subject: number): number {
    return this.#notShared[subject]!;
  }

  stated(subject: number): number {
    return this.#stated[subject]!;
  }

  #get(code: number, value: string, key: (value: string) => string): number {
    if (code < 0) return this.#odd.get(key(value)) ?? 0;
    const stored = code + 1;
    for (let i = hash(code) & this.#mask; ; i = (i + 1) & this.#mask) {
      const at = this.#codes[i]!;
      if (at === stored) return this.#slots[i]!;
      if (at === 0) return 0;
    }
  }

  #setKey(key: string, subject: number): void {
    const code = nationalKeyCode(key);
    if (code < 0) {
      // Local ids never reach a cohort; only a malformed national key needs the Map.
      if (key.startsWith('upn:') || key.startsWith('uln:')) this.#odd.set(key, subject);
      return;
    }
    if ((this.#size + 1) * 4 > (this.#mask + 1) * 3) this.#grow();
    this.#put(code + 1, subject);
  }

  #put(stored: number, subject: number): void {
    for (let i = hash(stored - 1) & this.#mask; ; i = (i + 1) & this.#mask) {
      const at = this.#codes[i]!;
      if (at === stored) {
        this.#slots[i] = subject;
        return;
      }
      if (at === 0) {
        this.#codes[i] = stored;
        this.#slots[i] = subject;
        this.#size++;
        return;
      }
    }
  }

  #grow(): void {
    const codes = this.#codes;
    const slots = this.#slots;
    const capacity = codes.length * 2;
    this.#codes = new Float64Array(capacity);
    this.#slots = new Uint32Array(capacity);
    this.#mask = capacity - 1;
    this.#size = 0;
    for (let i = 0; i < codes.length; i++) if (codes[i] !== 0) this.#put(codes[i]!, slots[i]!);
  }

  #ensureSubject(id: number): void {
    if (id < this.#state.length) return;
    let length = this.#state.length;
    while (length <= id) length *= 2;
    const grow = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(length);
      b.set(a);
      return b;
    };
    this.#notShared = grow(this.#notShared);
    this.#stated = grow(this.#stated);
    this.#settled = grow(this.#settled);
    this.#state = grow(this.#state);
  }
}

/** A double holding a whole number below 2^53, mixed into 32 bits. */
function hash(code: number): number {
  const lo = code % 4294967296;
  const hi = (code - lo) / 4294967296;
  let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca77), 0x9e3779b1);
  h ^= h >>> 15;
  return h >>> 0;
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
