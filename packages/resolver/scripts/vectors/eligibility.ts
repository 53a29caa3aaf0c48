import { byDefault, kase, st, stated, uid } from '../vector-kit.js';

const S = 'resolver.md R1';

export const eligibility = [
  kase({
    id: 'resolver-asof-before-later-statement',
    description: 'a statement expressed after asOf does not count yet',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), at: '2026-10-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), at: '2026-12-01T08:00:00Z', choices: { LINK: 'NOOB', COMM: 'CONS' } }),
      ],
    },
    tests: [
      { id: 'earlier-objection-stands', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1)) },
      { id: 'future-consent-not-yet', purpose: 'COMM', expect: byDefault(false) },
    ],
  }),
  kase({
    id: 'resolver-asof-equal-instant-counts',
    description: 'a statement expressed at exactly asOf counts',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [st({ id: uid(1), at: '2026-11-01T01:00:00+01:00', choices: { LINK: 'OBJT' } })],
    },
    tests: [{ id: 'same-instant-other-offset', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1)) }],
  }),
  kase({
    id: 'resolver-asof-compared-as-instants',
    description: 'eligibility compares instants, not the text of the timestamps',
    comment: 'asOf 00:30+01:00 is 23:30Z the day before; text comparison gets both statements wrong',
    section: S,
    input: {
      asOf: '2026-11-01T00:30:00+01:00',
      statements: [
        st({ id: uid(1), at: '2026-10-31T23:45:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), at: '2026-11-01T00:15:00+01:00', choices: { STAT: 'OBJT' } }),
      ],
    },
    tests: [
      { id: 'later-instant-excluded', purpose: 'LINK', expect: byDefault(true) },
      { id: 'earlier-instant-included', purpose: 'STAT', expect: stated(false, 'OBJT', uid(2)) },
    ],
  }),
  kase({
    id: 'resolver-asof-submillisecond-ignored',
    description: 'fractional seconds beyond the millisecond are ignored when comparing with asOf',
    section: 'resolver.md R1, R3',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [st({ id: uid(1), at: '2026-11-01T00:00:00.0009Z', choices: { LINK: 'OBJT' } })],
    },
    tests: [{ id: 'truncated-to-asof', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1)) }],
  }),
  kase({
    id: 'resolver-asof-before-every-statement',
    description: 'asOf before every statement gives the defaults',
    section: S,
    input: {
      asOf: '2025-01-01T00:00:00Z',
      statements: [st({ id: uid(1), at: '2026-09-03T08:15:00Z', choices: { LINK: 'OBJT', COMM: 'CONS' } })],
    },
    tests: [
      { id: 'objection-default', purpose: 'LINK', expect: byDefault(true) },
      { id: 'consent-default', purpose: 'COMM', expect: byDefault(false) },
    ],
  }),
];
