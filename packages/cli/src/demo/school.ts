import type { Choice, Statement, Subject } from '@reuse-pref/schema';

/**
 * A small, invented secondary school with the situations the standard exists for: a competent pupil
 * whose own choice stands against a later parent objection, two parents who disagree, a looked-after
 * child whose young voice is heard but does not decide, a statement carried over with a CTF transfer, and
 * a statement keyed by a mistyped UPN that the receiver must reject. Names exist only in this roster;
 * statements carry identifiers, as they do on the wire.
 */
export const SCHOOL = { name: 'Oakfield Academy', urn: '137245', laEstab: '8014001' } as const;

/** Demo results are pinned to one instant so the output is the same on every run. */
export const AS_OF = '2026-11-01T09:00:00Z';

export interface Pupil {
  name: string;
  subject: Subject;
  /** What the demo shows with this pupil. */
  note: string;
}

export const PUPILS: readonly Pupil[] = [
  {
    name: 'Amira Khan',
    subject: { upn: 'C801401423001', uln: '4512367895', localId: 'ADM-0101', dateOfBirth: '2012-03-01' },
    note: 'Amira said yes to linkage herself at 14; her mother objecting later does not override a competent pupil.',
  },
  {
    name: 'Ben Taylor',
    subject: { upn: 'R801401423002', localId: 'ADM-0102', dateOfBirth: '2015-05-20' },
    note: 'His parents disagree: an objection by either one stands until that parent withdraws it.',
  },
  {
    name: 'Chloe Evans',
    subject: { upn: 'L801401424017', localId: 'ADM-0103', dateOfBirth: '2019-01-15' },
    note: 'Looked after by the LA; at 7 her own wish is recorded and flagged, but does not decide.',
  },
  {
    name: 'Dylan Price',
    subject: { upn: 'R801401425033', localId: 'ADM-0104', dateOfBirth: '2014-11-30' },
    note: 'Both statements were rejected, so every purpose is at its default: "never asked", not "said no".',
  },
];

/** Who the MIS contact ids are, for the "decided by" column. */
export const PEOPLE: Readonly<Record<string, string>> = {
  'C-1101': 'Mrs Khan (parent)',
  'P-0101': 'Amira (pupil)',
  'C-2001': 'Ms Taylor (parent)',
  'C-2002': 'Mr Taylor (parent)',
  'LA-801-VS': 'Virtual School (LA)',
  'P-0103': 'Chloe (pupil)',
  'C-4001': 'Mr Price (parent)',
};

