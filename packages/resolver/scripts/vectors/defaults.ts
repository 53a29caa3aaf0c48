import { AS_OF, byDefault, kase, st, stated, uid } from '../vector-kit.js';

const S = 'resolver.md R10, R11';

export const defaults = [
  kase({
    id: 'resolver-no-statements-defaults',
    description: 'with no statements every purpose takes its kind default and says so',
    comment: '"never asked" must never be confused with "said no": default is true and value is null',
    section: 'resolver.md R10',
    input: { asOf: AS_OF, statements: [] },
    tests: [
      { id: 'educ-always-shared', purpose: 'EDUC', expect: byDefault(true) },
      { id: 'stat-research-objection-shared', purpose: 'STAT', expect: byDefault(true) },
      { id: 'link-objection-shared', purpose: 'LINK', expect: byDefault(true) },
      { id: 'apps-opt-out-shared', purpose: 'APPS', expect: byDefault(true) },
      { id: 'comm-consent-not-shared', purpose: 'COMM', expect: byDefault(false) },
      { id: 'medi-consent-not-shared', purpose: 'MEDI', expect: byDefault(false) },
    ],
  }),
  kase({
    id: 'resolver-effect-of-each-value',
    description: 'each stated value has its effect and is recorded as stated',
    section: S,
    input: {
      asOf: AS_OF,
      statements: [
        st({
          id: uid(1),
          at: '2026-09-03T08:15:00Z',
          choices: {
            STAT: 'OBJT',
            RSCH: 'NOOB',
            COMM: 'CONS',
            AIDV: 'DECL',
            MEDI: 'REFU',
            POLC: 'REFU',
            APPS: 'OBJT',
          },
        }),
      ],
    },
    tests: [
      { id: 'objt-not-shared', purpose: 'STAT', expect: stated(false, 'OBJT', uid(1)) },
      { id: 'noob-shared', purpose: 'RSCH', expect: stated(true, 'NOOB', uid(1)) },
      { id: 'cons-shared', purpose: 'COMM', expect: stated(true, 'CONS', uid(1)) },
      { id: 'decl-not-shared', purpose: 'AIDV', expect: stated(false, 'DECL', uid(1)) },
      {
        id: 'refu-consent-not-shared-but-stated',
        purpose: 'MEDI',
        comment: 'same effect as silence for consent, but default is false',
        expect: stated(false, 'REFU', uid(1)),
      },
      {
        id: 'refu-objection-shared-but-stated',
        purpose: 'POLC',
        expect: stated(true, 'REFU', uid(1)),
      },
      { id: 'opt-out-objt-not-shared', purpose: 'APPS', expect: stated(false, 'OBJT', uid(1)) },
      { id: 'unanswered-stays-default', purpose: 'LINK', expect: byDefault(true) },
    ],
  }),
  kase({
    id: 'resolver-value-not-allowed-for-kind-ignored',
    description: 'a value outside the purpose kind is not an answer and leaves the default',
    comment: 'the validator rejects these; a resolver fed them anyway must not let them decide',
    section: 'resolver.md R6',
    input: {
      asOf: AS_OF,
      statements: [
        st({ id: uid(1), at: '2026-09-03T08:15:00Z', choices: { COMM: 'OBJT', LINK: 'CONS', STAT: 'DECL' } }),
      ],
    },
    tests: [
      { id: 'objt-on-consent-ignored', purpose: 'COMM', expect: byDefault(false) },
      { id: 'cons-on-objection-ignored', purpose: 'LINK', expect: byDefault(true) },
      { id: 'decl-on-research-objection-ignored', purpose: 'STAT', expect: byDefault(true) },
    ],
  }),
  kase({
    id: 'resolver-educ-ignores-choices',
    description: 'core education is always shared, whatever a statement says about it',
    comment: 'a preference never blocks teaching or safeguarding; EDUC carries no flags',
    section: 'resolver.md R10',
    input: {
      asOf: AS_OF,
      statements: [
        st({ id: uid(1), at: '2026-09-03T08:15:00Z', choices: { EDUC: 'OBJT' } }),
        st({ id: uid(2), at: '2026-09-04T08:15:00Z', person: 'C-9', choices: { EDUC: 'DECL' } }),
      ],
    },
    tests: [{ id: 'educ-shared-default', purpose: 'EDUC', expect: byDefault(true) }],
  }),
  kase({
    id: 'resolver-nobt-is-not-an-answer',
    description: 'NOBT alone leaves the default, and after an answer it changes nothing',
    section: 'resolver.md R6',
    input: {
      asOf: AS_OF,
      statements: [
        st({ id: uid(1), at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT', COMM: 'CONS' } }),
        st({ id: uid(2), at: '2026-10-01T08:00:00Z', choices: { LINK: 'NOBT', COMM: 'NOBT', AIDV: 'NOBT' } }),
      ],
    },
    tests: [
      { id: 'objection-survives-nobt', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1)) },
      { id: 'consent-survives-nobt', purpose: 'COMM', expect: stated(true, 'CONS', uid(1)) },
      { id: 'nobt-alone-is-default', purpose: 'AIDV', expect: byDefault(false) },
    ],
  }),
];
