import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderVectors } from './render-vectors.js';

/**
 * Writes conformance/vectors/v1/validation/<level>/<topic>.json from scripts/vectors/<topic>.ts, and
 * removes vector files no topic writes any more. Run: pnpm --filter @reuse-pref/validator vectors
 * (a test fails when the checked-in files drift from the builders).
 */
const root = fileURLToPath(new URL('../../../conformance/vectors/v1/validation/', import.meta.url));
const files = renderVectors();
for (const level of readdirSync(root)) {
  for (const name of readdirSync(join(root, level))) {
    if (name.endsWith('.json') && !files.has(`${level}/${name}`)) rmSync(join(root, level, name));
  }
}
for (const [path, text] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
console.log(`wrote ${files.size} validation vector files`);
