// StrykerJS for `pnpm mutation` (scripts/mutation.mjs sets `mutate` per module). The only test is the
// conformance suite: the vectors (judge.mutation.ts) or, with MUTATION_JUDGE=http, the HTTP profiles
// against in-process reference servers (judge-http.mutation.ts); see decisions 0027 and 0031.
export default {
  packageManager: 'pnpm',
  testRunner: 'vitest',
  vitest: {
    configFile:
      process.env.MUTATION_JUDGE === 'http'
        ? 'packages/conformance/mutation/vitest-http.config.ts'
        : 'packages/conformance/mutation/vitest.config.ts',
    related: false,
  },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  // Mutated in place: the workspace links packages through per-package node_modules symlinks that a
  // sandbox copy would not carry. Stryker restores every file when it ends (also on Ctrl-C).
  inPlace: true,
  // Two cores are shared by several engineers and CI: one test process.
  concurrency: 1,
  timeoutMS: 20000,
  ignoreStatic: true,
  reporters: ['clear-text', 'json', 'progress-append-only'],
  jsonReporter: { fileName: process.env.MUTATION_REPORT ?? 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
