import type { Subject } from '@reuse-pref/schema';
import { ulnCheckDigit, upnCheckLetter } from '@reuse-pref/validator';

/** An invented all-through academy; every name exists only in this roster. */
export const SCHOOL = { name: 'Oakfield Academy', urn: '137245', la: '801', estab: '4001' } as const;
export const SETTING = { urn: SCHOOL.urn, laEstab: `${SCHOOL.la}${SCHOOL.estab}` } as const;

/** The seed is pinned to one instant so that ages, defaults and the demo's output never drift. */
export const AS_OF = '2026-11-01T09:00:00Z';

export interface Contact {
  /** The MIS contact id: what makes "the same person" well defined across statements. */
  ref: string;
  name: string;
  relationship: 'mother' | 'father' | 'carer' | 'local authority' | 'pupil';
}

export interface Pupil {
  name: string;
  subject: Subject;
  contacts: Contact[];
}

/** UPN as DfE allocates it: check letter, LA (3), establishment (4), year allocated (2), serial (3). */
export function upn(year: number, serial: number): string {
  const digits = `${SCHOOL.la}${SCHOOL.estab}${String(year % 100).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return `${upnCheckLetter(`A${digits}`)}${digits}`;
}

/** A ULN (learners from 14 who have registered for qualifications) with its check digit. */
function uln(nine: string): string {
  const check = ulnCheckDigit(`${nine}0`);
  if (check === undefined) throw new RangeError(`no ULN is issued for ${nine}`);
  return `${nine}${check}`;
}

type Row = [first: string, last: string, dateOfBirth: string, upnYear: number, serial: number];

// Ages 4 to 16 on AS_OF, the spread of an all-through school from Reception to Year 11.
const ROWS: Row[] = [
  ['Amira', 'Khan', '2012-03-01', 23, 101],
  ['Ben', 'Taylor', '2015-05-20', 20, 102],
  ['Chloe', 'Evans', '2019-01-15', 23, 17],
  ['Dylan', 'Price', '2014-11-30', 19, 33],
  ['Noah', 'Williams', '2013-06-12', 18, 44],
  ['Grace', 'Okafor', '2016-02-09', 20, 51],
  ['Leo', 'Martin', '2010-09-02', 15, 12],
  ['Mia', 'Robinson', '2017-07-23', 21, 63],
  ['Oliver', 'Bennett', '2011-12-04', 16, 70],
  ['Isla', 'Hughes', '2022-04-18', 26, 1],
  ['Theo', 'Ward', '2022-06-30', 26, 2],
  ['Zara', 'Ahmed', '2018-03-11', 22, 84],
  ['Harry', 'Jones', '2010-10-27', 15, 19],
  ['Ruby', 'Clarke', '2011-05-05', 16, 21],
  ['Ethan', 'Patel', '2012-08-14', 17, 38],
  ['Sophie', 'Wright', '2013-01-29', 17, 42],
  ['Jacob', 'Green', '2014-04-03', 18, 55],
  ['Ava', 'Hall', '2015-09-19', 20, 66],
  ['Muhammad', 'Ali', '2016-11-08', 21, 77],
  ['Lily', 'Walker', '2017-02-25', 21, 88],
  ['Jack', 'Thompson', '2018-08-31', 23, 91],
  ['Freya', 'White', '2019-06-06', 23, 95],
  ['Oscar', 'Harris', '2020-01-12', 24, 8],
  ['Poppy', 'Lewis', '2020-10-02', 25, 14],
  ['Aisha', 'Begum', '2021-03-17', 25, 26],
  ['Samuel', 'Wood', '2021-07-09', 25, 29],
  ['Emily', 'Turner', '2011-02-14', 15, 47],
  ['Daniel', 'Nowak', '2013-09-25', 19, 58],
  ['Hannah', 'Scott', '2012-12-12', 17, 61],
  ['Yusuf', 'Hassan', '2016-05-30', 20, 73],
];

// Learners aged 14+ who have a ULN from qualification registration.
const ULNS: Record<string, string> = {
  'Amira Khan': uln('451236789'),
  'Leo Martin': uln('602918374'),
  'Harry Jones': uln('718293645'),
};

// Who holds parental responsibility beyond the default mother and father pair.
const SPECIAL_CONTACTS: Record<string, Contact[]> = {
  'Chloe Evans': [
    { ref: 'LA-801-VS', name: 'Virtual School Head (LA 801)', relationship: 'local authority' },
  ],
  'Yusuf Hassan': [{ ref: 'C-3001', name: 'Mrs Hassan', relationship: 'carer' }],
};

export const PUPILS: readonly Pupil[] = ROWS.map(([first, last, dateOfBirth, year, serial], i) => {
  const n = String(i + 1).padStart(4, '0');
  const name = `${first} ${last}`;
  const subject: Subject = {
    upn: upn(year, serial),
    ...(ULNS[name] ? { uln: ULNS[name] } : {}),
    localId: `ADM-${n}`,
    dateOfBirth,
  };
  const contacts = SPECIAL_CONTACTS[name] ?? [
    { ref: `C-${n}1`, name: `Ms ${last}`, relationship: 'mother' },
    { ref: `C-${n}2`, name: `Mr ${last}`, relationship: 'father' },
  ];
  return { name, subject, contacts: [...contacts, { ref: `P-${n}`, name: first, relationship: 'pupil' }] };
});

export function pupil(name: string): Pupil {
  const found = PUPILS.find((p) => p.name === name);
  if (!found) throw new RangeError(`no pupil ${name} on the roster`);
  return found;
}

/** The MIS contact id of a pupil's contact by relationship (the first, when several). */
export function contactRef(p: Pupil, relationship: Contact['relationship']): string {
  const found = p.contacts.find((c) => c.relationship === relationship);
  if (!found) throw new RangeError(`${p.name} has no ${relationship} on record`);
  return found.ref;
}

/** Contact ids to names, for readable "decided by" columns. */
export function personName(ref: string): string {
  for (const p of PUPILS) {
    const c = p.contacts.find((x) => x.ref === ref);
    if (c) return c.relationship === 'pupil' ? `${c.name} (pupil)` : `${c.name} (${c.relationship})`;
  }
  return ref;
}

/** The roster pupil a statement is about, matched on the MIS id (a mistyped UPN still finds its pupil). */
export function pupilOf(subject: Subject): Pupil | undefined {
  return PUPILS.find((p) => p.subject.localId === subject.localId || p.subject.upn === subject.upn);
}
