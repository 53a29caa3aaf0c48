import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, binPath, ensureBuilt, repoRoot, runBin } from './support/bin.js';

let dir: string;
let jwksFile: string;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'rp-serve-'));
  const { publicKey } = await generateKeyPair('ES256');
  jwksFile = join(dir, 'jwks.json');
  writeFileSync(
    jwksFile,
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] }),
  );
}, BUILD_TIMEOUT_MS);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const auth = () => ['--jwks-file', jwksFile, '--issuer', 'https://auth.test', '--audience', 'reuse-pref'];

describe('reuse-pref serve usage errors exit 2 and name the option', () => {
  it.each([
    { given: ['--role', 'gateway'], want: /--role producer, relay, receiver or distributor/ },
    { given: ['--role', 'receiver', '--store', 'oracle'], want: /--store must be sqlite or postgres/ },
    { given: ['--role', 'receiver', '--store', 'postgres'], want: /--store postgres needs --database-url/ },
    { given: ['--role', 'receiver', '--port', '70000'], want: /--port must be 0 to 65535/ },
  ])('$given', ({ given, want }) => {
    const got = runBin(['serve', ...given, ...auth()], { env: { DATABASE_URL: '' } });
    expect(got.status).toBe(2);
    expect(got.stderr).toMatch(want);
  });
});

describe('reuse-pref serve --role distributor', () => {
  it('listens on the embedded store, declares its profile, and stops cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [binPath, 'serve', '--role', 'distributor', '--port', '0', '--db', join(dir, 'd.db'), ...auth()],
      { cwd: repoRoot, env: { ...process.env, CI: '1' } },
    );
    const lines = createInterface({ input: child.stdout });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
      lines.on('line', (line) => {
        const msg = JSON.parse(line) as { msg?: string; url?: string };
        if (msg.msg === 'listening' && msg.url) resolve(msg.url);
      });
    });
    const capabilities = (await (await fetch(`${url}/.well-known/reuse-preference`)).json()) as {
      profiles: string[];
    };
    expect(capabilities.profiles).toContain('distributor');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
