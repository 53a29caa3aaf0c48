import { createHash } from 'node:crypto';
import type { Choice, Notice, Statement } from '@reuse-pref/schema';
import { contactRef, PUPILS, type Pupil, pupil, SETTING } from './roster.js';

export const RECORDED_BY = { supplierId: 'SUP-OAKMIS', system: 'Oak MIS', systemVersion: '12.4.0' };
const ADMISSIONS = (year: number): Notice => ({
  id: 'NOTICE-ADMISSIONS',
  version: `${year}.1`,
  language: 'en',
});
export const COLLECTION_SHEET: Notice = { id: 'NOTICE-DCS', version: '2026.1', language: 'en' };
const PUPIL_NOTICE: Notice = { id: 'NOTICE-PUPIL', version: '2026.1', language: 'en' };

type Choices = Record<string, Choice['value']>;

/** Stable ids, so that every run of the seed makes the same statements and the demo prints the same. */
function statementId(seed: string): string {
  const h = createHash('sha256').update(`oakfield:${seed}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Draft
  extends Omit<
    Statement,
    'id' | 'specVersion' | 'catalogueVersion' | 'setting' | 'subject' | 'recordedBy' | 'choices'
  > {
  subject?: Statement['subject'];
}

function make(p: Pupil, seed: string, draft: Draft, choices: Choices): Statement {
  return {
    id: statementId(`${p.subject.localId}:${seed}`),
    specVersion: '1.0.0',
    catalogueVersion: '1',
    subject: p.subject,
    setting: SETTING,
    recordedBy: RECORDED_BY,
    ...draft,
    choices: Object.entries(choices).map(([purpose, value]) => ({ purpose, value })),
  };
}

/** The paper admission form, filled by a parent when the pupil joined (Reception, or a later transfer). */
function admission(p: Pupil, choices: Choices, by: 'mother' | 'father' = 'mother'): Statement {
  const year = 2000 + Number(p.subject.upn!.slice(8, 10));
  const day = String(2 + (Number(p.subject.upn!.slice(10)) % 5)).padStart(2, '0');
  return make(
    p,
    'admission',
    {
      expressedBy: { role: 'PAR', personRef: contactRef(p, by) },
      competenceBasis: 'NA',
      expressedAt: `${year}-09-${day}T08:30:00Z`,
      recordedAt: `${year}-09-${day}T15:10:00Z`,
      channel: 'PAPR',
      notice: ADMISSIONS(year),
    },
    choices,
  );
}

// The answers families most often give, cycled over the pupils whose histories are ordinary.
const USUAL: Choices[] = [
  {
    STAT: 'NOOB',
    RSCH: 'NOOB',
    RSXT: 'NOOB',
    LINK: 'NOOB',
    COMM: 'DECL',
    AIDV: 'DECL',
    MEDI: 'DECL',
    OPER: 'NOOB',
    IMMI: 'NOOB',
    POLC: 'NOOB',
    APPS: 'NOOB',
  },
  {
    STAT: 'NOOB',
    RSCH: 'NOOB',
    RSXT: 'OBJT',
    LINK: 'OBJT',
    COMM: 'DECL',
    AIDV: 'DECL',
    MEDI: 'DECL',
    IMMI: 'OBJT',
    APPS: 'NOOB',
  },
  { STAT: 'NOOB', RSCH: 'NOOB', COMM: 'DECL', MEDI: 'CONS', APPS: 'NOOB' },
  { RSXT: 'OBJT', COMM: 'DECL', AIDV: 'DECL', IMMI: 'OBJT', POLC: 'REFU', APPS: 'NOOB' },
];

/** Pupils whose histories tell a story; everyone else has one ordinary admission form. */
const STORIES: Record<string, (p: Pupil) => Statement[]> = {
  // Joined in Year 7 with a CTF from her primary; at 14 her own choice stands against her mother's.
  'Amira Khan': (p) => [
    make(
      p,
      'ctf-import',
      {
        expressedBy: { role: 'PAR', personRef: contactRef(p, 'mother') },
        competenceBasis: 'NA',
        expressedAt: '2022-09-05T08:30:00Z',
        recordedAt: '2023-07-21T14:00:00Z',
        channel: 'CTFI',
        notice: ADMISSIONS(2022),
        provenance: {
          originalSetting: { urn: '100123', laEstab: '8012345' },
          originalChannel: 'PAPR',
          originalRecordedAt: '2022-09-06T10:15:00Z',
          originalRecordedBy: { supplierId: 'SUP-ELMMIS', system: 'Elm MIS' },
          transferredAt: '2023-07-20T16:00:00Z',
        },
      },
      { STAT: 'NOOB', RSCH: 'NOOB', RSXT: 'OBJT', LINK: 'OBJT', COMM: 'DECL', APPS: 'NOOB' },
    ),
    make(
      p,
      'pupil-portal',
      {
        expressedBy: { role: 'PUP', personRef: contactRef(p, 'pupil') },
        competenceBasis: 'PR12',
        expressedAt: '2026-09-10T12:40:00Z',
        recordedAt: '2026-09-10T12:41:05Z',
        channel: 'ONLN',
        notice: PUPIL_NOTICE,
      },
      { LINK: 'NOOB', RSXT: 'NOOB', AIDV: 'DECL', MEDI: 'DECL' },
    ),
    make(
      p,
      'collection-sheet',
      {
        expressedBy: { role: 'PAR', personRef: contactRef(p, 'mother') },
        expressedAt: '2026-10-02T19:05:00Z',
        recordedAt: '2026-10-03T08:20:00Z',
        channel: 'ONLN',
        notice: COLLECTION_SHEET,
      },
      { LINK: 'OBJT', POLC: 'OBJT' },
    ),
  ],
  // Parents disagree: an objection by either stands until that parent withdraws it.
  'Ben Taylor': (p) => [
    admission(p, { STAT: 'NOOB', RSXT: 'OBJT', LINK: 'NOOB', IMMI: 'OBJT', COMM: 'DECL', APPS: 'NOOB' }),
    make(
      p,
      'collection-sheet',
      {
        expressedBy: { role: 'PAR', personRef: contactRef(p, 'father') },
        competenceBasis: 'NA',
        expressedAt: '2026-09-20T20:10:00Z',
        recordedAt: '2026-09-20T20:10:02Z',
        channel: 'ONLN',
        notice: COLLECTION_SHEET,
      },
      { RSXT: 'NOOB', IMMI: 'NOOB', COMM: 'CONS', APPS: 'OBJT' },
    ),
  ],
  // Looked after: the local authority decides in her best interests; her own wish at 7 is heard, not decisive.
  'Chloe Evans': (p) => [
    make(
      p,
      'corporate-parent',
      {
        expressedBy: { role: 'CORP', personRef: contactRef(p, 'local authority') },
        competenceBasis: 'BINT',
        expressedAt: '2023-09-08T11:00:00Z',
        recordedAt: '2023-09-08T11:30:00Z',
        channel: 'MISE',
        notice: ADMISSIONS(2023),
      },
      { IMMI: 'OBJT', POLC: 'OBJT', MEDI: 'DECL', LINK: 'OBJT', APPS: 'NOOB' },
    ),
    make(
      p,
      'pupil-voice',
      {
        expressedBy: { role: 'PUP', personRef: contactRef(p, 'pupil') },
        expressedAt: '2026-09-15T09:20:00Z',
        recordedAt: '2026-09-15T09:45:00Z',
        channel: 'VERB',
        notice: PUPIL_NOTICE,
      },
      { APPS: 'OBJT' },
    ),
  ],
  // At 13 he answered for himself; his mother's admission-form objections no longer decide.
  'Noah Williams': (p) => [
    admission(p, { STAT: 'NOOB', RSCH: 'OBJT', LINK: 'OBJT', COMM: 'DECL', APPS: 'NOOB' }),
    make(
      p,
      'pupil-portal',
      {
        expressedBy: { role: 'PUP', personRef: contactRef(p, 'pupil') },
        competenceBasis: 'PR12',
        expressedAt: '2026-09-12T13:05:00Z',
        recordedAt: '2026-09-12T13:05:40Z',
        channel: 'ONLN',
        notice: PUPIL_NOTICE,
      },
      { RSCH: 'NOOB', LINK: 'NOOB', APPS: 'OBJT' },
    ),
  ],
  'Grace Okafor': (p) => [
    admission(p, USUAL[0]!),
    make(
      p,
      'collection-sheet',
      {
        expressedBy: { role: 'PAR', personRef: contactRef(p, 'mother') },
        competenceBasis: 'NA',
        expressedAt: '2026-09-08T18:30:00Z',
        recordedAt: '2026-09-09T08:00:00Z',
        channel: 'ONLN',
        notice: COLLECTION_SHEET,
      },
      { APPS: 'OBJT' },
    ),
  ],
  // Sixteen, and answering for himself.
  'Leo Martin': (p) => [
    admission(p, USUAL[1]!),
    make(
      p,
      'pupil-portal',
      {
        expressedBy: { role: 'PUP', personRef: contactRef(p, 'pupil') },
        expressedAt: '2026-09-04T10:00:00Z',
        recordedAt: '2026-09-04T10:00:30Z',
        channel: 'ONLN',
        notice: PUPIL_NOTICE,
      },
      { APPS: 'OBJT', MEDI: 'CONS', LINK: 'NOOB' },
    ),
  ],
  'Harry Jones': (p) => [
    admission(p, USUAL[0]!),
    make(
      p,
      'pupil-email',
      {
        expressedBy: { role: 'PUP', personRef: contactRef(p, 'pupil') },
        competenceBasis: 'ASSD',
        expressedAt: '2026-09-07T16:45:00Z',
        recordedAt: '2026-09-08T09:10:00Z',
        channel: 'EMAL',
        notice: PUPIL_NOTICE,
      },
      { IMMI: 'OBJT', POLC: 'OBJT', LINK: 'OBJT' },
    ),
  ],
  // Emily asked her mother to fill in the sheet for her: AUTH keeps a competent pupil's authority.
  'Emily Turner': (p) => [
    admission(p, USUAL[2]!),
    make(
      p,
      'collection-sheet',
      {
        expressedBy: { role: 'PAR', personRef: contactRef(p, 'mother') },
        competenceBasis: 'AUTH',
        expressedAt: '2026-09-11T20:00:00Z',
        recordedAt: '2026-09-12T08:30:00Z',
        channel: 'ONLN',
        notice: COLLECTION_SHEET,
      },
      { RSCH: 'OBJT', STAT: 'OBJT' },
    ),
  ],
  'Zara Ahmed': (p) => [
    admission(p, USUAL[0]!, 'father'),
    make(
      p,
      'collection-sheet',
      {
        expressedBy: { role: 'PAR', personRef: contactRef(p, 'father') },
        competenceBasis: 'NA',
        expressedAt: '2026-09-16T07:50:00Z',
        recordedAt: '2026-09-16T07:50:10Z',
        channel: 'ONLN',
        notice: COLLECTION_SHEET,
      },
      { RSCH: 'OBJT', AIDV: 'DECL' },
    ),
  ],
  // A kinship carer with parental responsibility, recorded at the office.
  'Yusuf Hassan': (p) => [
    make(
      p,
      'carer',
      {
        expressedBy: { role: 'CAR', personRef: contactRef(p, 'carer') },
        competenceBasis: 'NA',
        expressedAt: '2024-01-10T09:00:00Z',
        recordedAt: '2024-01-10T09:20:00Z',
        channel: 'MISE',
        notice: ADMISSIONS(2023),
      },
      { STAT: 'NOOB', RSCH: 'NOOB', IMMI: 'OBJT', POLC: 'OBJT', APPS: 'NOOB' },
    ),
  ],
  // Started Reception this September; the family refused to answer the research questions.
  'Theo Ward': (p) => [admission(p, { STAT: 'REFU', RSCH: 'REFU', COMM: 'DECL', APPS: 'NOOB' })],
  // Started Reception this September; the form has not come back yet: "never asked".
  'Isla Hughes': () => [],
  // Only a mistyped record exists for him (see BAD_STATEMENTS), so he too is "never asked".
  'Dylan Price': () => [],
};

/**
 * Every valid statement the MIS holds, in the order it recorded them (which is not the order they were
 * expressed: an imported CTF statement is recorded long after it was made).
 */
export const STATEMENTS: readonly Statement[] = PUPILS.flatMap((p, i) =>
  (STORIES[p.name] ?? ((q: Pupil) => [admission(q, USUAL[i % USUAL.length]!)]))(p),
).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));

/**
 * Records the office keyed badly. The MIS's own validation holds them back; the demo sends them to the
 * receiver anyway to show that it rejects each with a rule id and stores nothing of it.
 */
export const BAD_STATEMENTS: readonly Statement[] = [
  // The check letter was typed as B instead of the one the UPN's digits give.
  ((p) => {
    const good = admission(p, { STAT: 'OBJT', RSCH: 'OBJT', LINK: 'OBJT', IMMI: 'OBJT' });
    return {
      ...good,
      subject: { ...p.subject, upn: `${p.subject.upn![0] === 'B' ? 'C' : 'B'}${p.subject.upn!.slice(1)}` },
    };
  })(pupil('Dylan Price')),
  // Core education takes no choice: a preference never blocks teaching or safeguarding.
  ((p) =>
    make(
      p,
      'office-entry',
      {
        expressedBy: { role: 'PAR', personRef: contactRef(p, 'mother') },
        competenceBasis: 'NA',
        expressedAt: '2026-09-18T10:00:00Z',
        recordedAt: '2026-09-18T10:05:00Z',
        channel: 'MISE',
        notice: COLLECTION_SHEET,
      },
      { EDUC: 'OBJT', MEDI: 'DECL' },
    ))(pupil('Mia Robinson')),
  // 2062 for 2026: a date typed into the future.
  ((p) =>
    make(
      p,
      'typo-date',
      {
        expressedBy: { role: 'PAR', personRef: contactRef(p, 'father') },
        competenceBasis: 'AUTH',
        expressedAt: '2062-09-14T19:00:00Z',
        recordedAt: '2026-09-15T08:00:00Z',
        channel: 'ONLN',
        notice: COLLECTION_SHEET,
      },
      { LINK: 'OBJT' },
    ))(pupil('Oliver Bennett')),
];
