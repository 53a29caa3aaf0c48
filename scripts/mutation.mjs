// @ts-nocheck
// pnpm mutation [resolver|validator|validator-rules|ci...] [--full] [--report-only] [--min-score N]
// StrykerJS mutates the reference resolver and/or validator, and the conformance suite alone judges each
// mutant (packages/conformance/mutation/judge.mutation.ts: every semantic vector through the harness).
// Writes reports/mutation/<module>.json (Stryker) and reports/mutation/summary.md (score per file,
// survivors), and checks conformance/equivalent-mutants.json: exit 1 when an entry is stale (no longer
// generated, or now killed) or a module scores under --min-score (default 90) over its non-equivalent
// mutants. One test process (concurrency 1): the machine is shared. See decision 0027.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { markdown, score, summarise } from './mutation/summary.mjs';

const MODULES = {
  resolver: 'packages/resolver/src/**/*.ts',
  validator: 'packages/validator/src/**/*.ts',
  // The reduced validator run: the rule modules only (no schema reader, pattern engine or UUID reader).
  'validator-rules': 'packages/validator/src/rules/**/*.ts',
  // The reduced run in CI (.ci/run, a few minutes): a fixed sample of resolver files (Stryker splits
  // --mutate at commas, so no brace globs).
  ci: ['competence', 'order'].map((f) => `packages/resolver/src/${f}.ts`).join(','),
};
// A sample is judged against its whole module's equivalent mutants in the files it mutates.
const SAMPLE_OF = { ci: 'resolver' };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'report-only': { type: 'boolean' },
    full: { type: 'boolean' },
    'min-score': { type: 'string', default: '90' },
  },
});
const modules = positionals.length ? positionals : Object.keys(MODULES).filter((m) => !SAMPLE_OF[m]);
for (const m of modules) {
  if (!MODULES[m]) {
    console.error(`mutation: unknown module ${m}; one of ${Object.keys(MODULES).join(', ')}`);
    process.exit(2);
  }
}

const reportPath = (m) => join(root, 'reports/mutation', `${m}.json`);
mkdirSync(join(root, 'reports/mutation'), { recursive: true });
const timings = {};
if (!values['report-only']) {
  for (const m of modules) {
    const started = Date.now();
    const run = spawnSync(
      'pnpm',
      [
        'exec',
        'stryker',
        'run',
        'packages/conformance/mutation/stryker.config.mjs',
        '--mutate',
        MODULES[m],
        ...(values.full ? ['--force'] : []),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          MUTATION_REPORT: `reports/mutation/${m}.json`,
          MUTATION_INCREMENTAL: `reports/mutation/${m}-incremental.json`,
        },
      },
    );
    timings[m] = Math.round((Date.now() - started) / 1000);
    if (run.status !== 0) {
      console.error(`mutation: stryker failed for ${m} (exit ${run.status})`);
      process.exit(3);
    }
  }
}

const equivalents = JSON.parse(readFileSync(join(root, 'conformance/equivalent-mutants.json'), 'utf8'));
const minScore = Number(values['min-score']);
let failed = false;
const sections = ['# Mutation testing: the conformance suite as the only judge', ''];
for (const m of modules) {
  const report = JSON.parse(readFileSync(reportPath(m), 'utf8'));
  const listed = SAMPLE_OF[m]
    ? equivalents.mutants
        .filter((e) => e.module === SAMPLE_OF[m] && e.file in report.files)
        .map((e) => ({ ...e, module: m }))
    : equivalents.mutants;
  const s = summarise(report, listed, m);
  sections.push(markdown(m, s));
  if (timings[m] !== undefined) sections.push(`Run time: ${timings[m]} s (concurrency 1).`, '');
  const sc = score(s.total);
  console.log(
    `${m}: ${s.total.generated} mutants, ${s.total.killed} killed, ${s.total.survived} survived, ${s.total.equivalent} equivalent: ${sc.toFixed(1)}%`,
  );
  for (const x of s.stale) console.log(`  stale: ${x}`);
  if (s.stale.length || sc < minScore) failed = true;
}
writeFileSync(join(root, 'reports/mutation/summary.md'), `${sections.join('\n')}\n`);
console.log('wrote reports/mutation/summary.md');
process.exit(failed ? 1 : 0);
