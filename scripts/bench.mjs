// pnpm bench [suite...] [--records N] [--no-fail]
// Runs benchmark suites from scripts/bench/<suite>.mjs (all of them when none is named), prints a table
// per suite and the checks against its targets, and exits 1 when a target is missed (unless --no-fail).
// A suite exports { description, defaultRecords, run({ records, dataDir, log }) -> { rows, checks, notes } };
// to add one, add a file and a line to SUITES.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pinnedCore } from './bench/lib/child.mjs';
import { formatTable } from './bench/lib/table.mjs';

const SUITES = {
  validate: () => import('./bench/validate.mjs'),
  release: () => import('./bench/release.mjs'),
  ingest: () => import('./bench/ingest.mjs'),
  xml: () => import('./bench/xml.mjs'),
  form: () => import('./bench/form.mjs'),
  signatures: () => import('./bench/signatures.mjs'),
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  console.error(`bench: ${message}`);
  console.error(
    `usage: node scripts/bench.mjs [${Object.keys(SUITES).join('|')}...] [--records N] [--no-fail]`,
  );
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { records: { type: 'string' }, 'no-fail': { type: 'boolean', default: false } },
  });
} catch (err) {
  usage(err.message);
}
const { values, positionals } = parsed;
const names = positionals.length > 0 ? positionals : Object.keys(SUITES);
for (const name of names) if (!Object.hasOwn(SUITES, name)) usage(`unknown suite '${name}'`);
if (values.records !== undefined && !/^[1-9]\d*$/.test(values.records))
  usage('--records must be a positive whole number');

console.log(
  `node ${process.version}, ${pinnedCore === undefined ? 'not pinned (no taskset)' : `each pass pinned to core ${pinnedCore}`}`,
);
let failed = 0;
for (const name of names) {
  const suite = await SUITES[name]();
  const records = values.records === undefined ? suite.defaultRecords : Number(values.records);
  console.log(`\n== ${name}: ${suite.description}`);
  const result = await suite.run({
    records,
    dataDir: join(root, '.bench'),
    log: (line) => console.log(`   ${line}`),
  });
  console.log(`\n${formatTable(result.rows)}\n`);
  for (const check of result.checks) {
    console.log(`${check.ok ? 'PASS' : 'MISS'}  ${check.name}: ${check.value}`);
    if (!check.ok) failed++;
  }
  for (const note of result.notes ?? []) console.log(`note  ${note}`);
}
if (failed > 0) {
  console.log(`\n${failed} target(s) missed${values['no-fail'] ? ' (--no-fail: reporting only)' : ''}`);
  if (!values['no-fail']) process.exit(1);
}
