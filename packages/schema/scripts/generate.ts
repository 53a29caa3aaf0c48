// Writes the generated part of spec/v1/ from the TypeBox source. Run: pnpm --filter @reuse-pref/schema generate
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSpecFiles } from '../src/spec-files.js';

const specDir = join(dirname(fileURLToPath(import.meta.url)), '../../../spec/v1');
for (const [path, content] of renderSpecFiles()) {
  const target = join(specDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  console.log(`wrote spec/v1/${path}`);
}
