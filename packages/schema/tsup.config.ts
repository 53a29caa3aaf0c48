import { cpSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  // catalogue: the plain-data entry (@reuse-pref/schema/catalogue) browser pages import.
  entry: { index: 'src/index.ts', catalogue: 'src/published-data.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // The published contract files ship with the package, at the same paths as in the repository
  // (`@reuse-pref/schema/spec/v1/schemas/statement.schema.json`), for tools that read JSON Schema, the
  // OpenAPI document or the XSD rather than TypeBox. spec/ is generated from this package's source.
  async onSuccess() {
    rmSync('spec', { recursive: true, force: true });
    for (const part of ['schemas', 'codelists', 'catalogue', 'openapi.yaml', 'validation-rules.json', 'xml'])
      cpSync(`../../spec/v1/${part}`, `spec/v1/${part}`, { recursive: true });
  },
});
