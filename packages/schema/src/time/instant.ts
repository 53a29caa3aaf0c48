import { daysFromCivil, isCalendarDate, twoDigits } from './calendar.js';

/**
 * RFC 3339 `date-time` (the JSON Schema `date-time` format) as the standard reads it, everywhere: the
 * validator's format check and time rules, the resolver's order, and anything else that reads a
 * statement's times. One reader, because two readers that disagree on a timestamp disagree on who
 * decided (spec/v1/validation.md 3, resolver.md 2).
 *
 * Strict on purpose, because other implementations of the standard read exactly RFC 3339: `T` (or `t`)
 * and no other separator, seconds required, a fraction of at least one digit, and an offset `Z` (or `z`)
 * or `±hh:mm` with the colon. A leap second (:60) is read only where the time is 23:59 in UTC, and is
 * the first instant of the next minute.
 */

/**
 * Epoch milliseconds of an RFC 3339 date-time, a whole number: fraction digits after the third are
 * dropped (truncated, never rounded), which is the resolver's instant (resolver.md 2). NaN when the text
 * is not such a date-time. Use compareInstants where digits below the millisecond must count.
 */
export function parseInstant(s: string): number {
  // A statement's expressedAt and recordedAt are read by the schema's format check and then by the
  // rules and the resolver: remembering the last two saves reading each again.
  if (s === lastText[0]) return lastMs[0]!;
  if (s === lastText[1]) return lastMs[1]!;
  const ms = read(s);
  lastText[slot] = s;
  lastMs[slot] = ms;
  slot ^= 1;
  return ms;
}

const lastText: (string | undefined)[] = [undefined, undefined];
const lastMs: number[] = [0, 0];
let slot = 0;

const DOT = 46;

function read(s: string): number {
  const n = s.length;
  if (n < 20) return Number.NaN;
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  const t = s.charCodeAt(10);
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    (t !== 84 && t !== 116) ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58 ||
    !(hour <= 23 && minute <= 59 && second <= 60) ||
    !isCalendarDate(year, month, day)
  ) {
    return Number.NaN;
  }
  let i = 19;
  let millis = 0;
  if (s.charCodeAt(i) === DOT) {
    i++;
    for (let scale = 100; i < n; i++, scale /= 10) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (scale >= 1) millis += d * scale;
    }
    if (i === 20) return Number.NaN;
  }
  let offsetMinutes = 0;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== n) return Number.NaN;
  } else if (z === 43 || z === 45) {
    const oh = twoDigits(s, i + 1);
    const om = twoDigits(s, i + 4);
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58 || !(oh <= 23 && om <= 59)) return Number.NaN;
    offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return Number.NaN;
  }
  const minutes = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offsetMinutes;
  if (second === 60 && ((minutes % 1440) + 1440) % 1440 !== 1439) return Number.NaN;
  // Whole numbers all the way: 9999-12-31 is under 2^48 ms, far inside a double's exact integers.
  return (minutes * 60 + second) * 1000 + millis;
}

/** The JSON Schema `date-time` format: true when parseInstant can read `s`. */
export function isDateTime(s: string): boolean {
  return !Number.isNaN(parseInstant(s));
}

/**
 * The fraction digits after the millisecond, without trailing zeros ('' when there are none). Compared
 * as text, these order like the numbers they write: '05' < '5' < '51'.
 */
function belowMillisecond(s: string): string {
  if (s.charCodeAt(19) !== DOT) return '';
  let end = 20;
  while (end < s.length && s.charCodeAt(end) >= 48 && s.charCodeAt(end) <= 57) end++;
  while (end > 23 && s.charCodeAt(end - 1) === 48) end--;
  return end > 23 ? s.slice(23, end) : '';
}

/**
 * Orders two date-times as instants at full precision, every fraction digit counting: negative when `a`
 * is earlier, 0 for the same instant however written (`Z`, `+00:00`, `.5`, `.500`), positive when later.
 * `b` may be epoch milliseconds (a clock reading). NaN when either cannot be read.
 */
export function compareInstants(a: string, b: string | number): number {
  const x = parseInstant(a);
  const y = typeof b === 'number' ? b : parseInstant(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (x !== y) return x < y ? -1 : 1;
  const p = belowMillisecond(a);
  const q = typeof b === 'number' ? '' : belowMillisecond(b);
  return p === q ? 0 : p < q ? -1 : 1;
}

/**
 * A key that two date-times share exactly when they are the same instant at full precision, for keys
 * that compare content (a statement's conflict key): the epoch millisecond, or, when digits below the
 * millisecond are not all zero, that and those digits as text. Undefined when `s` cannot be read.
 */
export function instantKey(s: string): number | string | undefined {
  const ms = parseInstant(s);
  if (Number.isNaN(ms)) return undefined;
  const below = belowMillisecond(s);
  return below === '' ? ms : `${ms}.${below}`;
}
