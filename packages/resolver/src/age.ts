import { calendarKey } from './instant.js';

/**
 * Whole years from a date of birth to the calendar date written in `on` (its first ten characters, so a
 * timestamp counts in its own offset). A 29 February birthday falls on 1 March in a non-leap year,
 * which plain month-day comparison gives for free: 02-28 sorts before 02-29, 03-01 after it.
 * NaN when either date cannot be read; negative when `on` is before the birth.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  const born = calendarKey(dateOfBirth);
  const at = calendarKey(on);
  return ageFromKeys(born, at);
}

export function ageFromKeys(born: number, at: number): number {
  const years = Math.floor(at / 10000) - Math.floor(born / 10000);
  return at % 10000 < born % 10000 ? years - 1 : years;
}
