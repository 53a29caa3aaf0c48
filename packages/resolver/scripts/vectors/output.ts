import { kase, st, stated, uid } from '../vector-kit.js';

/**
 * The output subject (resolver.md 1): the caller's subject if given, otherwise the subject of the last
 * eligible statement in R3 order (an empty object if there is none), with the date of birth R4
 * determined added when that object lacks it or differs. Compared as whole RFC 8785 JSON, so a member
 * too many is a difference as well.
 */
const S = 'resolver.md 1';
const subjectOf = (localId: string, dateOfBirth?: string) => ({
  upn: 'B801200005001',
  uln: '1234567899',
  localId,
  ...(dateOfBirth ? { dateOfBirth } : {}),
});

export const output = [
  kase({
    id: 'resolver-output-subject-last-eligible',
    description:
      'with no caller subject, the output subject is the last eligible statement’s in R3 order, not the last to arrive or the latest overall',
    comment:
      'the admission number was rekeyed on the October form; the December form is after asOf, and the September form arrives last',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(2), at: '2026-10-01T08:00:00Z', localId: 'ADM-00500', choices: { LINK: 'NOOB' } }),
        st({ id: uid(3), at: '2026-12-01T08:00:00Z', localId: 'ADM-00600', choices: { LINK: 'OBJT' } }),
        st({ id: uid(1), at: '2026-09-01T08:00:00Z', localId: 'ADM-00412', choices: { LINK: 'OBJT' } }),
      ],
    },
    tests: [
      { id: 'subject', expect: { subject: subjectOf('ADM-00500') } },
      { id: 'decided', purpose: 'LINK', expect: stated(true, 'NOOB', uid(2)) },
    ],
  }),
  kase({
    id: 'resolver-output-subject-date-of-birth-added',
    description:
      'the last eligible statement carries no date of birth: the output subject is its subject with the date of birth R4 found on an earlier statement',
    section: 'resolver.md 1, R4',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-09-01T08:00:00Z', dob: '2014-05-01', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), at: '2026-10-01T08:00:00Z', localId: 'ADM-00500', choices: { STAT: 'NOOB' } }),
      ],
    },
    tests: [{ id: 'subject', expect: { subject: subjectOf('ADM-00500', '2014-05-01') } }],
  }),
  kase({
    id: 'resolver-output-subject-date-of-birth-corrected',
    description:
      'the caller gives no date of birth and the statements disagree: the output subject carries the latest eligible one (R4), whatever its own says',
    section: 'resolver.md 1, R4',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-09-01T08:00:00Z', dob: '2014-05-01', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), at: '2026-10-01T08:00:00Z', dob: '2014-06-01', choices: { STAT: 'NOOB' } }),
      ],
    },
    tests: [{ id: 'subject', expect: { subject: subjectOf('ADM-00412', '2014-06-01') } }],
  }),
  kase({
    id: 'resolver-output-subject-caller',
    description:
      'a caller subject is the output subject as given, with none of the statements’ identifiers merged in',
    section: 'resolver.md 1, R4',
    input: {
      subject: { dateOfBirth: '2013-01-01' },
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-09-01T08:00:00Z', dob: '2014-05-01', choices: { LINK: 'OBJT' } }),
      ],
    },
    tests: [{ id: 'subject', expect: { subject: { dateOfBirth: '2013-01-01' } } }],
  }),
  kase({
    id: 'resolver-output-subject-none-eligible',
    description: 'with no caller subject and no eligible statement, the output subject is an empty object',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-12-01T08:00:00Z', dob: '2014-05-01', choices: { LINK: 'OBJT' } }),
      ],
    },
    tests: [{ id: 'subject', expect: { subject: {} } }],
  }),
  kase({
    id: 'resolver-output-subject-of-copy-used',
    description:
      'two copies of one id recorded at the same instant with the same decision projection but another admission number: the copy whose whole RFC 8785 text sorts first supplies the output subject, in every order of arrival',
    comment:
      'the copies differ in subject.localId, so the history has a statement id conflict; the decision projection leaves localId out, so only the whole-statement tie-break (R2 step 1.2) chooses',
    section: 'resolver.md R2, 1',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-09-01T08:00:00Z', localId: 'ADM-00413', choices: { LINK: 'OBJT' } }),
        st({ id: uid(1), at: '2026-09-01T08:00:00Z', localId: 'ADM-00412', choices: { LINK: 'OBJT' } }),
      ],
    },
    tests: [
      { id: 'subject', expect: { subject: subjectOf('ADM-00412') } },
      {
        id: 'conflict',
        purpose: 'LINK',
        expect: stated(false, 'OBJT', uid(1), ['statement-id-conflict']),
      },
    ],
  }),
];
