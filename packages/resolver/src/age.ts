import { dateKey, isDateTime } from '@reuse-pref/schema';

/**
 * Whole years from a date of birth (a full-date) to the date written in `on` (a full-date, or a
 * date-time's first ten characters, so a timestamp counts in its own offset). A 29 February birthday
 * falls on 1 March in a non-leap year, which plain month-day comparison gives for free: 02-28 sorts
 * before 02-29, 03-01 after it. NaN when either cannot be read; negative when `on` is before the birth.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  // dateKey reads the first ten characters, so a full-date is exactly ten long; anything longer must
  // be a whole date-time.
  const born = dateOfBirth.length === 10 ? dateKey(dateOfBirth) : Number.NaN;
  const at = on.length === 10 || isDateTime(on) ? dateKey(on) : Number.NaN;
  return ageFromKeys(born, at);
}

/** Age from two dateKey values (resolver.md 2, "Age"). */
export function ageFromKeys(born: number, at: number): number {
  const years = Math.floor(at / 10000) - Math.floor(born / 10000);
  return at % 10000 < born % 10000 ? years - 1 : years;
}
