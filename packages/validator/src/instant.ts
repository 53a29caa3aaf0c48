const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** True for an RFC 3339 full-date that exists on the calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Two ASCII digits at i as a number, or NaN. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/**
 * Milliseconds since the epoch of an RFC 3339 date-time (fraction kept beyond the millisecond), or NaN
 * when the string is not one. Stricter than ajv-formats on purpose, because other implementations of the
 * standard read exactly RFC 3339: `T` only (either case, no space), an offset `Z` or `±hh:mm` with the
 * colon. A leap second (:60) is accepted only at 23:59 UTC and counts as the next minute's first instant.
 * Hand-rolled rather than a regex: every statement has two or more of these, on the hot path.
 */
export function parseInstant(s: string): number {
  // The schema's format check parses expressedAt and recordedAt, then the semantic rules need their
  // values: remembering the last two saves parsing each twice.
  if (s === lastKey[0]) return lastValue[0]!;
  if (s === lastKey[1]) return lastValue[1]!;
  const v = parse(s);
  lastKey[slot] = s;
  lastValue[slot] = v;
  slot ^= 1;
  return v;
}

const lastKey: (string | undefined)[] = [undefined, undefined];
const lastValue: number[] = [0, 0];
let slot = 0;

function parse(s: string): number {
  const n = s.length;
  if (n < 20) return Number.NaN;
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
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
  let fraction = 0;
  if (s.charCodeAt(i) === 46) {
    let scale = 0.1;
    i++;
    const start = i;
    for (; i < n; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      fraction += d * scale;
      scale /= 10;
    }
    if (i === start) return Number.NaN;
  }
  let offsetMinutes = 0;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) {
    if (i + 1 !== n) return Number.NaN;
  } else if (z === 43 || z === 45) {
    const oh = two(s, i + 1);
    const om = two(s, i + 4);
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58 || !(oh <= 23 && om <= 59)) return Number.NaN;
    offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return Number.NaN;
  }
  const minutes = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offsetMinutes;
  if (second === 60 && ((minutes % 1440) + 1440) % 1440 !== 1439) return Number.NaN;
  return (minutes * 60 + second + fraction) * 1000;
}

/** Ajv format: an RFC 3339 date-time with a real date, in-range fields and an offset. */
export function isDateTime(s: string): boolean {
  return !Number.isNaN(parseInstant(s));
}

/** Ajv format: an RFC 3339 full-date (YYYY-MM-DD) that exists on the calendar. */
export function isFullDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const year = two(s, 0) * 100 + two(s, 2);
  return isCalendarDate(year, two(s, 5), two(s, 8));
}
