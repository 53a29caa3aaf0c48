import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestMtime } from '../../../../../packages/cli/test/support/bin.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');
const packages = join(repoRoot, 'packages');

// The browser builds bundle these packages' sources (the "source" condition), so any change in them
// makes the pages stale.
const BUNDLED = ['form', 'subject-view', 'schema', 'validator', 'resolver', 'client', 'contract'];
const BUILDS = [
  join(packages, 'form', 'dist', 'browser', 'reuse-preference-form.js'),
  join(packages, 'subject-view', 'dist', 'browser', 'reuse-preference-ledger.js'),
];

function isStale(): boolean {
  try {
    const built = Math.min(...BUILDS.map((f) => statSync(f).mtimeMs));
    return BUNDLED.some((name) => built < newestMtime(join(packages, name, 'src')));
  } catch {
    return true;
  }
}

/**
 * The pages load the packages' real browser builds, as a school or DfE would serve them. `pnpm test`
 * builds first; a targeted run builds here when a build is missing or older than what it bundles, under
 * a lock because test files run in parallel processes.
 */
export function ensureBrowserBuilds(): void {
  if (!isStale()) return;
  execFileSync(
    'flock',
    [
      '/tmp/rp-family-pages-build.lock',
      'pnpm',
      '--filter',
      '@reuse-pref/form',
      '--filter',
      '@reuse-pref/subject-view',
      'build',
    ],
    { cwd: repoRoot, stdio: 'pipe' },
  );
}

export const BUILD_TIMEOUT_MS = 180_000;
