// Writes one census-style CTF per school into <dataDir>/xml/: <schools> files of <pupils> pupils, each
// pupil with 1-3 statements (parent, second parent, competent pupil), seeded so every machine measures the
// same bytes. Reuses the files when they are already there with the same shape.
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ctfDocument } from '../../../packages/xml/dist/index.js';
import { createRandom } from '../lib/random.mjs';

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
const PURPOSES = ['STAT', 'RSCH', 'RSXT', 'LINK', 'COMM', 'AIDV', 'MEDI', 'OPER', 'IMMI', 'POLC', 'APPS'];
const CONSENT = new Set(['COMM', 'AIDV', 'MEDI']);

function upn(la, serial) {
  const body = `${la}${String(serial).padStart(9, '0')}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i + 2), 0);
  return `${UPN_LETTERS[sum % 23]}${body}`;
}

function uuid(random) {
  const hex = () => Math.floor(random.next() * 16).toString(16);
  const part = (n) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
}

function statement(random, school, pupil, role, personRef, at) {
  const choices = PURPOSES.filter(() => random.chance(0.7)).map((purpose) => {
    const value = CONSENT.has(purpose)
      ? random.weighted([
          ['DECL', 6],
          ['CONS', 2],
          ['NOBT', 1],
        ])
      : random.weighted([
          ['NOOB', 6],
          ['OBJT', 3],
          ['REFU', 1],
        ]);
    return value === 'OBJT' && random.chance(0.3)
      ? {
          purpose,
          value,
          grounds: "We do not want our child's record used for this.\nPlease confirm by letter & email.",
        }
      : { purpose, value };
  });
  if (choices.length === 0) choices.push({ purpose: 'STAT', value: 'NOOB' });
  return {
    id: uuid(random),
    specVersion: '1.0.0',
    catalogueVersion: '1',
    subject: pupil.subject,
    setting: school.setting,
    expressedBy: { role, personRef },
    ...(role === 'PUP' ? { competenceBasis: 'PR12' } : { competenceBasis: 'NA' }),
    expressedAt: at,
    recordedAt: at,
    recordedBy: { supplierId: 'SUP-BENCH', system: 'Bench MIS', systemVersion: '1.0' },
    channel: random.pick(['PAPR', 'ONLN', 'MISE']),
    notice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: random.chance(0.1) ? 'cy' : 'en' },
    choices,
  };
}

function* pupilsOf(random, school, count) {
  for (let i = 0; i < count; i++) {
    const serial = school.index * 10_000 + i;
    const dob = `20${String(random.int(10, 20)).padStart(2, '0')}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
    const pupil = { subject: { upn: upn(school.la, serial), localId: `ADM-${serial}`, dateOfBirth: dob } };
    const statements = [statement(random, school, pupil, 'PAR', `C-${serial}-1`, '2025-09-03T08:15:00Z')];
    if (random.chance(0.4))
      statements.push(statement(random, school, pupil, 'PAR', `C-${serial}-2`, '2025-11-12T19:02:00Z'));
    if (random.chance(0.3))
      statements.push(statement(random, school, pupil, 'PUP', `ADM-${serial}`, '2026-02-02T10:30:00Z'));
    yield { upn: pupil.subject.upn, surname: 'Pupil', forename: `No ${i}`, dob, statements };
  }
}

export async function ensureSchools(dataDir, schools, pupils) {
  const dir = join(dataDir, 'xml');
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.schools === schools && manifest.pupils === pupils) return { ...manifest, generated: false };
  }
  mkdirSync(dir, { recursive: true });
  const random = createRandom(20261122);
  const files = [];
  let statements = 0;
  for (let s = 0; s < schools; s++) {
    const la = String(801 + (s % 50));
    const school = {
      index: s,
      la,
      setting: { urn: String(100000 + s), laEstab: `${la}${String(2000 + s).padStart(4, '0')}` },
    };
    const path = join(dir, `school-${String(s).padStart(3, '0')}.xml`);
    const out = createWriteStream(path);
    const counted = (function* () {
      for (const p of pupilsOf(random, school, pupils)) {
        statements += p.statements.length;
        yield p;
      }
    })();
    for (const piece of ctfDocument(
      {
        dateTime: '2026-07-20T14:32:10',
        source: { lea: la, estab: school.setting.laEstab.slice(3), urn: school.setting.urn },
      },
      counted,
    )) {
      if (!out.write(piece)) await new Promise((r) => out.once('drain', r));
    }
    await new Promise((r) => out.end(r));
    files.push(path);
  }
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const manifest = { schools, pupils, statements, bytes, files };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { ...manifest, generated: true };
}
