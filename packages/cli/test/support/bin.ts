import { execFileSync, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const binPath = join(packageDir, 'dist', 'bin.js');
export const repoRoot = join(packageDir, '..', '..');

/** The newest modification time of any file under `dir`: what a build older than it is stale against. */
export function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** What the bin is built from: its own source and the reference apps it bundles (tsup noExternal). */
const EXAMPLES = join(repoRoot, 'examples');
const bundledSources = (): string[] => [
  join(packageDir, 'src'),
  ...readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(EXAMPLES, entry.name, 'src'))
    .filter((dir) => existsSync(dir)),
];

function isStale(): boolean {
  try {
    const built = statSync(binPath).mtimeMs;
    return bundledSources().some((dir) => built < newestMtime(dir));
  } catch {
    return true;
  }
}

/**
 * The tests run the built bin, as a user does. `pnpm test` builds first; a targeted run builds here when
 * dist is missing or older than the sources it bundles, under a lock because test files run in parallel
 * processes. (Other workspace packages stay external: their own dist is what the bin loads.)
 */
export function ensureBuilt(): void {
  if (!isStale()) return;
  // Checked again under the lock: another test file may have rebuilt meanwhile, and building twice would
  // empty dist under a run that is using it.
  const script =
    'if [ ! -f dist/bin.js ] || [ -n "$(find src ../../examples/*/src -newer dist/bin.js 2>/dev/null)" ]; then pnpm --filter @reuse-pref/cli build; fi';
  execFileSync('flock', ['/tmp/rp-cli-build.lock', 'sh', '-c', script], { cwd: packageDir, stdio: 'pipe' });
}

/** Building under a loaded machine can take a while; hooks that call ensureBuilt use this timeout. */
export const BUILD_TIMEOUT_MS = 180_000;

export interface RunOptions {
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function runBin(args: readonly string[], options: RunOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [binPath, ...args], {
    input: options.input,
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, CI: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
