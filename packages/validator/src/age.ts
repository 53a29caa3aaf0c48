function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The number written with ASCII digits in s[from, to). */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

/**
 * Whole years from a date of birth (YYYY-MM-DD) to the date part (first 10 characters) of a date or
 * timestamp, as written: the local calendar date where the person was. A 29 February birthday falls on
 * 1 March in a non-leap year. Both inputs must be well-formed: the validator checks them first.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  const by = digits(dateOfBirth, 0, 4);
  let bm = digits(dateOfBirth, 5, 7);
  let bd = digits(dateOfBirth, 8, 10);
  const y = digits(on, 0, 4);
  const m = digits(on, 5, 7);
  const d = digits(on, 8, 10);
  if (bm === 2 && bd === 29 && !isLeapYear(y)) {
    bm = 3;
    bd = 1;
  }
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
