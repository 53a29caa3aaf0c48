const SHAPE = /^[0-9]{10}$/;

/** Check digit of ten digits already known to be ULN-shaped; undefined when remainder 0 (never issued). */
export function checkDigitOf(uln: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (uln.charCodeAt(i) - 48) * (10 - i);
  const remainder = sum % 11;
  return remainder === 0 ? undefined : 10 - remainder;
}

/**
 * The ULN check digit for digits 1 to 9: weights 10 down to 2, sum mod 11, check = 10 - remainder.
 * Remainder 0 would need check 10, so such digit strings are never issued: undefined then, and for a
 * string that is not ten digits.
 */
export function ulnCheckDigit(uln: string): number | undefined {
  if (typeof uln !== 'string' || !SHAPE.test(uln)) return undefined;
  return checkDigitOf(uln);
}

export function isValidUln(uln: string): boolean {
  const check = ulnCheckDigit(uln);
  return check !== undefined && uln.charCodeAt(9) - 48 === check;
}
