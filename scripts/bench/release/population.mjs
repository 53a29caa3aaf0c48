// The population the release benchmark stores and decides: statements for N subjects, each about one
// pupil and derived from the index alone (so any pass can rebuild any statement), and a cohort of keys
// drawn from them. Every subject filled in the admission form once (a parent, every purpose answered);
// about 5% object to one or two purposes, weighted as campaigners report; one in ten sent a second form
// a year later, changing one answer and adding the pupil's ULN (so a subject is known by two keys).
import { readFileSync } from 'node:fs';

const example = JSON.parse(
  readFileSync(new URL('../../../spec/v1/examples/statement.json', import.meta.url), 'utf8'),
);

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
// About 9.1M pupils in 24,450 schools: consecutive subjects share a school, as a census return does.
const PUPILS_PER_SCHOOL = 372;

/** A valid UPN whose twelve digits are the subject's index. */
export function upnOf(index) {
  const body = String(index).padStart(12, '0');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (body.charCodeAt(i) - 48) * (i + 2);
  return UPN_LETTERS[sum % 23] + body;
}

/** A valid ULN for the subject (weights 10..2, mod 11, check = 10 - remainder, remainder 0 refused). */
export function ulnOf(index) {
  for (let body = 100_000_000 + index * 7; ; body++) {
    const digits = String(body);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
    const remainder = sum % 11;
    if (remainder !== 0 && remainder !== 1) return digits + String(10 - remainder);
  }
}

/** A fixed pseudo-random number in [0, 1) for (index, salt): the population is the same in every pass. */
function unit(index, salt) {
  let h = Math.imul(index ^ Math.imul(salt, 0x9e3779b1), 0x85ebca77);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const OBJECTION_WEIGHTS = [
  ['STAT', 8],
  ['RSCH', 15],
  ['RSXT', 20],
  ['LINK', 20],
  ['OPER', 7],
  ['IMMI', 15],
  ['POLC', 10],
  ['APPS', 5],
];
const TOTAL_WEIGHT = OBJECTION_WEIGHTS.reduce((a, [, w]) => a + w, 0);
const CONSENT = new Set(['COMM', 'AIDV', 'MEDI']);
const PURPOSES = ['STAT', 'RSCH', 'RSXT', 'LINK', 'COMM', 'AIDV', 'MEDI', 'OPER', 'IMMI', 'POLC', 'APPS'];

function weightedPurpose(r) {
  let at = r * TOTAL_WEIGHT;
  for (const [code, w] of OBJECTION_WEIGHTS) {
    if (at < w) return code;
    at -= w;
  }
  return 'LINK';
}

export const hasSecondForm = (index) => unit(index, 7) < 0.1;

function id(index, form) {
  return `00000000-0000-4${form}00-8000-${index.toString(16).padStart(12, '0')}`;
}

/** The subject's statements: one or two. */
export function statementsOf(index) {
  const objections = new Set();
  if (unit(index, 1) < 0.05) {
    objections.add(weightedPurpose(unit(index, 2)));
    if (unit(index, 3) < 0.3) objections.add(weightedPurpose(unit(index, 4)));
  }
  const urn = String(100_000 + (Math.floor(index / PUPILS_PER_SCHOOL) % 900_000));
  const born = 2008 + Math.floor(unit(index, 5) * 12);
  const subject = { upn: upnOf(index), localId: `ADM-${index}`, dateOfBirth: `${born}-03-14` };
  const day = String(1 + Math.floor(unit(index, 6) * 28)).padStart(2, '0');
  const first = {
    ...example,
    id: id(index, 1),
    subject,
    setting: { ...example.setting, urn },
    expressedAt: `2025-09-${day}T08:15:00Z`,
    recordedAt: `2025-09-${day}T10:02:11Z`,
    choices: PURPOSES.map((purpose) => ({
      purpose,
      value: objections.has(purpose) ? 'OBJT' : CONSENT.has(purpose) ? 'DECL' : 'NOOB',
    })),
  };
  if (!hasSecondForm(index)) return [first];
  // A year on: the pupil's ULN is known, and one answer changes (an objection withdrawn, or one made).
  const changed = PURPOSES[Math.floor(unit(index, 8) * PURPOSES.length)];
  const second = {
    ...first,
    id: id(index, 2),
    subject: { ...subject, uln: ulnOf(index) },
    expressedAt: `2026-09-${day}T08:15:00Z`,
    recordedAt: `2026-09-${day}T10:02:11Z`,
    choices: [
      {
        purpose: changed,
        value: CONSENT.has(changed) ? 'CONS' : objections.has(changed) ? 'NOOB' : 'OBJT',
      },
    ],
  };
  return [first, second];
}

/** The cohort's key line for subject `index`: a UPN, and for three in ten of those with one, the ULN too. */
export function cohortLine(index) {
  if (hasSecondForm(index) && unit(index, 9) < 0.3)
    return `{"upn":"${upnOf(index)}","uln":"${ulnOf(index)}"}`;
  return `{"upn":"${upnOf(index)}"}`;
}

/** A research release: PINT overrides RSCH objections (OVRD) but never LINK ones (EXCL). */
export const BENCH_REQUEST = {
  dsReference: 'DR-BENCH-0001',
  recipient: { name: 'Benchmark University', class: 'ACAD' },
  purposes: ['RSCH', 'LINK'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'C' }],
  deliveryMode: 'TRE',
  retainUntil: '2029-12-31',
  cohort: { description: 'Key stage 4 cohorts 2019-2024' },
  exemption: { code: 'PINT', citation: 'UK GDPR Art 21(6)' },
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Benchmark',
  requestedAt: '2026-11-01T09:00:00Z',
};
