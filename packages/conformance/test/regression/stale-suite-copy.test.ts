import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suiteRoot } from '../../src/suite-root.js';

// The build copies conformance/ and spec/ into packages/conformance/suite for the published package. Run
// from source, suiteRoot() used to find that copy first, so tests ran yesterday's scenarios and new ones
// went unseen until the next build. From source the repository itself is the suite.
describe('suiteRoot from source', () => {
  const repoRoot = join(import.meta.dirname, '../../../..');

  it('is the repository, whether or not a built suite/ copy exists beside the package', () => {
    expect(existsSync(join(repoRoot, 'conformance/test-schema.json'))).toBe(true);
    expect(suiteRoot()).toBe(repoRoot);
  });
});
