import type { Finding, Statement } from '@reuse-pref/schema';
import { conflictDigest } from './conflict-digest.js';

// 65,536 slots (1.8 MB): a school's file never grows the table; a census batch grows it a few times.
const INITIAL_SLOTS = 1 << 16;
// Hex digit values by character code; 16 marks "not a hex digit".
const HEX = new Uint8Array(128).fill(16);
for (let d = 0; d < 10; d++) HEX[0x30 + d] = d;
for (let d = 0; d < 6; d++) HEX[0x41 + d] = HEX[0x61 + d] = 10 + d;

/**
 * Remembers every statement id of one input and the content it came with, so that a second record with
 * the same id and different decision-relevant content gets `statement-id-conflict`, as the intake would
 * refuse it (validation.md). A file can hold millions of statements and validate must keep flat-ish
 * memory, so ids are kept as 128-bit numbers in an open-addressed table of typed arrays, with a 53-bit
 * digest of the content and the first line: about 60 bytes per statement, no string per id. A digest
 * collision could only hide a conflict (one chance in 2^53), never invent one.
 */
export class StatementIds {
  private slots = INITIAL_SLOTS;
  private used = 0;
  private ids = new Uint32Array(INITIAL_SLOTS * 4);
  private digests = new Float64Array(INITIAL_SLOTS);
  /** Line of the first record with the id; 0 marks a free slot (lines count from 1). */
  private lines = new Uint32Array(INITIAL_SLOTS);
  private readonly key = new Uint32Array(4);

  /** The finding for a record whose id an earlier record used with other content, or undefined. */
  check(value: unknown, line: number): Finding | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const id = (value as { id?: unknown }).id;
    // An id that is not a UUID already has its own error; it cannot be compared reliably.
    if (typeof id !== 'string' || !this.readKey(id)) return undefined;
    const digest = conflictDigest(value as Statement);
    const slot = this.find();
    const first = this.lines[slot]!;
    if (first === 0) {
      this.insert(slot, digest, line);
      return undefined;
    }
    if (this.digests[slot] === digest) return undefined;
    return {
      rule: 'statement-id-conflict',
      severity: 'error',
      pointer: '/id',
      message: `id is also used by the record at line ${first} with different content`,
    };
  }

  /** Reads a UUID's 32 hex digits (either case) into `key`; false when `id` is not a UUID's text form. */
  private readKey(id: string): boolean {
    if (id.length !== 36) return false;
    let word = 0;
    let digits = 0;
    for (let i = 0; i < 36; i++) {
      const c = id.charCodeAt(i);
      if (i === 8 || i === 13 || i === 18 || i === 23) {
        if (c !== 0x2d) return false;
        continue;
      }
      const v = HEX[c] ?? 16;
      if (v === 16) return false;
      word = (word << 4) | v;
      if (++digits % 8 === 0) {
        this.key[digits / 8 - 1] = word >>> 0;
        word = 0;
      }
    }
    return true;
  }

  /** The slot holding the current key, or the free slot where it belongs. */
  private find(): number {
    const mask = this.slots - 1;
    // Version 4 and 7 UUIDs end in random bits: the last word spreads keys well enough on its own.
    let slot = (this.key[3]! ^ this.key[0]!) & mask;
    for (;;) {
      if (this.lines[slot] === 0) return slot;
      const at = slot * 4;
      if (
        this.ids[at] === this.key[0] &&
        this.ids[at + 1] === this.key[1] &&
        this.ids[at + 2] === this.key[2] &&
        this.ids[at + 3] === this.key[3]
      ) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private insert(slot: number, digest: number, line: number): void {
    this.ids.set(this.key, slot * 4);
    this.digests[slot] = digest;
    this.lines[slot] = line;
    this.used++;
    if (this.used * 2 > this.slots) this.grow();
  }

  private grow(): void {
    const { ids, digests, lines, slots } = this;
    this.slots = slots * 2;
    this.ids = new Uint32Array(this.slots * 4);
    this.digests = new Float64Array(this.slots);
    this.lines = new Uint32Array(this.slots);
    for (let old = 0; old < slots; old++) {
      if (lines[old] === 0) continue;
      this.key.set(ids.subarray(old * 4, old * 4 + 4));
      const slot = this.find();
      this.ids.set(this.key, slot * 4);
      this.digests[slot] = digests[old]!;
      this.lines[slot] = lines[old]!;
    }
  }
}
