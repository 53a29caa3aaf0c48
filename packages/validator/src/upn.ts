/** DfE check-letter alphabet: 23 letters, without I, O and S. */
const ALPHABET = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const SHAPE = /^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$/;

/**
 * Check letter of a string already known to be UPN-shaped: characters 2 to 13 weighted 2 to 13, summed
 * mod 23, as an index into the alphabet. A temporary UPN's 13th character, a letter, counts as its index
 * in the same alphabet.
 */
export function checkLetterOf(upn: string): string {
  let sum = 0;
  for (let i = 1; i < 12; i++) sum += (upn.charCodeAt(i) - 48) * (i + 1);
  const last = upn.charCodeAt(12);
  sum += (last <= 57 ? last - 48 : ALPHABET.indexOf(upn[12]!)) * 13;
  return ALPHABET[sum % 23]!;
}

/**
 * The check letter a UPN should start with, or undefined when the string is not UPN-shaped. The first
 * character is not looked at, so this also tells what a mistyped first character should have been.
 */
export function upnCheckLetter(upn: string): string | undefined {
  if (typeof upn !== 'string' || !SHAPE.test(`A${upn.slice(1)}`)) return undefined;
  return checkLetterOf(upn);
}

/** True for a well-formed UPN, permanent or temporary, whose check letter is right. */
export function isValidUpn(upn: string): boolean {
  return typeof upn === 'string' && SHAPE.test(upn) && checkLetterOf(upn) === upn[0];
}

/** A temporary UPN ends in a letter; it is replaced when the permanent UPN is allocated. */
export function isTemporaryUpn(upn: string): boolean {
  return typeof upn === 'string' && SHAPE.test(upn) && upn.charCodeAt(12) > 57;
}
