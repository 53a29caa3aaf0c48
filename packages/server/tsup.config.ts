import { defineConfig } from 'tsup';

export default defineConfig({
  // The ingest worker is its own entry: a worker thread is started from a file, not a module export.
  entry: { index: 'src/index.ts', 'ingest-worker': 'src/roles/receiver/ingest/worker-main.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // import.meta.url (where the worker file is found) also works in the CommonJS build.
  shims: true,
});
