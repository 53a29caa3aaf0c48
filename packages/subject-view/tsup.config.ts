import { defineConfig } from 'tsup';

// Two outputs. The package (dist/index.*): ESM + CJS + types for hosts that bundle it themselves, with
// the other @reuse-pref packages left as dependencies. The browser build (dist/browser/): one script a
// page loads with <script type="module">, everything bundled; the client is a chunk loaded only when
// the page fetches the ledger itself (a host that hands over the ledger never downloads it).
export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: ['!browser/**'],
    sourcemap: true,
    target: 'es2022',
  },
  {
    entry: { 'reuse-preference-ledger': 'src/browser.ts' },
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
