import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderVectors } from './render-vectors.js';

/**
 * Writes conformance/vectors/v1/resolver/<level>/<topic>.json. The checked-in JSON is what every
 * implementation reads; the builders only save typing full statements, and a test fails on drift.
 */
const root = fileURLToPath(new URL('../../../conformance/vectors/v1/resolver/', import.meta.url));
for (const [path, text] of renderVectors()) {
  mkdirSync(dirname(`${root}${path}`), { recursive: true });
  writeFileSync(`${root}${path}`, text);
}
