import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the vectors, scenarios and schemas live: beside the built package (copied in at build) or,
 * when running from the monorepo, the repository root. Returns the directory holding `conformance/`
 * and `spec/`.
 */
export function suiteRoot(): string {
  const here = fileURLToPath(import.meta.url);
  // Run from source (tests, tsx), the repository is the truth: a suite/ copy left by an earlier build is stale.
  const fromSource = here.endsWith('.ts');
  let dir = dirname(here);
  for (let i = 0; i < 6; i++) {
    if (!fromSource && existsSync(join(dir, 'suite/conformance/test-schema.json'))) return join(dir, 'suite');
    if (existsSync(join(dir, 'conformance/test-schema.json')) && existsSync(join(dir, 'spec/v1'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('reuse-pref-conformance: cannot find the conformance suite files');
}
