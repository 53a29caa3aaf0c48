/**
 * RFC 3339 `full-date` (the JSON Schema `date` format), read strictly: `YYYY-MM-DD`, a day that exists in
 * the proleptic Gregorian calendar. Years are taken as written (0050 is 50 AD, not 1950).
 */

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** True for a year, month and day that exist on the calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1)) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month]!);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Two ASCII digits at i as a number, or NaN. Hand-rolled: timestamps are read on every hot path. */
export function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/**
 * The date written in the first ten characters of `s` (a full-date, or the date part of a date-time) as
 * year × 10000 + month × 100 + day, so that dates compare as numbers; NaN when those ten characters are
 * not a date on the calendar. Whatever follows them is not looked at: callers that need a whole full-date
 * use isFullDate, and a date-time's written date is only read once the date-time has been read.
 */
export function dateKey(s: string): number {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return Number.NaN;
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  return isCalendarDate(year, month, day) ? year * 10000 + month * 100 + day : Number.NaN;
}

/** The JSON Schema `date` format: exactly an RFC 3339 full-date that exists on the calendar. */
export function isFullDate(s: string): boolean {
  return s.length === 10 && !Number.isNaN(dateKey(s));
}
