// Benchmark "validate" (issue 2): validating NDJSON statements against a JSON.parse-only pass over the
// same file, in the same run, each pass in its own process on the same core.
// Targets: validation throughput >= 0.70x the parse-only throughput; peak RSS <= 200 MB.
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
  log(`parse-only pass: ${parse.seconds.toFixed(2)} s`);
  const validate = await runPass(PASS, ['validate', data.path]);
  log(`validate pass: ${validate.seconds.toFixed(2)} s`);

  const rate = (p) => p.records / p.seconds;
  const ratio = rate(validate) / rate(parse);
  const rows = [
    ['pass', 'records', 'seconds', 'records/s', 'MB/s', 'peak RSS'],
    ...[
      ['JSON.parse only', parse],
      ['reuse-pref validate', validate],
    ].map(([name, p]) => [
      name,
      thousands(p.records),
      p.seconds.toFixed(2),
      thousands(rate(p)),
      (data.bytes / 1e6 / p.seconds).toFixed(1),
      `${p.maxRssMB.toFixed(0)} MB`,
    ]),
  ];
  const checks = [
    {
      name: `throughput ratio validate / parse-only >= ${MIN_RATIO.toFixed(2)}`,
      value: `${ratio.toFixed(2)}x`,
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
