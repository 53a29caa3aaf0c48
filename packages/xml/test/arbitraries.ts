import type { Statement } from '@reuse-pref/schema';
import fc from 'fast-check';

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** A UPN whose check letter is right: weights 2..13 on characters 2..13, mod 23. */
export const upn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 })
  .map((digits) => {
    const sum = digits.reduce((acc, d, i) => acc + d * (i + 2), 0);
    return `${UPN_LETTERS[sum % 23]}${digits.join('')}`;
  });

/** A ULN whose check digit is right: weights 10..2, mod 11, check = 10 - remainder, remainder 0 invalid. */
export const uln = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .filter((d) => d.reduce((acc, x, i) => acc + x * (10 - i), 0) % 11 !== 0)
  .map((d) => `${d.join('')}${10 - (d.reduce((acc, x, i) => acc + x * (10 - i), 0) % 11)}`);

// Characters that stress the carriage: XML specials, CDATA's terminator, line ends, astral and combining.
const tricky = fc.constantFrom(
  '&',
  '<',
  '>',
  '"',
  "'",
  ']]>',
  '&amp;',
  '&#13;',
  'é',
  'ŵ',
  '😀',
  '中',
  '\u00a0',
  'e\u0301',
);
// biome-ignore lint/suspicious/noControlCharactersInRegex: the schema's own localRef pattern
const LOCAL_REF = /^[^\s\x00-\x1f\x7f]([^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?$/;

// Valid JSON that XML 1.0 cannot hold as text: these travel as Encoding="json".
const unxmlable = fc.constantFrom('\u0000', '\u0007', '\u001b', '\ud800', '\udfff', '\ufffe', '\uffff');

/** Free text as a person (or a broken form) might produce it: any UTF-16, XML's awkward cases often. */
export const freeText = (maxLength: number, minLength = 0) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: tricky, weight: 3 },
        { arbitrary: fc.constantFrom(' ', '\n', '\r\n', '\r', '\t'), weight: 3 },
        { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 3 },
        { arbitrary: unxmlable, weight: 1 },
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''))
    .filter((s) => s.length >= minLength && s.length <= maxLength);

/** A local reference: printable, trimmed, no control characters, 1..64 long. */
export const localRef = fc
  .array(fc.oneof(tricky, fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 })), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(''))
  .filter((s) => LOCAL_REF.test(s) && s.length <= 64);

const dateTime = fc
  .tuple(
    fc.date({
      min: new Date('2010-01-01T00:00:00Z'),
      max: new Date('2030-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.constantFrom('Z', '+01:00', '-05:30', 'ms'),
  )
  .map(([d, zone]) => {
    const iso = d.toISOString();
    if (zone === 'ms') return iso;
    return iso.replace(/\.\d{3}Z$/, zone);
  });

const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));

const setting = fc.record({ urn: digits(6), laEstab: digits(7) });
const channel = fc.constantFrom('PAPR', 'ONLN', 'MISE', 'EMAL', 'VERB', 'APIX') as fc.Arbitrary<
  Statement['channel']
>;
const recordedBy = fc.record(
  {
    supplierId: localRef,
    system: freeText(100, 1),
    systemVersion: freeText(50, 1),
  },
  { requiredKeys: ['supplierId', 'system'] },
);

const subject = fc
  .record({ upn, uln, localId: localRef, dateOfBirth: date }, { requiredKeys: [] })
  .filter((s) => s.upn !== undefined || s.uln !== undefined || s.localId !== undefined);

const choice = fc.record(
  {
    purpose: fc.constantFrom(
      'STAT',
      'RSCH',
      'RSXT',
      'LINK',
      'COMM',
      'AIDV',
      'MEDI',
      'OPER',
      'IMMI',
      'POLC',
      'APPS',
    ),
    value: fc.constantFrom('OBJT', 'NOOB', 'CONS', 'DECL', 'REFU', 'NOBT') as fc.Arbitrary<
      Statement['choices'][number]['value']
    >,
    grounds: freeText(500),
  },
  { requiredKeys: ['purpose', 'value'] },
);

const base = fc.record(
  {
    id: fc.uuid(),
    specVersion: fc.constant('1.0.0'),
    catalogueVersion: fc.constant('1'),
    subject,
    setting,
    expressedBy: fc.record({
      role: fc.constantFrom('PUP', 'PAR', 'CAR', 'CORP', 'REP', 'SCH') as fc.Arbitrary<
        Statement['expressedBy']['role']
      >,
      personRef: localRef,
    }),
    competenceBasis: fc.constantFrom('ASSD', 'PR12', 'AUTH', 'BINT', 'NA') as fc.Arbitrary<
      NonNullable<Statement['competenceBasis']>
    >,
    expressedAt: dateTime,
    recordedAt: dateTime,
    recordedBy,
    channel,
    notice: fc.record({
      id: localRef,
      version: freeText(32, 1),
      language: fc.constantFrom('en', 'cy', 'en-GB', 'pl', 'ur-PK'),
    }),
    choices: fc.array(choice, { minLength: 1, maxLength: 12 }),
  },
  {
    requiredKeys: [
      'id',
      'specVersion',
      'catalogueVersion',
      'subject',
      'setting',
      'expressedBy',
      'expressedAt',
      'recordedAt',
      'recordedBy',
      'channel',
      'notice',
      'choices',
    ],
  },
);

const provenance = fc.record({
  originalSetting: setting,
  originalChannel: channel,
  originalRecordedAt: dateTime,
  originalRecordedBy: recordedBy,
  transferredAt: dateTime,
});

/** A schema-valid statement; a CTFI one always has provenance, as the schema's description requires. */
export const statement: fc.Arbitrary<Statement> = fc
  .tuple(base, fc.option(provenance, { nil: undefined }))
  .map(([s, p]) => (p ? { ...s, channel: 'CTFI' as const, provenance: p } : s));
