import { ulnCheckDigit } from './uln-check-digit.js';
import { upnCheckLetter } from './upn-check-letter.js';
import { upnTemporary } from './upn-temporary.js';

/** The pupil's identifiers: the check algorithms of UPN and ULN. */
export const identifierRules = [upnCheckLetter, upnTemporary, ulnCheckDigit] as const;
