import { kase, refused, st, uid } from '../vector-kit.js';

/**
 * Input the resolver must refuse as a whole (resolver.md 1): times and dates outside the strict RFC 3339
 * forms of validation.md 3. Each is a form some lenient reader takes (a space separator, `+0100`, `+01`,
 * 31 September read as 1 October, a leap second anywhere). Reading it would give the statement a place
 * in the order the validator never agreed to; leaving the statement out would silently drop an objection.
 * In each case the unreadable statement carries the objection that would decide if it were read.
 */
const S = 'resolver.md 1, 2';

const noObjection = st({ id: uid(1), at: '2026-09-01T08:00:00Z', choices: { LINK: 'NOOB' } });

function objectionAt(at: string, rec = '2026-10-02T09:00:00Z') {
  return st({ id: uid(2), at, rec, choices: { LINK: 'OBJT' } });
}

const expressedAtCase = (id: string, description: string, at: string) =>
  kase({
    id,
    description,
    section: S,
    input: { asOf: '2026-11-01T00:00:00Z', statements: [noObjection, objectionAt(at)] },
    tests: [{ id: 'refused', expect: refused('/statements/1/expressedAt') }],
  });

export const refusals = [
  expressedAtCase(
    'resolver-refuses-space-separator',
    'an expressedAt with a space between date and time is refused, not ordered',
    '2026-10-01 09:00:00Z',
  ),
  expressedAtCase(
    'resolver-refuses-offset-without-colon',
    'an expressedAt whose offset has no colon (+0100) is refused',
    '2026-10-01T10:00:00+0100',
  ),
  expressedAtCase(
    'resolver-refuses-offset-hours-only',
    'an expressedAt whose offset gives hours only (+01) is refused',
    '2026-10-01T10:00:00+01',
  ),
  expressedAtCase(
    'resolver-refuses-day-not-in-month',
    'an expressedAt on 31 September is refused, not read as 1 October',
    '2026-09-31T09:00:00Z',
  ),
  expressedAtCase(
    'resolver-refuses-leap-second-off-midnight-utc',
    'a leap second that is not 23:59 UTC is refused',
    '2016-12-31T23:59:60+01:00',
  ),
  kase({
    id: 'resolver-refuses-unreadable-recorded-at',
    description: 'a recordedAt the resolver cannot read is refused, even on a statement after asOf',
    comment: 'identity (R2) is decided over every statement, before eligibility, and reads recordedAt',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [noObjection, objectionAt('2026-12-01T09:00:00Z', '2026-12-01 09:00:00Z')],
    },
    tests: [{ id: 'refused', expect: refused('/statements/1/recordedAt') }],
  }),
  kase({
    id: 'resolver-refuses-unreadable-date-of-birth',
    description: 'a statement date of birth that is not a full-date is refused, not read as 2 March',
    comment: 'read leniently, 2012-02-30 makes the pupil 14 and her objection would decide',
    section: 'resolver.md 1, R4',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        noObjection,
        st({
          id: uid(2),
          role: 'PUP',
          at: '2026-10-01T09:00:00Z',
          dob: '2012-02-30',
          choices: { LINK: 'OBJT' },
        }),
      ],
    },
    tests: [{ id: 'refused', expect: refused('/statements/1/subject/dateOfBirth') }],
  }),
  kase({
    id: 'resolver-refuses-unreadable-as-of',
    description: 'an asOf with a space between date and time is refused',
    section: 'resolver.md 1',
    input: { asOf: '2026-11-01 00:00:00Z', statements: [noObjection] },
    tests: [{ id: 'refused', expect: refused('/asOf') }],
  }),
  kase({
    id: 'resolver-refuses-fractional-competence-age',
    description: 'a competenceAge that is not a whole number of years is refused',
    comment: 'read as 12 or 13 it would silently decide whether a pupil of 12 is competent',
    section: 'resolver.md 1, R5',
    input: { asOf: '2026-11-01T00:00:00Z', competenceAge: 12.5, statements: [noObjection] },
    tests: [{ id: 'refused', expect: refused('/competenceAge') }],
  }),
  kase({
    id: 'resolver-refuses-negative-competence-age',
    description: 'a competenceAge below 0 is refused',
    section: 'resolver.md 1, R5',
    input: { asOf: '2026-11-01T00:00:00Z', competenceAge: -1, statements: [noObjection] },
    tests: [{ id: 'refused', expect: refused('/competenceAge') }],
  }),
  kase({
    id: 'resolver-refuses-unreadable-caller-date-of-birth',
    description: "a caller's date of birth that is not a full-date is refused",
    section: 'resolver.md 1, R4',
    input: {
      subject: { dateOfBirth: '2012-9-01' },
      asOf: '2026-11-01T00:00:00Z',
      statements: [noObjection],
    },
    tests: [{ id: 'refused', expect: refused('/subject/dateOfBirth') }],
  }),
];
