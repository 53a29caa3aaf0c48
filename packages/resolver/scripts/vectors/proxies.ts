import { kase, st, stated, uid } from '../vector-kit.js';

const S = 'resolver.md R7, R9';
const DISAGREE = ['parents-disagree'];

const twoParentsOneWithdraws = [
  st({ id: uid(1), person: 'C-1', at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
  st({ id: uid(2), person: 'C-2', at: '2026-10-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
  st({ id: uid(3), person: 'C-2', at: '2026-10-05T08:00:00Z', choices: { LINK: 'NOOB' } }),
  st({ id: uid(4), person: 'C-1', at: '2026-10-15T08:00:00Z', choices: { LINK: 'NOOB' } }),
];

export const proxies = [
  kase({
    id: 'resolver-two-parents-disagree',
    description: 'one parent objects, the other later says no objection: the objection stands, flagged',
    comment: 'the other parent saying NOOB again does not withdraw an objection that is not theirs',
    section: S,
    input: { asOf: '2026-10-10T00:00:00Z', statements: twoParentsOneWithdraws },
    tests: [{ id: 'objection-stands', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), DISAGREE) }],
  }),
  kase({
    id: 'resolver-two-parents-objector-withdraws',
    description: 'when the parent who objected withdraws, the latest answer decides',
    section: S,
    input: { asOf: '2026-11-01T00:00:00Z', statements: twoParentsOneWithdraws },
    tests: [{ id: 'withdrawn', purpose: 'LINK', expect: stated(true, 'NOOB', uid(4), []) }],
  }),
  kase({
    id: 'resolver-two-parents-consent',
    description: 'for a consent purpose a decline by either parent stands until that parent consents',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          person: 'C-1',
          at: '2026-09-01T08:00:00Z',
          choices: { COMM: 'CONS', AIDV: 'CONS' },
        }),
        st({
          id: uid(2),
          person: 'C-2',
          at: '2026-10-01T08:00:00Z',
          choices: { COMM: 'DECL', AIDV: 'DECL' },
        }),
        st({ id: uid(3), person: 'C-2', at: '2026-10-15T08:00:00Z', choices: { AIDV: 'CONS' } }),
      ],
    },
    tests: [
      { id: 'decline-stands', purpose: 'COMM', expect: stated(false, 'DECL', uid(2), DISAGREE) },
      { id: 'decline-withdrawn', purpose: 'AIDV', expect: stated(true, 'CONS', uid(3), []) },
    ],
  }),
  kase({
    id: 'resolver-two-parents-both-protective',
    description: 'two objections: the later one decides; an objection against a refusal is no disagreement',
    section: S,
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          person: 'C-1',
          at: '2026-09-01T08:00:00Z',
          choices: { LINK: 'OBJT', STAT: 'OBJT' },
        }),
        st({
          id: uid(2),
          person: 'C-2',
          at: '2026-10-01T08:00:00Z',
          choices: { LINK: 'OBJT', STAT: 'REFU' },
        }),
      ],
    },
    tests: [
      { id: 'later-objection-decides', purpose: 'LINK', expect: stated(false, 'OBJT', uid(2), []) },
      { id: 'objection-beats-refusal', purpose: 'STAT', expect: stated(false, 'OBJT', uid(1), []) },
    ],
  }),
  kase({
    id: 'resolver-same-person-refu-after-answer',
    description: 'REFU never withdraws an objection or decline, but replaces a yes',
    section: 'resolver.md R7, R11',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          at: '2026-09-01T08:00:00Z',
          choices: { LINK: 'OBJT', STAT: 'NOOB', COMM: 'CONS', AIDV: 'DECL' },
        }),
        st({
          id: uid(2),
          at: '2026-10-01T08:00:00Z',
          choices: { LINK: 'REFU', STAT: 'REFU', COMM: 'REFU', AIDV: 'REFU' },
        }),
      ],
    },
    tests: [
      { id: 'refu-after-objt', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1)) },
      { id: 'refu-after-noob', purpose: 'STAT', expect: stated(true, 'REFU', uid(2)) },
      { id: 'refu-after-cons', purpose: 'COMM', expect: stated(false, 'REFU', uid(2)) },
      { id: 'refu-after-decl', purpose: 'AIDV', expect: stated(false, 'DECL', uid(1)) },
    ],
  }),
  kase({
    id: 'resolver-person-ref-prototype-names',
    description: 'personRefs named like object prototype members are ordinary, distinct people',
    comment: 'an implementation keying people in a plain object loses or merges these',
    section: 'resolver.md R7',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({
          id: uid(1),
          person: '__proto__',
          at: '2026-09-01T08:00:00Z',
          choices: { LINK: 'OBJT', STAT: 'OBJT' },
        }),
        st({ id: uid(2), person: 'constructor', at: '2026-10-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
        st({ id: uid(3), person: 'toString', at: '2026-10-05T08:00:00Z', choices: { LINK: 'NOOB' } }),
        st({ id: uid(4), person: '__proto__', at: '2026-10-10T08:00:00Z', choices: { STAT: 'NOOB' } }),
        st({ id: uid(5), person: 'hasOwnProperty', at: '2026-09-02T08:00:00Z', choices: { RSCH: 'OBJT' } }),
        st({ id: uid(6), person: 'valueOf', at: '2026-09-03T08:00:00Z', choices: { RSCH: 'OBJT' } }),
      ],
    },
    tests: [
      { id: 'proto-objection-stands', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), DISAGREE) },
      { id: 'proto-withdraws-own', purpose: 'STAT', expect: stated(true, 'NOOB', uid(4), []) },
      { id: 'two-prototype-names-two-people', purpose: 'RSCH', expect: stated(false, 'OBJT', uid(6), []) },
    ],
  }),
  kase({
    id: 'resolver-person-ref-unicode-forms',
    description:
      'personRefs that differ only in Unicode normalisation or look-alike spaces are different people',
    comment: 'compare exactly, code point by code point: no NFC, no trimming, no case folding',
    section: 'resolver.md R7',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), person: 'Zo\u00eb', at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), person: 'Zoe\u0308', at: '2026-10-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
        st({ id: uid(3), person: 'C 1', at: '2026-09-01T08:00:00Z', choices: { STAT: 'OBJT' } }),
        st({ id: uid(4), person: 'C\u00a01', at: '2026-10-01T08:00:00Z', choices: { STAT: 'NOOB' } }),
        st({ id: uid(5), person: 'C-1', at: '2026-09-01T08:00:00Z', choices: { RSCH: 'OBJT' } }),
        st({ id: uid(6), person: 'C-1\u200b', at: '2026-10-01T08:00:00Z', choices: { RSCH: 'NOOB' } }),
        st({ id: uid(7), person: 'c-1', at: '2026-10-02T08:00:00Z', choices: { RSCH: 'NOOB' } }),
      ],
    },
    tests: [
      { id: 'nfc-and-nfd-differ', purpose: 'LINK', expect: stated(false, 'OBJT', uid(1), DISAGREE) },
      { id: 'space-and-nbsp-differ', purpose: 'STAT', expect: stated(false, 'OBJT', uid(3), DISAGREE) },
      { id: 'zero-width-and-case-differ', purpose: 'RSCH', expect: stated(false, 'OBJT', uid(5), DISAGREE) },
    ],
  }),
  kase({
    id: 'resolver-person-is-the-ref-not-the-role',
    description:
      'the same personRef under another proxy role is the same person; other proxy roles count like parents',
    section: 'resolver.md R5, R7',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), person: 'C-1', at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), role: 'SCH', person: 'C-1', at: '2026-10-01T08:00:00Z', choices: { LINK: 'NOOB' } }),
        st({
          id: uid(3),
          role: 'CORP',
          person: 'LA-1',
          at: '2026-09-02T08:00:00Z',
          choices: { STAT: 'OBJT' },
        }),
        st({ id: uid(4), role: 'REP', person: 'R-1', at: '2026-10-02T08:00:00Z', choices: { STAT: 'NOOB' } }),
      ],
    },
    tests: [
      {
        id: 'school-entry-withdraws-for-same-person',
        purpose: 'LINK',
        expect: stated(true, 'NOOB', uid(2), []),
      },
      {
        id: 'corporate-parent-objection-stands',
        purpose: 'STAT',
        expect: stated(false, 'OBJT', uid(3), DISAGREE),
      },
    ],
  }),
  kase({
    id: 'resolver-two-objectors-latest-decides',
    description:
      'two people object, and the first objects again last: the latest objection in R3 order decides, not the last person met',
    comment:
      'found by mutation testing: a resolver that takes the last person it met, not the latest statement, picks C-2',
    section: 'resolver.md R9',
    input: {
      asOf: '2026-11-01T00:00:00Z',
      statements: [
        st({ id: uid(1), person: 'C-1', at: '2026-09-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(2), person: 'C-2', at: '2026-09-15T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(3), person: 'C-1', at: '2026-10-01T08:00:00Z', choices: { LINK: 'OBJT' } }),
        st({ id: uid(4), person: 'C-2', at: '2026-08-01T08:00:00Z', choices: { COMM: 'CONS' } }),
        st({ id: uid(5), person: 'C-1', at: '2026-08-15T08:00:00Z', choices: { COMM: 'CONS' } }),
      ],
    },
    tests: [
      { id: 'latest-objection', purpose: 'LINK', expect: stated(false, 'OBJT', uid(3)) },
      {
        id: 'latest-consent',
        purpose: 'COMM',
        comment: 'C-2 is met first for COMM; C-1 consented later',
        expect: stated(true, 'CONS', uid(5)),
      },
    ],
  }),
];
