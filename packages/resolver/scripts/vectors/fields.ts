import { AS_OF, byDefault, type Expect, kase, type StatementSpec, st, stated, uid } from '../vector-kit.js';

/**
 * Minimal pairs (issue 11, the field × rule table in conformance/README.md): cases of one family differ
 * in **one** statement field and nothing else, and their expected outcomes differ. A resolver that reads
 * the wrong field, or ignores one (orders by recordedAt, checks eligibility on recordedAt, keys people by
 * role, reads the date of birth from the first statement...), fails one case of a pair whatever it does
 * with the other. Times are written out so that no field moves with another (`rec` is never left to
 * follow `at`).
 */

type Edit = (s: Record<string, unknown>) => void;
interface Variant {
  id: string;
  description: string;
  statements: (StatementSpec & { edit?: Edit })[];
  expect: Expect;
}

function family(o: {
  id: string;
  description: string;
  section: string;
  comment?: string;
  subject?: { dateOfBirth: string };
  purpose: string;
  variants: Variant[];
}): ReturnType<typeof kase>[] {
  return o.variants.map((v) =>
    kase({
      id: `${o.id}-${v.id}`,
      description: `${o.description}: ${v.description}`,
      ...(o.comment ? { comment: o.comment } : {}),
      section: o.section,
      input: {
        ...(o.subject ? { subject: o.subject } : {}),
        asOf: AS_OF,
        statements: v.statements.map(({ edit, ...spec }) => {
          const s = st(spec);
          edit?.(s);
          return s;
        }),
      },
      tests: [{ id: 'outcome', purpose: o.purpose, expect: v.expect }],
    }),
  );
}

/** Sets one subject identifier that `st` does not take. */
const setSubject =
  (key: string, value: string): Edit =>
  (s) => {
    (s.subject as Record<string, unknown>)[key] = value;
  };
const CONFLICT = ['statement-id-conflict'];
const LATE = '2026-10-20T08:00:00Z';

/** R2: two copies of one id; the second copy differs from the first in one field (or not at all). */
function copies(change: Partial<StatementSpec> & { edit?: Edit }, rec = '2026-09-05T08:00:00Z') {
  const first = {
    id: uid(1),
    person: 'C-1',
    at: '2026-09-01T08:00:00Z',
    rec: '2026-09-02T08:00:00Z',
    choices: { LINK: 'OBJT' as const },
  };
  return [first, { ...first, rec, ...change }];
}

