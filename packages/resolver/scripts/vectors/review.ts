import { byDefault, kase, st, stated, uid } from '../vector-kit.js';

const S = 'resolver.md R12';
const DOB = { dateOfBirth: '2014-01-01' };
const REVIEW = ['review-due'];

const madeWhenEight = [
  st({ id: uid(1), at: '2022-09-01T08:00:00Z', choices: { LINK: 'OBJT', COMM: 'CONS' } }),
];

export const review = [
  kase({
    id: 'resolver-review-due-at-competence',
    description:
      'when the pupil reaches the competence age, parent-made choices stay in force and a review falls due',
    section: S,
    input: { subject: DOB, asOf: '2026-11-01T00:00:00Z', statements: madeWhenEight },
    tests: [
      { id: 'objection-stays-review-due', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), REVIEW) },
      { id: 'consent-stays-review-due', purpose: 'COMM', expect: stated(true, 'CONS', uid(1), REVIEW) },
      { id: 'default-has-nothing-to-review', purpose: 'STAT', expect: byDefault(true, []) },
      { id: 'educ-never-flagged', purpose: 'EDUC', expect: byDefault(true, []) },
    ],
  }),
  kase({
    id: 'resolver-review-not-due-before-competence',
    description: 'before the competence age no review is due',
    section: S,
    input: { subject: DOB, asOf: '2025-11-01T00:00:00Z', statements: madeWhenEight },
    tests: [{ id: 'eleven-no-review', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), []) }],
  }),
  kase({
    id: 'resolver-review-asof-written-date-birthday',
    description: 'age at asOf counts to the calendar date written in asOf',
    comment: '00:30+01:00 on 1 January is 23:30Z on 31 December: the written date is the birthday',
    section: 'resolver.md R4, R12',
    input: { subject: DOB, asOf: '2026-01-01T00:30:00+01:00', statements: madeWhenEight },
    tests: [{ id: 'twelve-today', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), REVIEW) }],
  }),
  kase({
    id: 'resolver-review-asof-written-date-eve',
    description: 'an asOf written on the eve of the birthday, in a negative offset, is still the eve',
    section: 'resolver.md R4, R12',
    input: { subject: DOB, asOf: '2025-12-31T23:30:00-01:00', statements: madeWhenEight },
    tests: [{ id: 'eleven-tonight', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), []) }],
  }),
  kase({
    id: 'resolver-review-authority-and-age',
    description: 'no review for an AUTH choice or one made at the competence age; BINT under age is reviewed',
    section: S,
    input: {
      subject: DOB,
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          person: 'C-1',
          basis: 'AUTH',
          at: '2024-03-01T08:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(2),
          person: 'C-1',
          basis: 'BINT',
          at: '2024-03-01T09:00:00Z',
          choices: { STAT: 'OBJT' },
        }),
        st({ id: uid(3), person: 'C-1', at: '2026-02-01T08:00:00Z', choices: { RSCH: 'OBJT' } }),
        st({ id: uid(4), role: 'PUP', at: '2026-03-01T08:00:00Z', choices: { RSXT: 'OBJT' } }),
      ],
    },
    tests: [
      { id: 'authorised-no-review', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), []) },
      { id: 'best-interests-reviewed', purpose: 'STAT', expect: stated(false, 'OBJT', uid(2), REVIEW) },
      { id: 'made-at-twelve-no-review', purpose: 'RSCH', expect: stated(false, 'OBJT', uid(3), []) },
      { id: 'pupil-own-no-review', purpose: 'RSXT', expect: stated(false, 'OBJT', uid(4), []) },
    ],
  }),
  kase({
    id: 'resolver-review-needs-date-of-birth',
    description: 'with no date of birth no review can fall due',
    section: S,
    input: { asOf: '2026-11-01T00:00:00Z', statements: madeWhenEight },
    tests: [{ id: 'unknown-age-no-review', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), []) }],
  }),
];
