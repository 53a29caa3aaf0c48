import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
  // import.meta.url (how suiteRoot finds the suite files) works in the CommonJS build too.
  shims: true,
  // The argument parser is a private workspace package: bundled, never a dependency.
  noExternal: ['@reuse-pref/command-line'],
  // The published CLI carries the vectors, scenarios, schemas and the contract it checks against (every
  // response is checked against openapi.yaml, and the contract-fuzz profile generates from it).
  async onSuccess() {
    cpSync('../../conformance', 'suite/conformance', { recursive: true });
    cpSync('../../spec/v1/schemas', 'suite/spec/v1/schemas', { recursive: true });
    cpSync('../../spec/v1/examples', 'suite/spec/v1/examples', { recursive: true });
    cpSync('../../spec/v1/openapi.yaml', 'suite/spec/v1/openapi.yaml');
    cpSync('../../spec/v1/openapi.bundled.yaml', 'suite/spec/v1/openapi.bundled.yaml');
  },
});
