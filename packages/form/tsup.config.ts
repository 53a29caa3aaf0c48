import { defineConfig } from 'tsup';

// Two outputs. The package (dist/index.*): ESM + CJS + types for hosts that bundle it themselves, with
// the other @reuse-pref packages left as dependencies. The browser build (dist/browser/): one script a
// page loads with <script type="module">, everything bundled, and the validator and client split into
// chunks loaded at the first submit, so the page is interactive after the small first script.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', kit: 'src/kit.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: ['!browser/**'],
    sourcemap: true,
    target: 'es2022',
  },
  {
    entry: { 'reuse-preference-form': 'src/browser.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    minify: true,
    sourcemap: true,
    clean: true,
    dts: false,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.conditions = ['source', 'browser', 'import', 'default'];
      options.chunkNames = 'chunks/[name]-[hash]';
    },
  },
]);
