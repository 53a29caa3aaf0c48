import { defineConfig } from 'tsup';

export default defineConfig({
  // catalogue: the plain-data entry (@reuse-pref/schema/catalogue) browser pages import.
  entry: { index: 'src/index.ts', catalogue: 'src/published-data.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
});