const recordedBy = { supplierId: 'SUP-OAKMIS', system: 'Oak MIS', systemVersion: '12.4.0' };
const admissionsNotice = { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' };

type Choices = Record<string, Choice['value']>;

function choices(list: Choices): Choice[] {
  return Object.entries(list).map(([purpose, value]) => ({ purpose, value }));
}

function statement(
  id: string,
  pupil: Pupil,
  fields: Pick<Statement, 'expressedBy' | 'expressedAt' | 'recordedAt' | 'channel'> &
    Partial<Pick<Statement, 'competenceBasis' | 'provenance' | 'subject'>>,
  list: Choices,
): Statement {
  return {
    id,
    specVersion: '1.0.0',
    catalogueVersion: '1',
    subject: pupil.subject,
    setting: { urn: SCHOOL.urn, laEstab: SCHOOL.laEstab },
    recordedBy,
    notice: admissionsNotice,
    ...fields,
    choices: choices(list),
  };
}

const [amira, ben, chloe, dylan] = PUPILS as [Pupil, Pupil, Pupil, Pupil];

/** Every statement the school's MIS sends, in the order it sends them (not the order they were made). */
export const STATEMENTS: readonly Statement[] = [
  statement(
    '6f1c2a3e-8b4d-4e51-9a0c-1d2e3f405101',
    amira,
    {
      expressedBy: { role: 'PAR', personRef: 'C-1101' },
      competenceBasis: 'NA',
      expressedAt: '2022-09-05T08:30:00Z',
      recordedAt: '2023-07-21T14:00:00Z',
      channel: 'CTFI',
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
  statement(
    '6f1c2a3e-8b4d-4e51-9a0c-1d2e3f405102',
    amira,
    {
      expressedBy: { role: 'PUP', personRef: 'P-0101' },
      competenceBasis: 'PR12',
      expressedAt: '2026-09-10T12:40:00Z',
      recordedAt: '2026-09-10T12:41:05Z',
      channel: 'ONLN',
    },
    { LINK: 'NOOB', RSXT: 'NOOB', AIDV: 'DECL', MEDI: 'DECL' },
  ),
  statement(
    '6f1c2a3e-8b4d-4e51-9a0c-1d2e3f405103',
    amira,
    {
      expressedBy: { role: 'PAR', personRef: 'C-1101' },
      expressedAt: '2026-10-02T19:05:00Z',
      recordedAt: '2026-10-03T08:20:00Z',
      channel: 'ONLN',
    },
    { LINK: 'OBJT', POLC: 'OBJT' },
  ),
  statement(
    '6f1c2a3e-8b4d-4e51-9a0c-1d2e3f405202',
    ben,
    {
      expressedBy: { role: 'PAR', personRef: 'C-2002' },
      competenceBasis: 'NA',
      expressedAt: '2026-09-20T20:10:00Z',
      recordedAt: '2026-09-20T20:10:02Z',
      channel: 'ONLN',
    },
    { RSXT: 'NOOB', IMMI: 'NOOB', COMM: 'CONS', APPS: 'OBJT' },
  ),
  statement(
    '6f1c2a3e-8b4d-4e51-9a0c-1d2e3f405201',
    ben,
    {
      expressedBy: { role: 'PAR', personRef: 'C-2001' },
      competenceBasis: 'NA',
      expressedAt: '2026-09-03T08:15:00Z',
      recordedAt: '2026-09-04T10:02:11Z',
      channel: 'PAPR',
    },
    { STAT: 'NOOB', RSXT: 'OBJT', LINK: 'NOOB', IMMI: 'OBJT', COMM: 'DECL', APPS: 'NOOB' },
  ),
  statement(
    '6f1c2a3e-8b4d-4e51-9a0c-1d2e3f405301',
    chloe,
    {
      expressedBy: { role: 'CORP', personRef: 'LA-801-VS' },
      competenceBasis: 'BINT',
      expressedAt: '2026-09-08T11:00:00Z',
      recordedAt: '2026-09-08T11:30:00Z',
      channel: 'MISE',
    },
    { IMMI: 'OBJT', POLC: 'OBJT', MEDI: 'DECL', APPS: 'NOOB' },
  ),
  statement(
    '6f1c2a3e-8b4d-4e51-9a0c-1d2e3f405302',
    chloe,
    {
      expressedBy: { role: 'PUP', personRef: 'P-0103' },
      expressedAt: '2026-09-15T09:20:00Z',
      recordedAt: '2026-09-15T09:45:00Z',
      channel: 'VERB',
    },
    { APPS: 'OBJT' },
  ),
  statement(
    '6f1c2a3e-8b4d-4e51-9a0c-1d2e3f405401',
    dylan,
    {
      // The office typed B for the check letter: the receiver must reject it and store nothing of it.
      subject: { ...dylan.subject, upn: 'B801401425033' },
      expressedBy: { role: 'PAR', personRef: 'C-4001' },
      competenceBasis: 'NA',
      expressedAt: '2026-09-05T17:00:00Z',
      recordedAt: '2026-09-06T09:00:00Z',
      channel: 'PAPR',
    },
    { STAT: 'OBJT', RSCH: 'OBJT', LINK: 'OBJT', IMMI: 'OBJT' },
  ),
  statement(
    '6f1c2a3e-8b4d-4e51-9a0c-1d2e3f405402',
    dylan,
    {
      expressedBy: { role: 'PAR', personRef: 'C-4001' },
      competenceBasis: 'NA',
      expressedAt: '2026-09-05T17:00:00Z',
      recordedAt: '2026-09-06T09:05:00Z',
      channel: 'PAPR',
    },
    // Core education takes no choice: a preference never blocks teaching or safeguarding.
    { EDUC: 'OBJT', COMM: 'DECL' },
  ),
];
