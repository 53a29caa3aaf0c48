import { defineConfig } from 'tsup';

// `pipeline` is a second entry so that scripts/bench.mjs measures exactly the reader and validation
// code the bin runs, without going through argument parsing or output formatting.
export default defineConfig({
  entry: { bin: 'src/bin.ts', pipeline: 'src/pipeline.ts' },
  format: ['esm'],
  dts: false,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
