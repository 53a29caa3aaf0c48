import { byDefault, kase, st, stated, uid } from '../vector-kit.js';

const S = 'resolver.md R2';
const CONFLICT = ['statement-id-conflict'];
const provenance = {
  originalSetting: { urn: '100001', laEstab: '8012001' },
  originalChannel: 'PAPR',
  originalRecordedAt: '2026-09-04T10:02:11Z',
  originalRecordedBy: { supplierId: 'SUP-OLD', system: 'Old MIS' },
  transferredAt: '2026-10-20T09:00:00Z',
};

export const identity = [
  kase({
    id: 'resolver-duplicate-id-case-insensitive',
    description: 'copies whose ids differ only in case are one statement, with no conflict',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1, 'ABCDEF00'), at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(1, 'abcdef00'), at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
      ],
    },
    tests: [
      {
        id: 'decided-by-lowercase-id',
        purpose: 'LINK',
        expect: stated(false, 'OBJT', uid(1, 'abcdef00'), []),
      },
      { id: 'no-conflict-flag', purpose: 'STAT', expect: byDefault(true, []) },
    ],
  }),
  kase({
    id: 'resolver-duplicate-id-earliest-recorded-copy',
    description:
      'copies of one id that disagree: the copy recorded first is used and every purpose is flagged',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00Z',
          rec: '2026-09-05T00:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00Z',
          rec: '2026-09-02T00:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
      ],
    },
    tests: [
      { id: 'first-recorded-copy-decides', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), CONFLICT) },
      { id: 'unanswered-purpose-flagged', purpose: 'COMM', expect: byDefault(false, CONFLICT) },
      { id: 'educ-never-flagged', purpose: 'EDUC', expect: byDefault(true, []) },
    ],
  }),
  kase({
    id: 'resolver-duplicate-id-uppercase-conflict',
    description: 'an uppercase and a lowercase copy that disagree are one statement in conflict',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(7, 'FEEDBEEF'),
          at: '2026-09-01T08:00:00Z',
          rec: '2026-09-01T09:00:00Z',
          choices: { COMM: 'CONS' },
        }),
        st({
          id: uid(7, 'feedbeef'),
          at: '2026-09-01T08:00:00Z',
          rec: '2026-09-03T09:00:00Z',
          choices: { COMM: 'DECL' },
        }),
      ],
    },
    tests: [
      {
        id: 'uppercase-copy-first-recorded',
        purpose: 'COMM',
        expect: stated(true, 'CONS', uid(7, 'feedbeef'), CONFLICT),
      },
    ],
  }),
  kase({
    id: 'resolver-duplicate-id-recorded-tie-canonical',
    description:
      'conflicting copies recorded at the same instant: the canonical (RFC 8785) form that sorts first is used',
    comment: 'the projections differ first at the LINK value: "NOOB" sorts before "OBJT"',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(1), at: '2026-09-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
      ],
    },
    tests: [{ id: 'noob-copy-used', purpose: 'LINK', expect: stated(true, 'NOOB', uid(1), CONFLICT) }],
  }),
  kase({
    id: 'resolver-duplicate-id-date-of-birth-conflict',
    description:
      'copies that differ only in the date of birth conflict, and the canonical tie-break includes it',
    comment: 'the 2012 copy sorts first; the pupil is then 14 and competent, so her objection decides',
    section: 'resolver.md R2, R4, R5',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          role: 'PUP',
          at: '2026-09-01T08:00:00Z',
          dob: '2016-01-01',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(1),
          role: 'PUP',
          at: '2026-09-01T08:00:00Z',
          dob: '2012-01-01',
          choices: { LINK: 'OBJT' },
        }),
        st({ id: uid(2), at: '2026-08-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
      ],
    },
    tests: [{ id: 'competent-copy-used', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), CONFLICT) }],
  }),
  kase({
    id: 'resolver-ctf-copy-is-not-a-conflict',
    description:
      'a CTF-imported copy keeps the id and expressedAt; differing channel, recordedAt and provenance are no conflict',
    comment:
      'the earliest recordedAt orders the statement: uid 2 by the same person sits between the two copies and is later',
    section: 'resolver.md R2, R3',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-09-03T08:15:00Z',
          rec: '2026-09-04T10:02:11Z',
          channel: 'PAPR',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(1),
          at: '2026-09-03T08:15:00Z',
          rec: '2026-10-20T09:00:00Z',
          channel: 'CTFI',
          provenance,
          recordedBy: { supplierId: 'SUP-NEW', system: 'New MIS' },
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(2),
          at: '2026-09-03T08:15:00Z',
          rec: '2026-10-01T00:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
      ],
    },
    tests: [
      { id: 'later-recorded-statement-wins', purpose: 'LINK', expect: stated(true, 'NOOB', uid(2), []) },
    ],
  }),
  kase({
    id: 'resolver-duplicate-id-cosmetic-differences',
    description:
      'copies that differ only in choice order, grounds text and the offset of the same instant are no conflict',
    comment: 'the same content the validator compares for statement-id-conflict (validation.md §7)',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00Z',
          rec: '2026-09-02T00:00:00Z',
          choices: [
            ['LINK', 'OBJT'],
            ['STAT', 'NOOB'],
          ],
        }),
        st({
          id: uid(1),
          at: '2026-09-01T09:00:00+01:00',
          rec: '2026-09-05T00:00:00Z',
          choices: [
            ['STAT', 'NOOB'],
            ['LINK', 'OBJT', 'We do not want our child linked to other records.'],
          ],
        }),
      ],
    },
    tests: [
      { id: 'objection-unflagged', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), []) },
      { id: 'no-objection-unflagged', purpose: 'STAT', expect: stated(true, 'NOOB', uid(1), []) },
    ],
  }),
  kase({
    id: 'resolver-duplicate-id-subject-differs',
    description: 'copies that name the pupil by another local id are a conflict, though the answers agree',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00Z',
          rec: '2026-09-02T00:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00Z',
          rec: '2026-09-03T00:00:00Z',
          localId: 'ADM-99999',
          choices: { LINK: 'OBJT' },
        }),
      ],
    },
    tests: [{ id: 'flagged', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), CONFLICT) }],
  }),
  kase({
    id: 'resolver-duplicate-id-submillisecond-conflict',
    description:
      'copies of one id whose expressedAt differ only below the millisecond conflict: the conflict key counts every digit',
    comment:
      'the validator rejects this history (statement-id-conflict compares expressedAt at full precision), so the resolver flags it; the copy recorded first is used',
    section: 'resolver.md R2',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00.1231Z',
          rec: '2026-09-02T08:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00.1239Z',
          rec: '2026-09-03T08:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
      ],
    },
    tests: [{ id: 'flagged', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), CONFLICT) }],
  }),
  kase({
    id: 'resolver-duplicate-id-same-instant-written-differently',
    description:
      'copies of one id with one expressedAt instant written two ways (.5Z, .500+01:00) are no conflict',
    section: 'resolver.md R2',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00.5Z',
          rec: '2026-09-02T08:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(1),
          at: '2026-09-01T09:00:00.500+01:00',
          rec: '2026-09-03T08:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
      ],
    },
    tests: [{ id: 'not-flagged', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), []) }],
  }),
];
