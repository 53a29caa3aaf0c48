import { describe, expect, it } from 'vitest';
// Only the modules a vector run needs (not the package index, which loads the HTTP and file runners too):
// Stryker re-imports them for every mutant.
import { inProcessHarness } from '../src/protocol/client.js';
import { referenceImplementation } from '../src/protocol/reference.js';
import { suiteRoot } from '../src/suite-root.js';
import { loadVectors } from '../src/vectors/load.js';
import { runVectors } from '../src/vectors/run.js';

/**
 * The conformance suite as the only judge of a mutant (issue 11): every semantic vector case is one test,
 * run through the harness protocol's in-process client against the reference validator and resolver,
 * exactly as `reuse-pref-conformance run --harness` runs a vendor's. The packages' own unit tests are not
 * here, so a mutant survives unless a vector catches it. One test per case lets Stryker run only the
 * cases that reach a mutant. Not part of `pnpm test` (the file name does not end in .test.ts): `pnpm
 * mutation` runs it under Stryker.
 */
const files = loadVectors(suiteRoot());
const harness = inProcessHarness(referenceImplementation);
const started = harness.start();

for (const file of files) {
  describe(file.path, () => {
    for (const c of file.cases) {
      it(c.id, async () => {
        const { capabilities } = await started;
        const results = await runVectors(harness, [{ ...file, cases: [c] }], capabilities);
        const failed = results.filter((r) => r.level === 'MUST' && r.status !== 'pass');
        expect(failed.map((r) => `${r.id}: ${r.message ?? r.status}`)).toEqual([]);
      });
    }
  });
}
