import { byDefault, kase, st, stated, uid } from '../vector-kit.js';

export const choices = [
  kase({
    id: 'resolver-unknown-catalogue-version-and-purpose',
    description: 'a statement from an unknown catalogue version counts for the purposes this catalogue has',
    comment: 'purpose codes are permanent across catalogue versions; codes this catalogue lacks are ignored',
    section: 'resolver.md R6',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      catalogueVersion: '1',
      statements: [
        st({
          id: uid(1),
          catalogueVersion: '7',
          at: '2026-09-01T08:00:00Z',
          choices: { LINK: 'OBJT', XPRT: 'OBJT', COMM: 'CONS' },
        }),
        st({ id: uid(2), catalogueVersion: '99', at: '2026-09-02T08:00:00Z', choices: { ZZZZ: 'NOOB' } }),
      ],
    },
    tests: [
      { id: 'known-purpose-counts', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1)) },
      { id: 'known-consent-counts', purpose: 'COMM', expect: stated(true, 'CONS', uid(1)) },
      { id: 'others-default', purpose: 'STAT', expect: byDefault(true) },
    ],
  }),
  kase({
    id: 'resolver-repeated-purpose-in-one-statement',
    description:
      'one statement answering a purpose twice: the protective answer, then REFU, is taken, whatever the order',
    comment: 'the validator rejects this; the resolver must still be deterministic',
    section: 'resolver.md R6',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00Z',
          choices: [
            ['LINK', 'NOOB'],
            ['LINK', 'OBJT'],
            ['COMM', 'DECL'],
            ['COMM', 'CONS'],
            ['STAT', 'NOOB'],
            ['STAT', 'REFU'],
            ['RSCH', 'NOOB'],
            ['RSCH', 'NOBT'],
          ],
        }),
      ],
    },
    tests: [
      { id: 'objection-over-yes', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1)) },
      { id: 'decline-over-consent', purpose: 'COMM', expect: stated(false, 'DECL', uid(1)) },
      { id: 'refusal-over-yes', purpose: 'STAT', expect: stated(true, 'REFU', uid(1)) },
      { id: 'nobt-ignored', purpose: 'RSCH', expect: stated(true, 'NOOB', uid(1)) },
    ],
  }),
  kase({
    id: 'resolver-repeated-purpose-consent-listed-first',
    description:
      'one statement answering a consent purpose twice, the consent listed first: the decline is taken',
    comment:
      'found by mutation testing: with the decline listed first, a resolver that ranks DECL like CONS still passes',
    section: 'resolver.md R6',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00Z',
          choices: [
            ['MEDI', 'CONS'],
            ['MEDI', 'DECL'],
            ['AIDV', 'CONS'],
            ['AIDV', 'REFU'],
          ],
        }),
      ],
    },
    tests: [
      { id: 'decline-over-consent', purpose: 'MEDI', expect: stated(false, 'DECL', uid(1)) },
      { id: 'refusal-over-consent', purpose: 'AIDV', expect: stated(false, 'REFU', uid(1)) },
    ],
  }),
];
