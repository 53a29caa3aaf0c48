// Benchmark "validate" (issue 2): validating NDJSON statements against a JSON.parse-only pass over the
// same file, in the same run, each pass in its own process on the same core.
// Targets: validation throughput >= 0.70x the parse-only throughput; peak RSS <= 200 MB.
// The ratio is taken on CPU time: on a shared machine the wall clock of two passes run one after the
// other sees different loads, while the CPU time each pass spent is what its code costs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPass } from './lib/child.mjs';
import { thousands } from './lib/table.mjs';
import { ensureStatements } from './validate/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PASS = join(here, 'validate', 'pass.mjs');
const MIN_RATIO = 0.7;
const MAX_RSS_MB = 200;

export const description = 'validate N NDJSON statements vs JSON.parse only (ratio >= 0.70, RSS <= 200 MB)';
export const defaultRecords = 1_000_000;

export async function run({ records, dataDir, log }) {
  const started = Date.now();
  const data = ensureStatements(dataDir, records);
  log(
    `${data.generated ? 'generated' : 'reusing'} ${data.path} (${thousands(records)} statements, ` +
      `${(data.bytes / 1e6).toFixed(0)} MB)${data.generated ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s` : ''}`,
  );
  const parse = await runPass(PASS, ['parse', data.path]);
  log(`parse-only pass: ${parse.seconds.toFixed(2)} s wall, ${parse.cpuSeconds.toFixed(2)} s CPU`);
  const validate = await runPass(PASS, ['validate', data.path]);
  log(`validate pass: ${validate.seconds.toFixed(2)} s wall, ${validate.cpuSeconds.toFixed(2)} s CPU`);

  const rate = (p) => p.records / p.seconds;
  const cpuRate = (p) => p.records / p.cpuSeconds;
  const ratio = cpuRate(validate) / cpuRate(parse);
  const wallRatio = rate(validate) / rate(parse);
  const rows = [
    ['pass', 'records', 'wall s', 'records/s', 'CPU s', 'records/CPU-s', 'MB/s', 'peak RSS'],
    ...[
      ['JSON.parse only', parse],
      ['reuse-pref validate', validate],
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
      ok: validate.records === records && parse.records === records,
    },
  ];
  const notes = [
    `${thousands(validate.valid)} of ${thousands(validate.records)} statements valid (errors are seeded on purpose)`,
  ];
  return { rows, checks, notes };
}
