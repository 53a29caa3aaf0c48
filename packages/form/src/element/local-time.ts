const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date where the person is (not in UTC): what "today" means on a form. */
export function localDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/**
 * Midnight at the start of `date` where the person is, written with its UTC offset (RFC 3339), e.g.
 * 2026-09-07T00:00:00+01:00. A paper form carries a date, not a time; the offset keeps that date the
 * statement's calendar date, which is the date the validator and resolver count ages on.
 */
export function localMidnight(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const offset = -new Date(y, m - 1, d).getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T00:00:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
