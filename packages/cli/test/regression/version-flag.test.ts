import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, packageDir, runBin } from '../support/bin.js';

// Bug (issue 13): "no --version on either CLI"; reuse-pref's must keep printing the package version.
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };

beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

describe('reuse-pref --version', () => {
  it.each([['--version'], ['-v']])('%s prints the package version and exits 0', (flag) => {
    const run = runBin([flag]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});
