// Small: every single append and appendAll goes through a run too, and a fresh 64 KiB buffer and 16 KiB
// of rows for each of those cost about a tenth of a single SQLite append's CPU. A release's run doubles
// past these in a few copies of a few KiB (or starts at the last run's size: see the constructor).
const INITIAL_BYTES = 1 << 10;
const INITIAL_ROWS = 1 << 4;

/**
 * One run of a LedgerStream, its entries' JSON texts written as UTF-8 into one growing buffer as they are
 * added. A release adds thousands of entries a run and the run lives until the store has written it (two
 * more runs are drafted meanwhile): held as strings and objects, every text and row outlived several
 * young-generation collections and was copied by each (decision 0051). Off the JavaScript heap, a text
 * dies as soon as it is written here, and the store writes these very bytes (COPY on PostgreSQL, bound
 * as they are on SQLite) without serialising or encoding anything again.
 *
 * Each entry is its ledger's name, its text's place in the buffer, and its asserted position if any. Two
 * entries may share one text (`again`: a subject's record filed under its UPN and its ULN).
 */
export class LedgerRun {
  #bytes: Buffer;
  #used = 0;
  /** Where the text being written (`write`) starts. */
  #open = 0;
  #starts: Uint32Array = new Uint32Array(INITIAL_ROWS);
  #ends: Uint32Array = new Uint32Array(INITIAL_ROWS);
  /** Each entry's asserted index, NaN for none: a release's subject records all assert 0 (opening). */
  #expected: Float64Array = new Float64Array(INITIAL_ROWS);
  readonly #ledgers: string[] = [];

  /**
   * `bytes`: room to start with (a caller drafting runs of about one size passes the last run's, so a
   * run's buffer is not copied each time it doubles).
   */
  constructor(bytes = INITIAL_BYTES) {
    this.#bytes = Buffer.allocUnsafe(Math.max(bytes, INITIAL_BYTES));
  }

  get length(): number {
    return this.#ledgers.length;
  }

  /**
   * Adds an entry given as its JSON text, kept exactly (must be JSON); with `expectedIndex`, where it must
   * land (a LedgerConflictError and nothing kept otherwise). Returns the entry's number in the run.
   */
  add(ledger: string, json: string, expectedIndex?: number): number {
    this.write(json);
    return this.close(ledger, expectedIndex);
  }

  /**
   * Writes a piece of the next entry's text: a text made of pieces (a record around an entry already
   * serialised) goes in piece by piece, and no string of the whole is ever made. `close` ends it. Each
   * piece is encoded on its own, so none may end between the two halves of a surrogate pair.
   */
  write(piece: string): void {
    // At most 3 UTF-8 bytes per UTF-16 unit: the piece always fits, and write says how much it took.
    this.#room(3 * piece.length);
    this.#used += this.#bytes.write(piece, this.#used, 'utf8');
  }

  /** Adds an entry to `ledger` whose text is what was written since the last entry (see `add`). */
  close(ledger: string, expectedIndex?: number): number {
    const start = this.#open;
    this.#open = this.#used;
    return this.#row(ledger, start, this.#used, expectedIndex);
  }

  /** Adds an entry to `ledger` whose text is that of entry `row` of this run (kept once). */
  again(ledger: string, row: number, expectedIndex?: number): number {
    return this.#row(ledger, this.#starts[row]!, this.#ends[row]!, expectedIndex);
  }

  /** Each entry's ledger, by entry number. */
  get ledgers(): readonly string[] {
    return this.#ledgers;
  }

  ledger(row: number): string {
    return this.#ledgers[row]!;
  }

  expectedIndex(row: number): number | undefined {
    const expected = this.#expected[row]!;
    return Number.isNaN(expected) ? undefined : expected;
  }

  /** The entry's text as UTF-8: a view of the run's buffer, valid while the run is. */
  text(row: number): Buffer {
    return this.#bytes.subarray(this.#starts[row]!, this.#ends[row]!);
  }

  /** Byte offsets of the entry's text in `buffer` (for a store that copies many at once). */
  start(row: number): number {
    return this.#starts[row]!;
  }

  end(row: number): number {
    return this.#ends[row]!;
  }

  /** Every entry's text lies in here, between its start and end. */
  get buffer(): Buffer {
    return this.#bytes.subarray(0, this.#used);
  }

  #row(ledger: string, start: number, end: number, expectedIndex: number | undefined): number {
    const row = this.#ledgers.length;
    if (row === this.#starts.length) {
      this.#starts = grown(this.#starts);
      this.#ends = grown(this.#ends);
      const expected = new Float64Array(row * 2);
      expected.set(this.#expected);
      this.#expected = expected;
    }
    this.#starts[row] = start;
    this.#ends[row] = end;
    this.#expected[row] = expectedIndex ?? Number.NaN;
    this.#ledgers.push(ledger);
    return row;
  }

  #room(bytes: number): void {
    const needed = this.#used + bytes;
    if (needed <= this.#bytes.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(needed, this.#bytes.length * 2));
    this.#bytes.copy(bigger, 0, 0, this.#used);
    this.#bytes = bigger;
  }
}

function grown(rows: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(rows.length * 2);
  bigger.set(rows);
  return bigger;
}
