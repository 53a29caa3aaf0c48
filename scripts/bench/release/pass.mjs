// One pass of the release benchmark, in its own process, run by ../release.mjs:
//   node pass.mjs lines <cohort>                         plain line-reading pass: for await over node:readline
//   node pass.mjs batches <cohort>                       the same lines through lineBatches (the gate's reader)
//   node pass.mjs evaluate <cohort> <subjects> <seed>    the release gate over the same file, against a
//                                                        national store of <subjects> effective preferences
// All three split lines with node:readline. Prints one JSON line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { evaluateRelease, lineBatches, subjectFromKeyLine } from '../../../packages/release/dist/index.js';
import { BENCH_REQUEST, buildStore, indexOfUpn, PURPOSES } from './store.mjs';

const [mode, file, subjectsArg, seedArg] = process.argv.slice(2);
const lines = () => createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });

const cpuSince = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

function finish(extra) {
  // maxRSS is in kilobytes.
  console.log(JSON.stringify({ mode, ...extra, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

if (mode === 'lines') {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let records = 0;
  for await (const line of lines()) if (line.length > 0) records++;
  finish({ records, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: cpuSince(cpu) });
} else if (mode === 'batches') {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let records = 0;
  for await (const batch of lineBatches(file)) for (const line of batch) if (line.length > 0) records++;
  finish({ records, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: cpuSince(cpu) });
} else if (mode === 'evaluate') {
  const buildStarted = process.hrtime.bigint();
  const store = buildStore(Number(subjectsArg), Number(seedArg));
  const storeSeconds = Number(process.hrtime.bigint() - buildStarted) / 1e9;

  // Every combination of the requested purposes' states (shared or not, stated or default) as one
  // preferences array, made once: a row picks one by its bits, so the store stays two typed arrays.
  const bits = BENCH_REQUEST.purposes.map((code) => 1 << PURPOSES.indexOf(code));
  const mask = bits.reduce((a, b) => a | b, 0);
  // Index of a row's combination: two bits per requested purpose (not shared, stated).
  const comboIndex = (blocked, stated) => {
    let index = 0;
    for (let i = 0; i < bits.length; i++) {
      index = (index << 2) | ((blocked & bits[i]) !== 0 ? 1 : 0) | ((stated & bits[i]) !== 0 ? 2 : 0);
    }
    return index;
  };
  const combos = [];
  for (let blocked = 0; blocked < 1 << PURPOSES.length; blocked++) {
    if ((blocked & ~mask) !== 0) continue;
    for (let stated = 0; stated < 1 << PURPOSES.length; stated++) {
      if ((stated & ~mask) !== 0) continue;
      combos[comboIndex(blocked, stated)] = BENCH_REQUEST.purposes.map((purpose, i) => {
        const shared = (blocked & bits[i]) === 0;
        const said = (stated & bits[i]) !== 0;
        return {
          purpose,
          kind: 'objection',
          shared,
          value: said ? (shared ? 'NOOB' : 'OBJT') : null,
          default: !said,
          decidedBy: said ? '00000000-0000-4000-8000-000000000000' : null,
          decidedByRole: said ? 'PAR' : null,
          expressedAt: said ? '2025-09-01T08:00:00Z' : null,
          flags: [],
        };
      });
    }
  }
  const preferencesFor = (blocked, stated) => combos[comboIndex(blocked, stated)];

  async function* cohort() {
    for await (const lines of lineBatches(file)) {
      const members = [];
      for (const line of lines) {
        if (line.length === 0) continue;
        const subject = subjectFromKeyLine(line);
        const index = indexOfUpn(subject.upn);
        members.push({ subject, preferences: preferencesFor(store.notShared[index], store.stated[index]) });
      }
      yield members;
    }
  }

  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const decision = await evaluateRelease(BENCH_REQUEST, cohort(), { decidedAt: '2026-11-22T12:00:00Z' });
  finish({
    records: decision.counts.total,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: cpuSince(cpu),
    storeSeconds,
    storeMB: (store.notShared.byteLength + store.stated.byteLength) / 1e6,
    counts: decision.counts,
  });
} else {
  throw new Error(`unknown mode ${mode}`);
}
