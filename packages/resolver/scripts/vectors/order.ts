import { kase, st, stated, uid } from '../vector-kit.js';

const S = 'resolver.md R3';

export const order = [
  kase({
    id: 'resolver-order-by-expressed-not-arrival',
    description: 'the later expressed answer replaces the earlier one, whatever order they arrive in',
    comment: 'listed newest first, and the older one was recorded last',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(2),
          at: '2026-10-01T08:00:00Z',
          rec: '2026-10-01T09:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00Z',
          rec: '2026-10-20T09:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
      ],
    },
    tests: [{ id: 'withdrawal-wins', purpose: 'LINK', expect: stated(true, 'NOOB', uid(2)) }],
  }),
  kase({
    id: 'resolver-order-tie-recorded-at',
    description: 'equal expressedAt: the one recorded later is later',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-10-01T08:00:00Z',
          rec: '2026-10-02T09:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
        st({
          id: uid(2),
          at: '2026-10-01T08:00:00Z',
          rec: '2026-10-01T09:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
      ],
    },
    tests: [{ id: 'recorded-later-wins', purpose: 'LINK', expect: stated(true, 'NOOB', uid(1)) }],
  }),
  kase({
    id: 'resolver-order-tie-lowercase-id',
    description: 'equal expressedAt and recordedAt: the lowercase id decides, by code unit',
    comment:
      'raw "B…" sorts before "a…" by code unit, lowercase "b…" after it; decidedBy is always lowercase',
    section: 'resolver.md R2, R3',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1, 'B0000000'), at: '2026-10-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
        st({ id: uid(1, 'a0000000'), at: '2026-10-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
      ],
    },
    tests: [{ id: 'id-b-is-later', purpose: 'LINK', expect: stated(true, 'NOOB', uid(1, 'b0000000')) }],
  }),
  kase({
    id: 'resolver-order-offsets-as-instants',
    description: 'timestamps in different offsets are ordered as instants',
    comment: '10:00+01:00 is 09:00Z: earlier than 09:30Z although its text sorts after it',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-10-01T10:00:00+01:00', choices: { LINK: 'NOOB' } }),
        st({ id: uid(2), at: '2026-10-01T09:30:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(3), at: '2026-10-01T23:30:00-01:00', choices: { STAT: 'OBJT' } }),
        st({ id: uid(4), at: '2026-10-02T00:15:00Z', choices: { STAT: 'NOOB' } }),
      ],
    },
    tests: [
      { id: 'z-is-later', purpose: 'LINK', expect: stated(false, 'OBJT', uid(2)) },
      { id: 'negative-offset-is-later', purpose: 'STAT', expect: stated(false, 'OBJT', uid(3)) },
    ],
  }),
  kase({
    id: 'resolver-order-same-instant-two-offsets',
    description: 'the same instant written in two offsets is a tie, broken by recordedAt',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-10-01T10:00:00+01:00',
          rec: '2026-10-03T00:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(2),
          at: '2026-10-01T09:00:00Z',
          rec: '2026-10-02T00:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
      ],
    },
    tests: [{ id: 'recorded-later-wins', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1)) }],
  }),
  kase({
    id: 'resolver-order-millisecond-precision',
    description: 'expressedAt is compared to the millisecond; further digits are ignored',
    comment: '.1239 and .1231 are both 123 ms: a tie, so the later recordedAt decides',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-10-01T09:00:00.1239Z',
          rec: '2026-10-01T10:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(2),
          at: '2026-10-01T09:00:00.1231Z',
          rec: '2026-10-01T11:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
      ],
    },
    tests: [{ id: 'sub-ms-ignored', purpose: 'LINK', expect: stated(true, 'NOOB', uid(2)) }],
  }),
  kase({
    id: 'resolver-order-submillisecond-never-breaks-a-tie',
    description:
      'expressedAt and recordedAt that differ only below the millisecond tie on both: the lowercase id decides',
    comment:
      'by every digit, …01 is later on both times and its objection would decide; to the millisecond both tie and …02 is later by id',
    section: 'resolver.md 2, R3',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-10-01T09:00:00.1239Z',
          rec: '2026-10-01T10:00:00.5009Z',
          choices: { LINK: 'OBJT' },
        }),
        st({
          id: uid(2),
          at: '2026-10-01T09:00:00.1231Z',
          rec: '2026-10-01T10:00:00.5001Z',
          choices: { LINK: 'NOOB' },
        }),
      ],
    },
    tests: [{ id: 'id-decides', purpose: 'LINK', expect: stated(true, 'NOOB', uid(2)) }],
  }),
  kase({
    id: 'resolver-order-same-instant-spelled-four-ways',
    description:
      'Z, -00:00, +00:00 and .000 write one instant: with equal recordedAt the lowercase id decides',
    comment:
      'as text "+00:00" sorts first and "Z" last; as instants all four tie, and …04, written "+00:00", is last by id',
    section: 'resolver.md 2, R3',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-10-01T09:00:00Z',
          rec: '2026-10-02T00:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
        st({
          id: uid(2),
          at: '2026-10-01t09:00:00.000z',
          rec: '2026-10-02T00:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
        st({
          id: uid(3),
          at: '2026-10-01T09:00:00-00:00',
          rec: '2026-10-02T00:00:00Z',
          choices: { LINK: 'NOOB' },
        }),
        st({
          id: uid(4),
          at: '2026-10-01T09:00:00+00:00',
          rec: '2026-10-02T00:00:00Z',
          choices: { LINK: 'OBJT' },
        }),
      ],
    },
    tests: [{ id: 'last-by-id-decides', purpose: 'LINK', expect: stated(false, 'OBJT', uid(4)) }],
  }),
];
