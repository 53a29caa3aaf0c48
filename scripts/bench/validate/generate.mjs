// Writes N realistic, varied statements as NDJSON: the mix of roles, ages, channels, languages, CTF
// imports and choices a census return holds, with a few per cent of records that must be rejected (wrong
// UPN check letter, a choice for core education) or queried (a young pupil's own statement), so the
// validator takes its error paths as well as its happy path.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { LatestCatalogue } from '../../../packages/schema/dist/index.js';
import { createRandom } from '../lib/random.mjs';

/** Bump when the generator changes, so stale files are not reused. */
const GENERATOR_VERSION = 1;

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const DAY = 86_400_000;
const START = Date.parse('2021-09-01T00:00:00Z');
const END = Date.parse('2026-10-31T00:00:00Z');

function upn(r, school) {
  const rest = `${school.laEstab}${r.int(10, 26)}${String(r.int(0, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(rest[i]) * (i + 2);
  return `${UPN_LETTERS[sum % 23]}${rest}`;
}

function uln(r) {
  for (;;) {
    const body = String(r.int(100_000_000, 999_999_999));
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    const rem = sum % 11;
    if (rem !== 0) return `${body}${10 - rem}`;
  }
}

function uuid(r) {
  const hex = () =>
    Math.floor(r.next() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-${'89ab'[r.int(0, 3)]}${hex().slice(1)}-${hex()}${hex()}${hex()}`;
}

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

const SUPPLIERS = [
  { supplierId: 'SUP-SIMS', system: 'SIMS', systemVersion: '7.214' },
  { supplierId: 'SUP-ARBOR', system: 'Arbor MIS' },
  { supplierId: 'SUP-BROMCOM', system: 'Bromcom', systemVersion: '2026.3' },
  { supplierId: 'SUP-SCHOLARPACK', system: 'ScholarPack', systemVersion: '5.1.0' },
];
const GROUNDS = [
  'We do not want copies of our child’s record sent out.',
  'My daughter’s information should stay with the school.',
  'Rydym yn gwrthwynebu rhannu data ein plentyn.',
  'Objecting on behalf of the child in care, following the review meeting of 12 May.',
  'I don’t want companies or the Home Office to have my details.',
];

function makeSchools(r, count) {
  return Array.from({ length: count }, () => ({
    urn: String(r.int(100_000, 150_000)),
    laEstab: `${r.int(201, 938)}${r.int(1000, 7999)}`,
  }));
}

const purposes = LatestCatalogue.purposes.filter((p) => p.kind !== 'none');

function choiceValue(r, kind) {
  return kind === 'consent'
    ? r.weighted([
        ['DECL', 50],
        ['CONS', 30],
        ['REFU', 8],
        ['NOBT', 12],
      ])
    : r.weighted([
        ['NOOB', 60],
        ['OBJT', 25],
        ['REFU', 7],
        ['NOBT', 8],
      ]);
}

function statement(r, schools) {
  const school = r.pick(schools);
  const born = r.int(Date.parse('2007-09-01'), Date.parse('2021-08-31'));
  const expressed = r.int(Math.max(START, born + 4 * 365 * DAY), END);
  const age = (expressed - born) / (365.25 * DAY);
  const role = r.weighted([
    ['PAR', 70],
    ['PUP', 12],
    ['CAR', 5],
    ['CORP', 3],
    ['REP', 2],
    ['SCH', 8],
  ]);
  const subject = { upn: upn(r, school) };
  if (age >= 13 && r.chance(0.6)) subject.uln = uln(r);
  if (r.chance(0.8)) subject.localId = `ADM-${r.int(1, 99_999)}`;
  subject.dateOfBirth = isoDate(born);

  const s = {
    id: uuid(r),
    specVersion: '1.0.0',
    catalogueVersion: '1',
    subject,
    setting: school,
    expressedBy: { role, personRef: role === 'PUP' ? `P-${r.int(1, 99_999)}` : `C-${r.int(1, 999_999)}` },
  };
  if (role === 'PUP') {
    if (age >= 12) s.competenceBasis = r.chance(0.8) ? 'PR12' : 'ASSD';
    else if (r.chance(0.5)) s.competenceBasis = 'ASSD';
  } else if (age >= 12) {
    s.competenceBasis = r.weighted([
      ['AUTH', 50],
      ['BINT', 20],
      ['NA', 30],
    ]);
  } else {
    s.competenceBasis = 'NA';
  }
  const recorded = expressed + r.int(0, 5 * DAY);
  s.expressedAt = iso(expressed);
  s.recordedAt = iso(recorded);
  s.recordedBy = r.pick(SUPPLIERS);
  s.channel = r.weighted([
    ['PAPR', 35],
    ['ONLN', 40],
    ['MISE', 12],
    ['EMAL', 4],
    ['VERB', 3],
    ['APIX', 3],
    ['CTFI', 3],
  ]);
  if (s.channel === 'CTFI') {
    const from = r.pick(schools);
    s.provenance = {
      originalSetting: from,
      originalChannel: r.pick(['PAPR', 'ONLN', 'MISE']),
      originalRecordedAt: s.expressedAt,
      originalRecordedBy: r.pick(SUPPLIERS),
      transferredAt: iso(Math.min(recorded, expressed + r.int(0, 5 * DAY))),
    };
  }
  s.notice = {
    id: r.pick(['NOTICE-ADMISSIONS', 'NOTICE-DCS', 'NOTICE-PORTAL']),
    version: `${new Date(expressed).getUTCFullYear()}.${r.int(1, 3)}`,
    language: r.weighted([
      ['en', 90],
      ['cy', 5],
      ['en-GB', 3],
      ['pl', 1],
      ['ur', 1],
    ]),
  };
  const count = r.int(3, purposes.length);
  const start = r.int(0, purposes.length - 1);
  s.choices = [];
  for (let i = 0; i < count; i++) {
    const p = purposes[(start + i) % purposes.length];
    const choice = { purpose: p.code, value: choiceValue(r, p.kind) };
    if (choice.value === 'OBJT' && r.chance(0.15)) choice.grounds = r.pick(GROUNDS);
    s.choices.push(choice);
  }
  // A few per cent the receiver must reject.
  if (r.chance(0.02))
    s.subject.upn = `${UPN_LETTERS[(UPN_LETTERS.indexOf(s.subject.upn[0]) + 1) % 23]}${s.subject.upn.slice(1)}`;
  if (r.chance(0.005)) s.choices.push({ purpose: 'EDUC', value: 'OBJT' });
  return s;
}

/** Returns the path of an NDJSON file of `records` statements, generating it unless a matching one exists. */
export function ensureStatements(dir, records) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `statements-${records}.ndjson`);
  const metaPath = `${path}.meta.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (
      meta.version === GENERATOR_VERSION &&
      meta.records === records &&
      meta.bytes === statSync(path).size
    ) {
      return { path, bytes: meta.bytes, generated: false };
    }
  }
  const r = createRandom(20261101);
  const schools = makeSchools(r, 500);
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (let done = 0; done < records; ) {
      const batch = Math.min(10_000, records - done);
      let text = '';
      for (let i = 0; i < batch; i++) text += `${JSON.stringify(statement(r, schools))}\n`;
      bytes += writeSync(fd, text);
      done += batch;
    }
  } finally {
    closeSync(fd);
  }
  writeFileSync(metaPath, JSON.stringify({ version: GENERATOR_VERSION, records, bytes }));
  return { path, bytes, generated: true };
}
