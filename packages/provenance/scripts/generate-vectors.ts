import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderVectors } from './vectors/render-vectors.js';

/** Writes conformance/vectors/v1/signature/; a test fails when the checked-in files drift from this. */
const root = fileURLToPath(new URL('../../../conformance/vectors/v1/signature/', import.meta.url));
for (const [path, text] of await renderVectors()) {
  mkdirSync(dirname(`${root}${path}`), { recursive: true });
  writeFileSync(`${root}${path}`, text);
  console.log(`wrote conformance/vectors/v1/signature/${path}`);
}
