import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Bundles the receiver once so each restart is plain node (tens of milliseconds, no TypeScript loader).
 * It lands under this package's node_modules so better-sqlite3 resolves from there.
 */
export const bundleReceiver = (): Promise<string> => bundleServerMain(join(here, 'receiver-main.ts'));

/** Bundles a test's server entry point (a file that starts a server and prints `listening <url>`). */
export async function bundleServerMain(entry: string): Promise<string> {
  const dir = join(here, '../../node_modules/.cache/reuse-pref-server-crash');
  mkdirSync(dir, { recursive: true });
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '');
  const outfile = join(dir, `${name}-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    // pg-copy-streams (pure JS, resolvable only from the store) is bundled in; it is CommonJS and
    // requires Node's own modules, which an ES module bundle can only do through a require of its own.
    external: ['better-sqlite3', 'pg', 'fastify'],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

export interface Receiver {
  child: ChildProcess;
  url: string;
}

/** Starts the bundled receiver on `dbPath` and resolves once it prints its URL. */
export function startReceiver(
  bundle: string,
  dbPath: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Receiver> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dbPath, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening (\S+)\n/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`receiver exited (${signal ?? code}) before listening: ${err}`)),
    );
  });
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
