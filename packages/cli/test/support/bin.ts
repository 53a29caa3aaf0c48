import { execFileSync, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

/**
 * The tests run the built bin, as a user does. `pnpm test` builds first; a targeted run builds here the
 * bin and the packages it loads when what they are built from changed (scripts/build.mjs compares content
 * hashes and holds a lock, so parallel test files build once and never empty dist under each other).
 */
export function ensureBuilt(): void {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--js', '@reuse-pref/cli'], {
    stdio: 'pipe',
  });
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
