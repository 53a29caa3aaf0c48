import { byDefault, kase, st, stated, uid } from '../vector-kit.js';

const S = 'resolver.md R8';
const TEEN = { dateOfBirth: '2012-03-01' };
const NOT_COMPETENT = ['pupil-not-competent'];

function pupilThenParent(basis: 'NA' | 'AUTH' | 'BINT') {
  return [
    st({ id: uid(1), role: 'PUP', at: '2026-09-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
    st({ id: uid(2), person: 'C-1', basis, at: '2026-10-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
  ];
}

export const pupil = [
  kase({
    id: 'resolver-competent-pupil-prevails',
    description: "a competent pupil's own choice stands against a parent's objection, earlier or later",
    comment: 'parents act for a child only while the child cannot, or with the child’s authority',
    section: S,
    input: {
      subject: TEEN,
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        ...pupilThenParent('NA'),
        st({ id: uid(3), person: 'C-1', at: '2026-08-01T08:00:00Z', choices: { STAT: 'OBJT' } }),
        st({ id: uid(4), role: 'PUP', at: '2026-09-02T08:00:00Z', choices: { STAT: 'NOOB' } }),
        st({ id: uid(5), person: 'C-1', at: '2026-10-02T08:00:00Z', choices: { RSCH: 'OBJT' } }),
      ],
    },
    tests: [
      { id: 'later-parent-objection-ignored', purpose: 'LINK', expect: stated(true, 'NOOB', uid(1)) },
      { id: 'earlier-parent-objection-ignored', purpose: 'STAT', expect: stated(true, 'NOOB', uid(4)) },
      {
        id: 'purpose-pupil-did-not-answer',
        purpose: 'RSCH',
        comment: 'the pupil prevails per purpose: where she said nothing the parent decides',
        expect: stated(false, 'OBJT', uid(5)),
      },
    ],
  }),
  kase({
    id: 'resolver-parent-auth-after-pupil',
    description:
      'a parent objecting after a competent pupil said yes decides when the child authorised it (AUTH)',
    section: S,
    input: { subject: TEEN, asOf: '2026-11-01T00:00:00Z', statements: pupilThenParent('AUTH') },
    tests: [{ id: 'authorised-parent-decides', purpose: 'LINK', expect: stated(false, 'OBJT', uid(2)) }],
  }),
  kase({
    id: 'resolver-parent-bint-after-pupil',
    description: 'a parent acting in best interests (BINT) after a competent pupil decides',
    section: S,
    input: { subject: TEEN, asOf: '2026-11-01T00:00:00Z', statements: pupilThenParent('BINT') },
    tests: [{ id: 'best-interests-parent-decides', purpose: 'LINK', expect: stated(false, 'OBJT', uid(2)) }],
  }),
  kase({
    id: 'resolver-parent-auth-before-pupil',
    description: "an authorised parent's answer before the pupil's own later answer does not decide",
    section: S,
    input: {
      subject: TEEN,
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          person: 'C-1',
          basis: 'AUTH',
          at: '2026-08-01T08:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
        st({ id: uid(2), role: 'PUP', at: '2026-09-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
      ],
    },
    tests: [{ id: 'pupil-has-last-word', purpose: 'LINK', expect: stated(true, 'NOOB', uid(2)) }],
  }),
  kase({
    id: 'resolver-auth-proxies-combined',
    description: 'after a competent pupil, only later AUTH/BINT proxy answers count, combined as proxies are',
    section: 'resolver.md R8, R9',
    input: {
      subject: TEEN,
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), role: 'PUP', at: '2026-08-01T08:00:00Z', choices: { LINK: 'OBJT', STAT: 'NOOB' } }),
        st({
          id: uid(2),
          person: 'C-1',
          basis: 'AUTH',
          at: '2026-09-01T08:00:00Z',
          choices: { LINK: 'NOOB', STAT: 'OBJT' },
        }),
        st({ id: uid(3), person: 'C-2', basis: 'NA', at: '2026-10-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({
          id: uid(4),
          role: 'CAR',
          person: 'C-3',
          basis: 'BINT',
          at: '2026-10-02T08:00:00Z',
          choices: { STAT: 'NOOB' },
        }),
      ],
    },
    tests: [
      {
        id: 'unauthorised-objection-ignored',
        purpose: 'LINK',
        comment: 'C-2 has no AUTH or BINT, so the competent pupil still bars C-2',
        expect: stated(true, 'NOOB', uid(2), []),
      },
      {
        id: 'protective-wins-among-authorised',
        purpose: 'STAT',
        expect: stated(false, 'OBJT', uid(2), ['parents-disagree']),
      },
    ],
  }),
  kase({
    id: 'resolver-pupil-refu-keeps-objection',
    description: "a competent pupil's later REFU does not withdraw her objection",
    section: 'resolver.md R7',
    input: {
      subject: TEEN,
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), role: 'PUP', at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), role: 'PUP', at: '2026-10-01T08:00:00Z', choices: { LINK: 'REFU' } }),
      ],
    },
    tests: [{ id: 'objection-stands', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1)) }],
  }),
  kase({
    id: 'resolver-pupil-is-one-person',
    description: 'every competent pupil statement is the one pupil, whatever personRef it carries',
    section: 'resolver.md R7',
    input: {
      subject: TEEN,
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          role: 'PUP',
          person: 'P-OLD-77',
          at: '2026-09-01T08:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(2),
          role: 'PUP',
          person: 'ADM-00412',
          at: '2026-10-01T08:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
      ],
    },
    tests: [{ id: 'later-answer-replaces', purpose: 'LINK', expect: stated(true, 'NOOB', uid(2)) }],
  }),
  kase({
    id: 'resolver-young-pupil-alone',
    description: "a young pupil's own answer is kept but never decides; it raises a flag",
    section: 'resolver.md R5',
    input: {
      subject: { dateOfBirth: '2018-01-01' },
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), role: 'PUP', at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT', COMM: 'CONS' } }),
      ],
    },
    tests: [
      { id: 'objection-default-flagged', purpose: 'LINK', expect: byDefault(true, NOT_COMPETENT) },
      { id: 'consent-default-flagged', purpose: 'COMM', expect: byDefault(false, NOT_COMPETENT) },
      { id: 'unanswered-not-flagged', purpose: 'STAT', expect: byDefault(true, []) },
    ],
  }),
  kase({
    id: 'resolver-pupil-turning-12-before',
    description: 'before she turns 12 the parent decides, and her earlier answer is flagged',
    section: 'resolver.md R5',
    input: {
      subject: { dateOfBirth: '2014-10-15' },
      asOf: '2026-10-01T00:00:00Z',
      statements: [
        st({ id: uid(1), role: 'PUP', at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), at: '2026-09-15T08:00:00Z', choices: { LINK: 'NOOB' } }),
        st({ id: uid(3), role: 'PUP', at: '2026-10-20T08:00:00Z', choices: { LINK: 'OBJT' } }),
      ],
    },
    tests: [{ id: 'parent-decides', purpose: 'LINK', expect: stated(true, 'NOOB', uid(2), NOT_COMPETENT) }],
  }),
  kase({
    id: 'resolver-pupil-turning-12-after',
    description: 'her answer after turning 12 decides and clears the flag on her earlier one',
    comment:
      'the flag asks staff to look at an answer that is not in force; a later competent answer settles it',
    section: 'resolver.md R5, R8',
    input: {
      subject: { dateOfBirth: '2014-10-15' },
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), role: 'PUP', at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), at: '2026-09-15T08:00:00Z', choices: { LINK: 'NOOB' } }),
        st({ id: uid(3), role: 'PUP', at: '2026-10-20T08:00:00Z', choices: { LINK: 'OBJT' } }),
      ],
    },
    tests: [{ id: 'pupil-decides', purpose: 'LINK', expect: stated(false, 'OBJT', uid(3), []) }],
  }),
  kase({
    id: 'resolver-competence-is-per-statement',
    description: 'an assessed answer decides; a later unassessed answer at the same young age does not',
    section: 'resolver.md R5',
    input: {
      subject: { dateOfBirth: '2016-01-01' },
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), role: 'PUP', basis: 'ASSD', at: '2026-03-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), role: 'PUP', at: '2026-09-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
      ],
    },
    tests: [
      { id: 'assessed-answer-stands', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), NOT_COMPETENT) },
    ],
  }),
];
