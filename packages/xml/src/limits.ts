/**
 * How much of a file the reader will hold at once. A carried file is read one pupil at a time, so memory
 * stays flat for any number of pupils; these bound the pieces themselves, so one hostile or broken pupil
 * (a 150 MB text node, a tag that never closes) costs an error, not the process. Lengths count UTF-16
 * code units, as JavaScript strings do (about one byte each for CTF text).
 */
export interface ReadLimits {
  /**
   * The longest pupil, `<Header>` or `<ReusePreferences>` element read whole. A longer one yields an
   * error for that element and reading goes on with the next. Default 16 MiB, the same as the largest
   * NDJSON record `reuse-pref validate` and the intake accept.
   */
  maxElementLength: number;
  /** The longest text node or attribute value inside an element that is read. Default 1 MiB. */
  maxTextLength: number;
  /**
   * The longest single piece of markup outside the elements that are read (a tag, comment, CDATA
   * section, processing instruction or DOCTYPE). A longer one stops the file. Default 1 MiB.
   */
  maxMarkupLength: number;
}

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxElementLength: 16 * 1024 * 1024,
  maxTextLength: 1024 * 1024,
  maxMarkupLength: 1024 * 1024,
});

export function readLimits(given: Partial<ReadLimits> = {}): ReadLimits {
  const limits = { ...DEFAULT_READ_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`read limit ${name} must be a positive whole number, got ${String(value)}`);
    }
  }
  return limits;
}
