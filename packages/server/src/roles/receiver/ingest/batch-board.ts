import type { SharedPart } from './messages.js';

/**
 * Lines claimed at once. A chain costs 150-250 us to verify, so a run of 8 is a couple of milliseconds:
 * small enough that the workers of a batch finish within about that of each other, large enough that
 * claiming and the verdict runs sent back stay a small cost per line.
 */
export const CLAIM_LINES = 8;

/** Int32 slots per part at the start of the board: records read (-1 until read), next line to claim. */
const SLOTS = 2;

/**
 * The claim board of one batch whose verification its workers share (docs/decisions/0047), over a
 * SharedArrayBuffer every worker of the batch holds. A part's reader publishes how many records it read
 * and which of them are valid records (their chains to verify); then any worker claims that part's lines
 * a run at a time with Atomics.add on the part's counter, so each line is claimed by exactly one worker
 * and none is skipped, whoever finishes first.
 */
export class BatchBoard {
  readonly #counts: Int32Array;
  readonly #flags: Uint8Array[];

  /** A board for `parts`, every part unread: made by the event loop before the jobs are posted. */
  static create(parts: readonly SharedPart[]): SharedArrayBuffer {
    const buffer = new SharedArrayBuffer(
      parts.length * SLOTS * 4 + parts.reduce((n, part) => n + part.maxLines, 0),
    );
    const counts = new Int32Array(buffer, 0, parts.length * SLOTS);
    for (let p = 0; p < parts.length; p++) counts[p * SLOTS] = -1;
    return buffer;
  }

  constructor(buffer: SharedArrayBuffer, parts: readonly SharedPart[]) {
    this.#counts = new Int32Array(buffer, 0, parts.length * SLOTS);
    let at = parts.length * SLOTS * 4;
    this.#flags = parts.map((part) => {
      const flags = new Uint8Array(buffer, at, part.maxLines);
      at += part.maxLines;
      return flags;
    });
  }

  /**
   * Part `part` has been read: `count` records, `isRecord(i)` where line i's chain is to be verified.
   * The flags are written before the count is stored (Atomics.store), so a worker that loads the count
   * sees them.
   */
  publish(part: number, count: number, isRecord: (i: number) => boolean): void {
    const flags = this.#flags[part]!;
    if (count > flags.length) throw new RangeError(`part ${part} has more records than lines`);
    for (let i = 0; i < count; i++) flags[i] = isRecord(i) ? 1 : 0;
    Atomics.store(this.#counts, part * SLOTS, count);
  }

  /** The records part `part`'s reader found, or -1 while it has not read them. */
  read(part: number): number {
    return Atomics.load(this.#counts, part * SLOTS);
  }

  /**
   * The next run of lines of a part that has been read, [from, to), now this worker's alone; undefined
   * when every line is claimed (or the part is not read yet).
   */
  claim(part: number): { from: number; to: number } | undefined {
    const count = this.read(part);
    if (count < 0) return undefined;
    const from = Atomics.add(this.#counts, part * SLOTS + 1, CLAIM_LINES);
    return from < count ? { from, to: Math.min(from + CLAIM_LINES, count) } : undefined;
  }

  /** Whether line `i` of a read part is a valid record (its chain is verified) rather than a rejected one. */
  isRecord(part: number, i: number): boolean {
    return this.#flags[part]![i] === 1;
  }
}
