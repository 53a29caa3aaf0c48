// Benchmark "xml" (issue 6): 100 schools x 1,500 pupils in CTF files, converted to JSON statements by the
// streaming reader, beside fast-xml-parser's parse alone over the same files in the same run, each pass in
// its own process on the same core. Run directly (node scripts/bench/xml.mjs) or as a `pnpm bench` suite.
// Needs packages/xml built (pnpm build).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPass } from './lib/child.mjs';
import { formatTable, thousands } from './lib/table.mjs';
import { ensureSchools } from './xml/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PASS = join(here, 'xml', 'pass.mjs');
const SCHOOLS = 100;
// The converter validates well-formedness and maps every element on top of the same parse, and streams;
// it should keep at least half the speed of a bare parse.
const MIN_RATIO = 0.5;

export const description = `${SCHOOLS} schools' CTF files to JSON statements, streaming, vs fast-xml-parser parse alone`;
export const defaultRecords = SCHOOLS * 1_500;

export async function run({ records, dataDir, log }) {
  const pupils = Math.max(1, Math.round(records / SCHOOLS));
  const started = Date.now();
  const data = await ensureSchools(dataDir, SCHOOLS, pupils);
  log(
    `${data.generated ? 'generated' : 'reusing'} ${SCHOOLS} files x ${thousands(pupils)} pupils, ` +
      `${thousands(data.statements)} statements, ${(data.bytes / 1e6).toFixed(0)} MB` +
      `${data.generated ? ` in ${((Date.now() - started) / 1000).toFixed(1)} s` : ''}`,
  );
  const manifest = join(dataDir, 'xml', 'manifest.json');
  const parse = await runPass(PASS, ['parse', manifest]);
  log(`fast-xml-parser parse pass: ${parse.seconds.toFixed(2)} s`);
  const convert = await runPass(PASS, ['convert', manifest]);
  log(`convert pass: ${convert.seconds.toFixed(2)} s`);

  const rate = (p) => p.records / p.seconds;
  const ratio = rate(convert) / rate(parse);
  const rows = [
    ['pass', 'statements', 'pupils/s', 'statements/s', 'MB/s', 'peak RSS'],
    ...[
      ['fast-xml-parser parse only (whole file)', parse],
      ['@reuse-pref/xml convert (streaming)', convert],
    ].map(([name, p]) => [
      name,
      thousands(p.records),
      thousands((SCHOOLS * pupils) / p.seconds),
      thousands(rate(p)),
      (data.bytes / 1e6 / p.seconds).toFixed(1),
      `${p.maxRssMB.toFixed(0)} MB`,
    ]),
  ];
  const checks = [
    {
      name: `throughput ratio convert / parse-only >= ${MIN_RATIO.toFixed(2)}`,
      value: `${ratio.toFixed(2)}x`,
      ok: ratio >= MIN_RATIO,
    },
    {
      name: 'every statement read, no errors',
      value: `${thousands(convert.records)} of ${thousands(data.statements)}, ${convert.errors} errors`,
      ok: convert.records === data.statements && parse.records === data.statements && convert.errors === 0,
    },
  ];
  return {
    rows,
    checks,
    notes: [`ratio ${ratio.toFixed(2)}x (convert statements/s / parse-only statements/s)`],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(here, '..', '..');
  const result = await run({
    records: defaultRecords,
    dataDir: join(root, '.bench'),
    log: (l) => console.log(`   ${l}`),
  });
  console.log(`\n${formatTable(result.rows)}\n`);
  for (const c of result.checks) console.log(`${c.ok ? 'PASS' : 'MISS'}  ${c.name}: ${c.value}`);
  for (const n of result.notes) console.log(`note  ${n}`);
  if (result.checks.some((c) => !c.ok)) process.exitCode = 1;
}
