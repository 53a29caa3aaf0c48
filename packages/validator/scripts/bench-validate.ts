// In-memory micro-benchmark: JSON.parse alone vs JSON.parse + validate over the same NDJSON lines.
// Run: pnpm --filter @reuse-pref/validator exec tsx scripts/bench-validate.ts [count]
// (The project benchmark, `pnpm bench`, streams 1,000,000 statements from a file; this one isolates the
// validator's cost, so a change to it can be measured in seconds.)
import { createValidator } from '../src/index.js';

const count = Number(process.argv[2] ?? 100_000);
const purposes = ['STAT', 'RSCH', 'RSXT', 'LINK', 'COMM', 'AIDV', 'MEDI', 'OPER', 'IMMI', 'POLC', 'APPS'];
const consent = new Set(['COMM', 'AIDV', 'MEDI']);
const roles = ['PAR', 'PAR', 'PAR', 'CAR', 'PUP'];

function statement(i: number): string {
  const role = roles[i % roles.length]!;
  const year = 2009 + (i % 10);
  const n = 1 + (i % purposes.length);
  return JSON.stringify({
    id: crypto.randomUUID(),
    specVersion: '1.0.0',
    catalogueVersion: '1',
    subject: { upn: 'B801200005001', localId: `ADM-${i}`, dateOfBirth: `${year}-0${1 + (i % 9)}-1${i % 10}` },
    setting: { urn: String(100000 + (i % 900000)), laEstab: '8012000' },
    expressedBy: { role, personRef: `C-${i}` },
    ...(role === 'PUP' ? { competenceBasis: 'ASSD' } : { competenceBasis: year <= 2013 ? 'AUTH' : 'NA' }),
    expressedAt: `2026-09-0${1 + (i % 9)}T08:${10 + (i % 50)}:00${i % 2 ? 'Z' : '+01:00'}`,
    recordedAt: '2026-09-10T10:02:11Z',
    recordedBy: { supplierId: 'SUP-EXAMPLE', system: 'Example MIS', systemVersion: '7.2.1' },
    channel: 'ONLN',
    notice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' },
    choices: purposes.slice(0, n).map((purpose, k) => ({
      purpose,
      value: consent.has(purpose) ? (k % 2 ? 'CONS' : 'DECL') : k % 3 ? 'NOOB' : 'OBJT',
      ...(k === 2 && i % 4 === 0 ? { grounds: 'We do not want copies of our child’s record sent out.' } : {}),
    })),
  });
}

const lines = Array.from({ length: count }, (_, i) => statement(i));
const validator = createValidator({ now: '2026-11-01T00:00:00Z' });
// CPU time of this process, not wall time: on a shared machine, wall time measures the neighbours.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let best = { parse: Number.POSITIVE_INFINITY, both: Number.POSITIVE_INFINITY };
let invalid = 0;
for (let round = 0; round < 7; round++) {
  let t0 = cpuMs();
  for (const line of lines) JSON.parse(line);
  const parse = cpuMs() - t0;
  t0 = cpuMs();
  invalid = 0;
  for (const line of lines) if (!validator.validate(JSON.parse(line)).valid) invalid++;
  const both = cpuMs() - t0;
  best = { parse: Math.min(best.parse, parse), both: Math.min(best.both, both) };
}
const rate = (ms: number) => Math.round((count / ms) * 1000).toLocaleString('en-GB');
console.log(
  `parse only: ${rate(best.parse)} records/s; parse + validate: ${rate(best.both)} records/s (CPU time)`,
);
console.log(`ratio ${(best.parse / best.both).toFixed(2)} (target >= 0.70); invalid records: ${invalid}`);
