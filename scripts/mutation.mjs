// @ts-nocheck
// pnpm mutation [resolver|validator|validator-rules|release-gate|server-operations|ci...] [--full]
//   [--report-only] [--min-score N] [--mutate GLOB]
// StrykerJS mutates the reference resolver and/or validator, and the conformance suite alone judges each
// mutant (packages/conformance/mutation/judge.mutation.ts: every semantic vector through the harness).
// The release gate and the server operations are judged by the HTTP profiles instead
// (judge-http.mutation.ts: every scenario against reference servers started in the test process;
// decision 0031). --mutate narrows one module to some of its files (e.g. one server role); its report is
// then reports/mutation/<module>--<glob>.json, and only the equivalent entries of the files it mutated
// are checked.
// Writes reports/mutation/<module>.json (Stryker) and reports/mutation/summary.md (score per file,
// survivors), and checks conformance/equivalent-mutants.json: exit 1 when an entry is stale (no longer
// generated, or now killed) or a module scores under --min-score (default 90) over its non-equivalent
// mutants. One test process (concurrency 1): the machine is shared. See decision 0027.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
  // Judged by the HTTP profiles (a distributor's releases reach the gate; every role reaches its operations).
  'release-gate': { mutate: 'packages/release/src/gate/**/*.ts', judge: 'http' },
  // Without what no HTTP operation of the reference servers reaches, also when --mutate narrows the run
  // to one role: the worker-thread ingest (on only with ingestThreads > 0, and Stryker's mutant switch
  // does not reach a worker thread; verify-lines.ts is the workers' own chain check, imported only by
  // worker-main.ts) and decideOnwardShare (a library call the reference relay exposes
  // through no operation; examples/relay wraps it in its own).
  'server-operations': {
    mutate: 'packages/server/src/roles/**/*.ts',
    exclude: [
      'receiver/ingest/ingest-workers.ts',
      'receiver/ingest/worker-main.ts',
      'receiver/ingest/messages.ts',
      'receiver/ingest/verify-lines.ts',
      'relay/decide-onward-share.ts',
    ].map((f) => `!packages/server/src/roles/${f}`),
    judge: 'http',
  },
};
// A sample is judged against its whole module's equivalent mutants in the files it mutates.
const SAMPLE_OF = { ci: 'resolver' };
const globOf = (m) => (typeof MODULES[m] === 'string' ? MODULES[m] : MODULES[m].mutate);
const judgeOf = (m) => (typeof MODULES[m] === 'string' ? 'vectors' : MODULES[m].judge);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'report-only': { type: 'boolean' },
    full: { type: 'boolean' },
    'min-score': { type: 'string', default: '90' },
    mutate: { type: 'string' },
  },
});
const modules = positionals.length ? positionals : Object.keys(MODULES).filter((m) => !SAMPLE_OF[m]);
for (const m of modules) {
  if (!MODULES[m]) {
    console.error(`mutation: unknown module ${m}; one of ${Object.keys(MODULES).join(', ')}`);
    process.exit(2);
  }
}

if (values.mutate && modules.length !== 1) {
  console.error('mutation: --mutate narrows one module; name exactly one');
  process.exit(2);
}
// A file name stays under the file system's 255 bytes: a long --mutate list (several files, comma-separated)
// is shortened and told apart by a hash of the whole list.
const reportName = (m) => {
  if (!values.mutate) return m;
  const name = `${m}--${values.mutate.replace(/[^A-Za-z0-9]+/g, '-')}`;
  if (name.length <= 120) return name;
  return `${name.slice(0, 100)}-${createHash('sha256').update(values.mutate).digest('hex').slice(0, 12)}`;
};
const reportPath = (m) => join(root, 'reports/mutation', `${reportName(m)}.json`);
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
        [values.mutate ?? globOf(m), ...(MODULES[m].exclude ?? [])].join(','),
        ...(values.full ? ['--force'] : []),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          MUTATION_REPORT: `reports/mutation/${reportName(m)}.json`,
          MUTATION_INCREMENTAL: `reports/mutation/${reportName(m)}-incremental.json`,
          MUTATION_JUDGE: judgeOf(m),
          // What the run mutates, for a judge block needed only by some files (receiver-on-postgres.ts).
          MUTATION_MUTATE: values.mutate ?? globOf(m),
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
  // A sample answers for its whole module's entries in the files it mutated; a narrowed run (--mutate)
  // answers only for the files it mutated.
  const inRun = (e) => e.file in report.files;
  const listed = SAMPLE_OF[m]
    ? equivalents.mutants
        .filter((e) => e.module === SAMPLE_OF[m] && inRun(e))
        .map((e) => ({ ...e, module: m }))
    : values.mutate
      ? equivalents.mutants.filter(inRun)
      : equivalents.mutants;
  const s = summarise(report, listed, m);
  sections.push(markdown(values.mutate ? `${m} (${values.mutate})` : m, s));
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
