// The national store the benchmark evaluates against: effective preferences for N subjects as two typed
// arrays indexed by subject number (a bitmask of purposes not shared, and of purposes with a stated
// answer), never N objects. Subject i's key is a UPN whose digits are i, so the cohort file needs no
// separate index.
import { createRandom } from '../lib/random.mjs';

export const PURPOSES = [
  'EDUC',
  'STAT',
  'RSCH',
  'RSXT',
  'LINK',
  'COMM',
  'AIDV',
  'MEDI',
  'OPER',
  'IMMI',
  'POLC',
  'APPS',
];

// Where objections fall, roughly as campaigners report them: research and linkage, then policing and
// immigration. Weights, not percentages.
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

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function upnOf(index) {
  const body = String(index).padStart(12, '0');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (body.charCodeAt(i) - 48) * (i + 2);
  return UPN_LETTERS[sum % 23] + body;
}

export function indexOfUpn(upn) {
  let index = 0;
  for (let i = 1; i < 13; i++) index = index * 10 + (upn.charCodeAt(i) - 48);
  return index;
}

export function buildStore(subjects, seed, objectionRate = 0.05, askedRate = 0.35) {
  const random = createRandom(seed);
  const notShared = new Uint16Array(subjects);
  const stated = new Uint16Array(subjects);
  const everyChoice = PURPOSES.reduce((mask, _, i) => (i === 0 ? mask : mask | (1 << i)), 0);
  const bits = OBJECTION_WEIGHTS.map(([code, w]) => [1 << PURPOSES.indexOf(code), w]);
  for (let i = 0; i < subjects; i++) {
    // A family that filled the form answered every purpose; most never have (defaults decide).
    if (random.chance(askedRate)) stated[i] = everyChoice;
    if (random.chance(objectionRate)) {
      // One objection, sometimes two.
      let mask = random.weighted(bits);
      if (random.chance(0.3)) mask |= random.weighted(bits);
      notShared[i] = mask;
      stated[i] |= mask;
    }
  }
  return { notShared, stated };
}