export const fields = [
  ...family({
    id: 'resolver-field-eligibility',
    description: 'eligibility reads expressedAt, never recordedAt (both copies recorded after asOf)',
    section: 'resolver.md R1',
    purpose: 'LINK',
    variants: [
      {
        id: 'expressed-before-as-of',
        description: 'expressed before asOf: eligible',
        statements: [
          {
            id: uid(1),
            person: 'C-1',
            at: '2026-10-01T08:00:00Z',
            rec: '2026-11-05T09:00:00Z',
            choices: { LINK: 'OBJT' },
          },
        ],
        expect: stated(false, 'OBJT', uid(1)),
      },
      {
        id: 'expressed-after-as-of',
        description: 'expressed after asOf: not eligible',
        statements: [
          {
            id: uid(1),
            person: 'C-1',
            at: '2026-11-02T08:00:00Z',
            rec: '2026-11-05T09:00:00Z',
            choices: { LINK: 'OBJT' },
          },
        ],
        expect: byDefault(true),
      },
    ],
  }),
  ...family({
    id: 'resolver-field-order-expressed',
    description: 'one person answers twice; the order is by expressedAt, against the order of recording',
    section: 'resolver.md R3',
    purpose: 'LINK',
    variants: [
      ['first-expressed-first', '2026-09-01T08:00:00Z', stated(true, 'NOOB', uid(2))] as const,
      ['first-expressed-last', '2026-10-05T08:00:00Z', stated(false, 'OBJT', uid(1))] as const,
    ].map(([id, at, expect]) => ({
      id,
      description: `the objection expressed at ${at}, recorded last`,
      statements: [
        { id: uid(1), person: 'C-1', at, rec: LATE, choices: { LINK: 'OBJT' } },
        {
          id: uid(2),
          person: 'C-1',
          at: '2026-10-01T08:00:00Z',
          rec: '2026-10-10T08:00:00Z',
          choices: { LINK: 'NOOB' },
        },
      ],
      expect,
    })),
  }),
  ...family({
    id: 'resolver-field-order-recorded',
    description: 'one person answers twice at the same expressedAt; recordedAt breaks the tie',
    section: 'resolver.md R3',
    purpose: 'LINK',
    variants: [
      ['objection-recorded-first', '2026-10-02T08:00:00Z', stated(true, 'NOOB', uid(2))] as const,
      ['objection-recorded-last', '2026-10-04T08:00:00Z', stated(false, 'OBJT', uid(1))] as const,
    ].map(([id, rec, expect]) => ({
      id,
      description: `the objection recorded at ${rec}`,
      statements: [
        { id: uid(1), person: 'C-1', at: '2026-10-01T08:00:00Z', rec, choices: { LINK: 'OBJT' } },
        {
          id: uid(2),
          person: 'C-1',
          at: '2026-10-01T08:00:00Z',
          rec: '2026-10-03T08:00:00Z',
          choices: { LINK: 'NOOB' },
        },
      ],
      expect,
    })),
  }),
  ...family({
    id: 'resolver-field-order-id',
    description:
      'one person answers twice, expressed and recorded at the same instants; the id breaks the tie',
    section: 'resolver.md R3',
    purpose: 'LINK',
    variants: [
      ['objection-lower-id', uid(1), stated(true, 'NOOB', uid(2))] as const,
      ['objection-higher-id', uid(3), stated(false, 'OBJT', uid(3))] as const,
    ].map(([id, objectionId, expect]) => ({
      id,
      description: `the objection has id ${objectionId}`,
      statements: [
        {
          id: objectionId,
          person: 'C-1',
          at: '2026-10-01T08:00:00Z',
          rec: '2026-10-01T08:00:00Z',
          choices: { LINK: 'OBJT' },
        },
        {
          id: uid(2),
          person: 'C-1',
          at: '2026-10-01T08:00:00Z',
          rec: '2026-10-01T08:00:00Z',
          choices: { LINK: 'NOOB' },
        },
      ],
      expect,
    })),
  }),
  ...family({
    id: 'resolver-field-identity',
    description: 'two copies of one id, the second recorded later, differing in one field',
    comment: 'every field of the conflict key is varied alone; the copy recorded first decides in every case',
    section: 'resolver.md R2',
    purpose: 'LINK',
    variants: [
      {
        id: 'same-content',
        description: 'identical copies: no conflict',
        statements: copies({}),
        expect: stated(false, 'OBJT', uid(1)),
      },
      {
        id: 'other-upn',
        description: 'another UPN',
        statements: copies({ edit: setSubject('upn', 'Q801200005002') }),
        expect: stated(false, 'OBJT', uid(1), CONFLICT),
      },
      {
        id: 'other-uln',
        description: 'another ULN',
        statements: copies({ edit: setSubject('uln', '1234567902') }),
        expect: stated(false, 'OBJT', uid(1), CONFLICT),
      },
      {
        id: 'other-local-id',
        description: 'another local id',
        statements: copies({ localId: 'ADM-00413' }),
        expect: stated(false, 'OBJT', uid(1), CONFLICT),
      },
      {
        id: 'other-date-of-birth',
        description: 'a date of birth on the later copy only',
        statements: copies({ dob: '2012-03-01' }),
        expect: stated(false, 'OBJT', uid(1), CONFLICT),
      },
      {
        id: 'other-role',
        description: 'another role (CAR)',
        statements: copies({ role: 'CAR' }),
        expect: stated(false, 'OBJT', uid(1), CONFLICT),
      },
      {
        id: 'other-person',
        description: 'another personRef',
        statements: copies({ person: 'C-2' }),
        expect: stated(false, 'OBJT', uid(1), CONFLICT),
      },
      {
        id: 'other-basis',
        description: 'another competenceBasis (BINT)',
        statements: copies({ basis: 'BINT' }),
        expect: stated(false, 'OBJT', uid(1), CONFLICT),
      },
      {
        id: 'other-catalogue-version',
        description: 'another catalogueVersion',
        statements: copies({ catalogueVersion: '2' }),
        expect: stated(false, 'OBJT', uid(1), CONFLICT),
      },
      {
        id: 'other-value',
        description: 'another value (NOOB)',
        statements: copies({ choices: { LINK: 'NOOB' } }),
        expect: stated(false, 'OBJT', uid(1), CONFLICT),
      },
      {
        id: 'other-value-recorded-first',
        description: 'another value (NOOB) on the copy recorded first',
        statements: copies({ choices: { LINK: 'NOOB' } }, '2026-09-01T09:00:00Z'),
        expect: stated(true, 'NOOB', uid(1), CONFLICT),
      },
      {
        id: 'other-id',
        description: 'the same content under another id: two statements, the one recorded later is later',
        statements: copies({ id: uid(2) }),
        expect: stated(false, 'OBJT', uid(2)),
      },
    ],
  }),
  ...family({
    id: 'resolver-field-date-of-birth',
    description:
      'a pupil (2026-10-15) objects after a parent said no objection; the date of birth is the latest eligible one',
    comment:
      'the parent’s statement carries 2010-01-01, a third statement 2016-01-01; which one counts decides whether the pupil is competent',
    section: 'resolver.md R4, R5',
    purpose: 'LINK',
    variants: [
      [
        'pupil-gives-2016',
        '2016-01-01',
        '2026-08-01T08:00:00Z',
        stated(true, 'NOOB', uid(1), ['pupil-not-competent']),
      ] as const,
      ['pupil-gives-2010', '2010-01-01', '2026-08-01T08:00:00Z', stated(false, 'OBJT', uid(2))] as const,
      ['pupil-gives-none', undefined, '2026-08-01T08:00:00Z', stated(false, 'OBJT', uid(2))] as const,
      [
        'pupil-gives-none-third-later',
        undefined,
        '2026-09-15T08:00:00Z',
        stated(true, 'NOOB', uid(1), ['pupil-not-competent']),
      ] as const,
    ].map(([id, dob, thirdAt, expect]) => ({
      id,
      description: `pupil's statement dated of birth ${dob ?? 'absent'}, the 2016 statement expressed ${thirdAt}`,
      statements: [
        {
          id: uid(1),
          person: 'C-1',
          at: '2026-09-01T08:00:00Z',
          rec: LATE,
          dob: '2010-01-01',
          choices: { LINK: 'NOOB' },
        },
        {
          id: uid(2),
          role: 'PUP',
          at: '2026-10-15T08:00:00Z',
          rec: LATE,
          ...(dob ? { dob } : {}),
          choices: { LINK: 'OBJT' },
        },
        { id: uid(3), person: 'C-1', at: thirdAt, rec: LATE, dob: '2016-01-01', choices: { STAT: 'NOOB' } },
      ],
      expect,
    })),
  }),
  ...family({
    id: 'resolver-field-pupil-basis',
    description: 'no date of birth; a pupil says no objection before a parent objects',
    section: 'resolver.md R5',
    purpose: 'LINK',
    variants: [
      ['assessed', 'ASSD', stated(true, 'NOOB', uid(2))] as const,
      ['presumed', 'PR12', stated(true, 'NOOB', uid(2))] as const,
      ['no-basis', undefined, stated(false, 'OBJT', uid(1), ['pupil-not-competent'])] as const,
    ].map(([id, basis, expect]) => ({
      id,
      description: `the pupil's competenceBasis is ${basis ?? 'absent'}`,
      statements: [
        { id: uid(1), person: 'C-1', at: '2026-10-01T08:00:00Z', rec: LATE, choices: { LINK: 'OBJT' } },
        {
          id: uid(2),
          role: 'PUP',
          at: '2026-09-01T08:00:00Z',
          rec: LATE,
          ...(basis ? { basis } : {}),
          choices: { LINK: 'NOOB' },
        },
      ],
      expect,
    })),
  }),
  ...family({
    id: 'resolver-field-pupil-age',
    description: 'born 2014-10-15; a parent objects, then the pupil says no objection',
    section: 'resolver.md R5',
    subject: { dateOfBirth: '2014-10-15' },
    purpose: 'LINK',
    variants: [
      [
        'day-before-twelfth-birthday',
        '2026-10-14T08:00:00Z',
        stated(false, 'OBJT', uid(1), ['review-due', 'pupil-not-competent']),
      ] as const,
      ['day-after-twelfth-birthday', '2026-10-16T08:00:00Z', stated(true, 'NOOB', uid(2))] as const,
    ].map(([id, at, expect]) => ({
      id,
      description: `the pupil answers at ${at}`,
      statements: [
        { id: uid(1), person: 'C-1', at: '2026-09-01T08:00:00Z', rec: LATE, choices: { LINK: 'OBJT' } },
        { id: uid(2), role: 'PUP', at, rec: LATE, choices: { LINK: 'NOOB' } },
      ],
      expect,
    })),
  }),
  ...family({
    id: 'resolver-field-role',
    description: 'a 16-year-old; P-7 says no objection, then a parent objects',
    comment: 'only the role of P-7 changes: a competent pupil prevails, a carer is one more proxy',
    section: 'resolver.md R5, R8',
    subject: { dateOfBirth: '2010-01-01' },
    purpose: 'LINK',
    variants: [
      ['pupil', 'PUP', stated(true, 'NOOB', uid(2))] as const,
      ['carer', 'CAR', stated(false, 'OBJT', uid(1), ['parents-disagree'])] as const,
    ].map(([id, role, expect]) => ({
      id,
      description: `P-7 has role ${role}`,
      statements: [
        { id: uid(1), person: 'C-1', at: '2026-10-01T08:00:00Z', rec: LATE, choices: { LINK: 'OBJT' } },
        {
          id: uid(2),
          role,
          person: 'P-7',
          basis: 'NA',
          at: '2026-09-01T08:00:00Z',
          rec: LATE,
          choices: { LINK: 'NOOB' },
        },
      ],
      expect,
    })),
  }),
  ...family({
    id: 'resolver-field-authorised-parent',
    description: 'a 16-year-old says no objection on 2026-09-01; a parent objects',
    section: 'resolver.md R8',
    subject: { dateOfBirth: '2010-01-01' },
    purpose: 'LINK',
    variants: [
      ['auth-after', 'AUTH', '2026-10-01T08:00:00Z', stated(false, 'OBJT', uid(2))] as const,
      ['na-after', 'NA', '2026-10-01T08:00:00Z', stated(true, 'NOOB', uid(1))] as const,
      ['auth-before', 'AUTH', '2026-08-15T08:00:00Z', stated(true, 'NOOB', uid(1))] as const,
    ].map(([id, basis, at, expect]) => ({
      id,
      description: `the parent's basis is ${basis}, expressed ${at}`,
      statements: [
        { id: uid(1), role: 'PUP', at: '2026-09-01T08:00:00Z', rec: LATE, choices: { LINK: 'NOOB' } },
        { id: uid(2), person: 'C-1', basis, at, rec: LATE, choices: { LINK: 'OBJT' } },
      ],
      expect,
    })),
  }),
  ...family({
    id: 'resolver-field-same-person',
    description: 'C-1 objects on 2026-09-01; a later proxy statement answers',
    section: 'resolver.md R7, R9',
    purpose: 'LINK',
    variants: [
      [
        'other-person-no-objection',
        'C-2',
        'NOOB',
        stated(false, 'OBJT', uid(1), ['parents-disagree']),
      ] as const,
      ['same-person-no-objection', 'C-1', 'NOOB', stated(true, 'NOOB', uid(2))] as const,
      ['other-person-objects', 'C-2', 'OBJT', stated(false, 'OBJT', uid(2))] as const,
    ].map(([id, person, value, expect]) => ({
      id,
      description: `${person} says ${value}`,
      statements: [
        { id: uid(1), person: 'C-1', at: '2026-09-01T08:00:00Z', rec: LATE, choices: { LINK: 'OBJT' } },
        { id: uid(2), person, at: '2026-10-01T08:00:00Z', rec: LATE, choices: { LINK: value } },
      ],
      expect,
    })),
  }),
  ...family({
    id: 'resolver-field-review',
    description: 'one objection for LINK by C-1; a review falls due only when every condition of R12 holds',
    section: 'resolver.md R12',
    purpose: 'LINK',
    variants: (
      [
        ['all-hold', {}, stated(false, 'OBJT', uid(1), ['review-due'])],
        ['born-2016', { dob: '2016-01-01' }, stated(false, 'OBJT', uid(1))],
        ['authorised', { basis: 'AUTH' }, stated(false, 'OBJT', uid(1))],
        ['made-at-twelve', { at: '2026-02-01T08:00:00Z' }, stated(false, 'OBJT', uid(1))],
        ['made-by-pupil', { role: 'PUP' }, byDefault(true, ['pupil-not-competent'])],
      ] as const
    ).map(([id, change, expect]) => ({
      id,
      description:
        id === 'all-hold'
          ? 'by a parent (NA) in 2022 for a pupil born 2014-01-01'
          : `as all-hold, ${JSON.stringify(change)}`,
      statements: [
        {
          id: uid(1),
          person: 'C-1',
          basis: 'NA' as const,
          at: '2022-09-01T08:00:00Z',
          rec: LATE,
          dob: '2014-01-01',
          choices: { LINK: 'OBJT' as const },
          ...change,
        },
      ],
      expect,
    })),
  }),
];
