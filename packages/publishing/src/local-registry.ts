import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface LocalRegistry {
  /** e.g. http://127.0.0.1:41234/ */
  url: string;
  /** An npm user config holding a publish token for this registry (npm_config_userconfig). */
  publishConfig: string;
  /** What Verdaccio printed, for a failure message. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The registry everything but our own scope comes through: the one this machine's npm uses. */
function upstreamRegistry(): string {
  try {
    // Without the npm_config_* a pnpm script sets: npm would warn about each one it does not know.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
    return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', env }).trim();
  } catch {
    return 'https://registry.npmjs.org/';
  }
}

/**
 * Verdaccio on loopback with its storage in `dir`. `@reuse-pref/*` exists only here (never fetched from
 * upstream, so a test can only ever install what it published); every other package is proxied from the
 * machine's registry, as a vendor's install would fetch it.
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  mkdirSync(join(dir, 'storage'), { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    `storage: ${JSON.stringify(join(dir, 'storage'))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(dir, 'htpasswd'))}
    max_users: 100
uplinks:
  upstream:
    url: ${JSON.stringify(upstreamRegistry())}
    timeout: 60s
    max_fails: 5
packages:
  '@reuse-pref/*':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  '**':
    access: $all
    publish: $authenticated
    proxy: upstream
max_body_size: 200mb
log: { type: stdout, format: pretty, level: warn }
`,
  );
  const bin = join(
    dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')),
    'bin',
    'verdaccio',
  );
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, '--config', config, '--listen', `127.0.0.1:${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}-/ping`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`verdaccio did not answer in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  // A user to publish as: npm refuses to publish without a token for the registry.
  const user = await fetch(`${url}-/user/org.couchdb.user:publisher`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'publisher', password: 'local-registry-only' }),
  });
  const { token } = (await user.json()) as { token?: string };
  if (!token) throw new Error(`verdaccio gave no token (${user.status}):\n${output}`);
  const publishConfig = join(dir, 'publish.npmrc');
  writeFileSync(publishConfig, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`);
  return { url, publishConfig, log: () => output, stop };
}
