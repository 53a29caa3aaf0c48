/**
 * RFC 3339 timestamps to epoch milliseconds without allocating a Date: the release gate parses two
 * timestamps per statement for millions of subjects, and Date.parse also rejects leap seconds and
 * maps two-digit years to the 1900s, both of which a schema-valid statement may carry.
 */

const ZERO = 48;
/** JSON Schema date-time (ajv-formats) also accepts a whitespace separator. */
const WHITESPACE = /\s/;

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date written in the first ten characters (YYYY-MM-DD) as y*10000+m*100+d, or NaN. */
export function calendarKey(s: string): number {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  return y * 10000 + m * 100 + d;
}

/**
 * Milliseconds since the epoch of an RFC 3339 date-time (the forms JSON Schema `date-time` accepts:
 * `T`, `t` or one whitespace separator; `Z`, `z`, `±HH`, `±HHMM` or `±HH:MM` offset). Fractional seconds
 * beyond the millisecond are truncated; second 60 (a leap second) counts as the next minute's start.
 * Returns NaN when the text is not such a timestamp.
 */
export function parseInstant(s: string): number {
  const key = calendarKey(s);
  if (Number.isNaN(key) || s.length < 20) return Number.NaN;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && !WHITESPACE.test(s.charAt(10))) return Number.NaN;
  const hh = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const ss = digits(s, 17, 2);
  if (!(hh <= 23 && mi <= 59 && ss <= 60)) return Number.NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    i++;
    let scale = 100;
    const start = i;
    while (i < s.length) {
      const d = s.charCodeAt(i) - ZERO;
      if (d < 0 || d > 9) break;
      ms += d * scale;
      scale /= 10;
      i++;
    }
    if (i === start) return Number.NaN;
    ms = Math.floor(ms);
  }
  const c = s.charCodeAt(i);
  let offsetMin = 0;
  if (c === 90 || c === 122) {
    if (i + 1 !== s.length) return Number.NaN;
  } else if (c === 43 || c === 45) {
    const oh = digits(s, i + 1, 2);
    let om = 0;
    const rest = s.length - (i + 3);
    if (rest === 3 && s.charCodeAt(i + 3) === 58) om = digits(s, i + 4, 2);
    else if (rest === 2) om = digits(s, i + 3, 2);
    else if (rest !== 0) return Number.NaN;
    if (!(oh <= 23 && om <= 59)) return Number.NaN;
    offsetMin = (c === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return Number.NaN;
  }
  const y = Math.floor(key / 10000);
  const m = Math.floor(key / 100) % 100;
  const d = key % 100;
  const days = daysFromCivil(y, m, d);
  return days * 86_400_000 + ((hh * 60 + mi - offsetMin) * 60 + ss) * 1000 + ms;
}
