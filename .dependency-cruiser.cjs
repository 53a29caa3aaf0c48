// Import rules for the whole workspace, run by `pnpm check:imports` (part of `pnpm test`).
// TypeScript's `import type` counts: a circle closed only by types is still a circle in the design
// (two modules that each need the other to be understood), so tsPreCompilationDeps is on.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A module that reaches itself through its imports, value or type-only. Split what both sides ' +
        'need into a third module that imports neither.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-relative-import-of-another-package',
      severity: 'error',
      comment:
        'A package reaches another package only through its published name (@reuse-pref/...), never by ' +
        'a relative path into its files: that would bypass its exports and break once published.',
      from: { path: '^(packages|examples)/([^/]+)/' },
      to: {
        dependencyTypes: ['local'],
        path: '^packages/[^/]+/src/',
        pathNot: '^$1/$2/',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Workspace packages resolve to their src/ through the "source" condition, as in tests and tsc.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
