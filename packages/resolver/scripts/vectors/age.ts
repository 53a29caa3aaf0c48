import { kase, st, stated, uid } from '../vector-kit.js';

const NOT_COMPETENT = ['pupil-not-competent'];

/** A parent's NOOB before the pupil's OBJT: the pupil's objection decides only if she was competent. */
function pupilVersusParent(pupilAt: string, pupilBasis?: 'ASSD' | 'PR12' | 'NA') {
  return [
    st({ id: uid(1), at: '2026-01-05T08:00:00Z', choices: { LINK: 'NOOB' } }),
    st({
      id: uid(2),
      role: 'PUP',
      at: pupilAt,
      ...(pupilBasis ? { basis: pupilBasis } : {}),
      choices: { LINK: 'OBJT' },
    }),
  ];
}
const pupilDecides = stated(false, 'OBJT', uid(2));
/** The pupil's answer is ignored; once she is of age at asOf a review of the parent's choice is due. */
const parentDecides = (reviewDue: boolean) =>
  stated(true, 'NOOB', uid(1), reviewDue ? ['review-due', ...NOT_COMPETENT] : NOT_COMPETENT);

export const age = [
  kase({
    id: 'resolver-age-birthday-on-the-day',
    description: 'a pupil is 12 on her twelfth birthday, not the day before',
    section: 'resolver.md R4, R5',
    input: {
      subject: { dateOfBirth: '2014-10-15' },
      asOf: '2026-11-01T00:00:00Z',
      statements: pupilVersusParent('2026-10-15T00:00:00Z'),
    },
    tests: [{ id: 'competent-on-birthday', purpose: 'LINK', expect: pupilDecides }],
  }),
  kase({
    id: 'resolver-age-day-before-birthday',
    description: 'the day before her twelfth birthday a pupil is 11',
    section: 'resolver.md R4, R5',
    input: {
      subject: { dateOfBirth: '2014-10-15' },
      asOf: '2026-11-01T00:00:00Z',
      statements: pupilVersusParent('2026-10-14T23:59:59Z'),
    },
    tests: [{ id: 'not-competent-yet', purpose: 'LINK', expect: parentDecides(true) }],
  }),
  kase({
    id: 'resolver-age-date-in-own-offset-ahead',
    description: 'age counts to the calendar date written in the timestamp, in its own offset',
    comment: '00:30+01:00 on the 15th is 23:30Z on the 14th: the written date (the 15th) counts',
    section: 'resolver.md R4',
    input: {
      subject: { dateOfBirth: '2014-10-15' },
      asOf: '2026-11-01T00:00:00Z',
      statements: pupilVersusParent('2026-10-15T00:30:00+01:00'),
    },
    tests: [{ id: 'written-date-is-birthday', purpose: 'LINK', expect: pupilDecides }],
  }),
  kase({
    id: 'resolver-age-date-in-own-offset-behind',
    description: 'a timestamp written on the 14th in a negative offset still counts as the 14th',
    comment: '23:30-01:00 on the 14th is 00:30Z on the 15th: the written date (the 14th) counts',
    section: 'resolver.md R4',
    input: {
      subject: { dateOfBirth: '2014-10-15' },
      asOf: '2026-11-01T00:00:00Z',
      statements: pupilVersusParent('2026-10-14T23:30:00-01:00'),
    },
    tests: [{ id: 'written-date-before-birthday', purpose: 'LINK', expect: parentDecides(true) }],
  }),
  kase({
    id: 'resolver-age-leap-day-birthday-feb-28',
    description: 'a 29 February birthday has not come on 28 February of a non-leap year',
    comment:
      'competence age 14: the fourteenth birthday of a 2012-02-29 child falls in 2026, not a leap year',
    section: 'resolver.md R4',
    input: {
      subject: { dateOfBirth: '2012-02-29' },
      asOf: '2026-11-01T00:00:00Z',
      competenceAge: 14,
      statements: pupilVersusParent('2026-02-28T12:00:00Z'),
    },
    tests: [{ id: 'still-13', purpose: 'LINK', expect: parentDecides(true) }],
  }),
  kase({
    id: 'resolver-age-leap-day-birthday-mar-1',
    description: 'a 29 February birthday falls on 1 March in a non-leap year',
    section: 'resolver.md R4',
    input: {
      subject: { dateOfBirth: '2012-02-29' },
      asOf: '2026-11-01T00:00:00Z',
      competenceAge: 14,
      statements: pupilVersusParent('2026-03-01T00:00:00Z'),
    },
    tests: [{ id: 'now-14', purpose: 'LINK', expect: pupilDecides }],
  }),
  kase({
    id: 'resolver-age-competence-age-parameter',
    description: 'the competence age is a parameter: at 13 a 12-year-old is not yet competent',
    section: 'resolver.md R5',
    input: {
      subject: { dateOfBirth: '2014-01-01' },
      asOf: '2026-11-01T00:00:00Z',
      competenceAge: 13,
      statements: pupilVersusParent('2026-09-01T08:00:00Z'),
    },
    tests: [{ id: 'twelve-not-enough', purpose: 'LINK', expect: parentDecides(false) }],
  }),
  kase({
    id: 'resolver-age-dob-from-caller-wins',
    description: "the caller's date of birth is used over the one on the statements",
    section: 'resolver.md R4',
    input: {
      subject: { dateOfBirth: '2018-01-01' },
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-01-05T08:00:00Z', dob: '2010-01-01', choices: { LINK: 'NOOB' } }),
        st({
          id: uid(2),
          role: 'PUP',
          at: '2026-09-01T08:00:00Z',
          dob: '2010-01-01',
          choices: { LINK: 'OBJT' },
        }),
      ],
    },
    tests: [{ id: 'eight-year-old-not-competent', purpose: 'LINK', expect: parentDecides(false) }],
  }),
  kase({
    id: 'resolver-age-dob-from-latest-statement',
    description: 'without a caller date of birth, the latest eligible statement that carries one gives it',
    comment:
      'the parent form (later) says 2012, the pupil form (earlier) 2018; a later form without one and a form after asOf change nothing',
    section: 'resolver.md R4',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(2),
          role: 'PUP',
          at: '2026-09-01T08:00:00Z',
          dob: '2018-01-01',
          choices: { LINK: 'OBJT' },
        }),
        st({ id: uid(1), at: '2026-09-05T08:00:00Z', dob: '2012-01-01', choices: { STAT: 'NOOB' } }),
        st({ id: uid(3), at: '2026-09-07T08:00:00Z', choices: { RSCH: 'NOOB' } }),
        st({ id: uid(4), at: '2026-12-01T08:00:00Z', dob: '2018-01-01', choices: { RSXT: 'OBJT' } }),
      ],
    },
    tests: [{ id: 'pupil-is-fourteen', purpose: 'LINK', expect: stated(false, 'OBJT', uid(2)) }],
  }),
  kase({
    id: 'resolver-age-dob-latest-in-order-not-first-stored',
    description:
      'without a caller date of birth, a later corrected date of birth is used, not the first one stored',
    comment:
      'statements are listed as they were stored: the admission form (2016, a keying error) came first; the office corrected it to 2012 on …03, recorded after …04 at the same expressedAt; …05 is after asOf. A caller that passes the first stored date of birth makes the pupil 10 and the parent decides.',
    section: 'resolver.md R3, R4',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-01-10T08:00:00Z', dob: '2016-05-01', choices: { STAT: 'NOOB' } }),
        st({ id: uid(2), role: 'PUP', at: '2026-09-10T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({
          id: uid(4),
          at: '2026-09-05T08:00:00Z',
          rec: '2026-09-05T09:00:00Z',
          dob: '2016-05-01',
          choices: { RSCH: 'NOOB' },
        }),
        st({ id: uid(5), at: '2026-12-01T08:00:00Z', dob: '2016-05-01', choices: { RSXT: 'NOOB' } }),
        st({
          id: uid(3),
          at: '2026-09-05T08:00:00Z',
          rec: '2026-09-06T09:00:00Z',
          dob: '2012-05-01',
          choices: { LINK: 'NOOB' },
        }),
      ],
    },
    tests: [{ id: 'pupil-is-fourteen', purpose: 'LINK', expect: stated(false, 'OBJT', uid(2)) }],
  }),
  kase({
    id: 'resolver-age-unknown-dob',
    description: 'with no date of birth anywhere, only ASSD or PR12 makes a pupil statement competent',
    section: 'resolver.md R5',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-01-05T08:00:00Z', choices: { LINK: 'NOOB', STAT: 'NOOB', RSCH: 'NOOB' } }),
        st({ id: uid(2), role: 'PUP', at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(3), role: 'PUP', basis: 'PR12', at: '2026-09-02T08:00:00Z', choices: { STAT: 'OBJT' } }),
        st({ id: uid(4), role: 'PUP', basis: 'ASSD', at: '2026-09-03T08:00:00Z', choices: { RSCH: 'OBJT' } }),
      ],
    },
    tests: [
      { id: 'no-basis-not-competent', purpose: 'LINK', expect: stated(true, 'NOOB', uid(1), NOT_COMPETENT) },
      { id: 'pr12-competent', purpose: 'STAT', expect: stated(false, 'OBJT', uid(3)) },
      { id: 'assd-competent', purpose: 'RSCH', expect: stated(false, 'OBJT', uid(4)) },
    ],
  }),
  kase({
    id: 'resolver-age-assessed-young-pupil',
    description: 'a pupil assessed competent (ASSD) decides at any age',
    section: 'resolver.md R5',
    input: {
      subject: { dateOfBirth: '2017-06-01' },
      asOf: '2026-11-01T00:00:00Z',
      statements: pupilVersusParent('2026-09-01T08:00:00Z', 'ASSD'),
    },
    tests: [{ id: 'nine-year-old-assessed', purpose: 'LINK', expect: pupilDecides }],
  }),
  kase({
    id: 'resolver-age-pr12-contradicted-by-dob',
    description:
      'PR12 does not make a pupil competent when the known date of birth shows her under the competence age',
    comment: 'a presumption from age cannot outweigh a known age (decision 0002)',
    section: 'resolver.md R5',
    input: {
      subject: { dateOfBirth: '2016-06-01' },
      asOf: '2026-11-01T00:00:00Z',
      statements: pupilVersusParent('2026-09-01T08:00:00Z', 'PR12'),
    },
    tests: [{ id: 'ten-year-old-pr12', purpose: 'LINK', expect: parentDecides(false) }],
  }),
];
