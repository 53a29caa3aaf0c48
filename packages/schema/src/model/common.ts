import { Type } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid', description: 'RFC 9562 UUID, lower or upper case' });
export const DateTime = Type.String({ format: 'date-time', description: 'RFC 3339 date-time with offset' });
export const CalendarDate = Type.String({ format: 'date', description: 'RFC 3339 full-date' });

/**
 * A local reference (an MIS contact id, a supplier id): printable, no leading or trailing whitespace,
 * no control characters. Compared exactly, code point by code point: two references are the same person
 * only when they are identical strings.
 */
export function localRef(description?: string) {
  return Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: '^[^\\s\\x00-\\x1f\\x7f]([^\\x00-\\x1f\\x7f]*[^\\s\\x00-\\x1f\\x7f])?$',
    ...(description ? { description } : {}),
  });
}
export const LocalRef = localRef();

/** Unique Pupil Number: check letter, 11 digits, then a digit (or a letter for a temporary UPN). */
export const Upn = Type.String({
  pattern: '^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$',
  description: 'UPN; the check letter is verified by rule upn-check-letter',
});

/** Unique Learner Number: 10 digits; the last is verified by rule uln-check-digit. */
export const Uln = Type.String({ pattern: '^[0-9]{10}$' });

export const Urn = Type.String({ pattern: '^[0-9]{6}$', description: 'School Unique Reference Number' });
export const LaEstab = Type.String({
  pattern: '^[0-9]{7}$',
  description: 'LA number (3) + establishment number (4)',
});

export const SpecVersion = Type.String({
  pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$',
  description: 'Semver of the spec',
});
export const CatalogueVersion = Type.String({
  pattern: '^[1-9][0-9]{0,5}$',
  description: 'Purpose catalogue version',
});
