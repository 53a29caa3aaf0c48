import { defineConfig } from 'tsup';

// The reference apps in examples/ and the argument parser in packages/command-line are private workspace
// packages: the bin bundles their source, so it runs exactly that code without depending on packages that
// are never published.
// `pipeline` is a second entry so that scripts/bench.mjs measures exactly the reader and validation
// code the bin runs, without going through argument parsing or output formatting.
export default defineConfig({
  entry: { bin: 'src/bin.ts', pipeline: 'src/pipeline.ts' },
  format: ['esm'],
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node20',
  noExternal: [/^@reuse-pref\/example-/, '@reuse-pref/command-line'],
});
