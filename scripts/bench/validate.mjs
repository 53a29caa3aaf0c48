// Benchmark "validate" (issue 2): validating NDJSON statements against a JSON.parse-only pass over the
// same file, in the same run, each pass in its own process on the same core.
// Targets: validation throughput >= 0.70x the parse-only throughput; peak RSS <= 200 MB.
// The ratio is taken on CPU time: on a shared machine the wall clock of two passes run one after the
// other sees different loads, while the CPU time each pass spent is what its code costs. Even so one pass
// of either kind varies by a few per cent from run to run (the parse-only pass most), so the passes run
// ROUNDS times, alternating, and each kind is represented by its median round.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPass } from './lib/child.mjs';
import { thousands } from './lib/table.mjs';
import { ensureStatements } from './validate/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PASS = join(here, 'validate', 'pass.mjs');
const MIN_RATIO = 0.7;
const MAX_RSS_MB = 200;
const ROUNDS = 3;

/** The round with the median CPU time, with the largest peak RSS of all rounds (memory is a ceiling). */
function median(passes) {
  const sorted = [...passes].sort((a, b) => a.cpuSeconds - b.cpuSeconds);
  const mid = sorted[Math.floor(sorted.length / 2)];
  return { ...mid, maxRssMB: Math.max(...passes.map((p) => p.maxRssMB)) };
}

export const description = 'validate N NDJSON statements vs JSON.parse only (ratio >= 0.70, RSS <= 200 MB)';
export const defaultRecords = 1_000_000;

export async function run({ records, dataDir, log }) {
  const started = Date.now();
  const data = ensureStatements(dataDir, records);
  log(
    `${data.generated ? 'generated' : 'reusing'} ${data.path} (${thousands(records)} statements, ` +
      `${(data.bytes / 1e6).toFixed(0)} MB)${data.generated ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s` : ''}`,
  );
  const parses = [];
  const validates = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const parse = await runPass(PASS, ['parse', data.path]);
    log(
      `round ${round}: parse-only pass ${parse.seconds.toFixed(2)} s wall, ${parse.cpuSeconds.toFixed(2)} s CPU`,
    );
    parses.push(parse);
    const validate = await runPass(PASS, ['validate', data.path]);
    log(
      `round ${round}: validate pass ${validate.seconds.toFixed(2)} s wall, ${validate.cpuSeconds.toFixed(2)} s CPU`,
    );
    validates.push(validate);
  }
  const parse = median(parses);
  const validate = median(validates);

  const rate = (p) => p.records / p.seconds;
  const cpuRate = (p) => p.records / p.cpuSeconds;
  const ratio = cpuRate(validate) / cpuRate(parse);
  const wallRatio = rate(validate) / rate(parse);
  const rows = [
    ['pass', 'records', 'wall s', 'records/s', 'CPU s', 'records/CPU-s', 'MB/s', 'peak RSS'],
    ...[
      ['JSON.parse only (median)', parse],
      ['reuse-pref validate (median)', validate],
    ].map(([name, p]) => [
      name,
      thousands(p.records),
      p.seconds.toFixed(2),
      thousands(rate(p)),
      p.cpuSeconds.toFixed(2),
      thousands(cpuRate(p)),
      (data.bytes / 1e6 / p.seconds).toFixed(1),
      `${p.maxRssMB.toFixed(0)} MB`,
    ]),
  ];
  const checks = [
    {
      name: `throughput ratio validate / parse-only (CPU time) >= ${MIN_RATIO.toFixed(2)}`,
      value: `${ratio.toFixed(2)}x (wall clock: ${wallRatio.toFixed(2)}x)`,
      ok: ratio >= MIN_RATIO,
    },
    ...[
      ['parse-only', parse],
      ['validate', validate],
    ].map(([name, p]) => ({
      name: `${name} peak RSS <= ${MAX_RSS_MB} MB`,
      value: `${p.maxRssMB.toFixed(0)} MB`,
      ok: p.maxRssMB <= MAX_RSS_MB,
    })),
    {
      name: 'every record read',
      value: `${thousands(validate.records)} of ${thousands(records)}`,
      ok: [...parses, ...validates].every((p) => p.records === records),
    },
  ];
  const notes = [
    `CPU seconds per round: parse-only ${parses.map((p) => p.cpuSeconds.toFixed(2)).join(', ')}; validate ${validates.map((p) => p.cpuSeconds.toFixed(2)).join(', ')}`,
    `${thousands(validate.valid)} of ${thousands(validate.records)} statements valid (errors are seeded on purpose)`,
  ];
  return { rows, checks, notes };
}
