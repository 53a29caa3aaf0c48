import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, binPath, ensureBuilt, runBin } from './support/bin.js';

let dir: string;
let server: ChildProcess | undefined;
let url: string;
let serverErr = '';

/** `reuse-pref token ...` in the test folder (where `serve --dev-auth` keeps its key). */
function token(args: string[]) {
  const run = runBin(['token', ...args], { cwd: dir });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'rp-token-'));
  server = spawn(process.execPath, [binPath, 'serve', '--role', 'receiver', '--dev-auth', '--port', '0'], {
    cwd: dir,
    env: { ...process.env, CI: '1' },
  });
  server.stderr!.on('data', (chunk: Buffer) => {
    serverErr += chunk.toString();
  });
  const lines = createInterface({ input: server.stdout! });
  url = await new Promise<string>((resolve, reject) => {
    server!.once('exit', (code) => reject(new Error(`serve exited early with ${code}: ${serverErr}`)));
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as { msg?: string; url?: string };
      if (msg.msg === 'listening' && msg.url) resolve(msg.url);
    });
  });
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, bearer?: string) =>
  fetch(`${url}${path}`, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});

describe('reuse-pref serve --dev-auth with reuse-pref token', () => {
  it('says loudly, on stderr and in the JSON log, that it is not for production', () => {
    expect(serverErr).toContain('DEVELOPMENT TOKENS, NOT FOR PRODUCTION');
  });

  it('accepts a receiver token for its school and refuses none, another school and another role', async () => {
    const batch = '/intake/batches/00000000-0000-4000-8000-000000000001';
    expect((await get(batch)).status).toBe(401);
    const receiver = token(['--role', 'receiver', '--school', '100000']);
    expect((await get(batch, receiver)).status).toBe(404); // authorised: the batch simply is not there
    const producer = token(['--role', 'producer']);
    expect((await get(batch, producer)).status).toBe(403);
  });

  it('signs tokens that verify against the printed JWKS, issuer and audience, with the role’s scopes', async () => {
    const run = runBin(
      ['token', '--role', 'relay', '--school', '100000', '--school', '137245', '--expires', '30m'],
      {
        cwd: dir,
      },
    );
    expect(run.stderr).toContain('NOT FOR PRODUCTION');
    const jwksFile = /--jwks-file (\S+)/.exec(run.stderr)![1]!;
    const issuer = /--issuer (\S+)/.exec(run.stderr)![1]!;
    const audience = /--audience (\S+)/.exec(run.stderr)![1]!;
    const jwks = createLocalJWKSet(JSON.parse(readFileSync(join(dir, jwksFile), 'utf8')));
    const { payload } = await jwtVerify(run.stdout.trim(), jwks, { issuer, audience });
    expect(payload.scope).toBe('producer:read producer:write relay:read school:100000 school:137245');
    expect(payload.exp! - payload.iat!).toBe(1800);
    expect(payload.sub).toBe('dev-relay');
  });

  it.each([
    [['--role', 'distributor'], 'distributor:read distributor:write'],
    [['--role', 'receiver', '--all-schools'], 'receiver:read receiver:write producer:read school:*'],
    [['--role', 'subject', '--scope', 'extra:thing'], 'subject:read school:100000 extra:thing'],
  ])('%j has scopes %s', async (args, scopes) => {
    const run = runBin(['token', ...args], { cwd: dir });
    expect(run.stderr).toContain(`scopes: ${scopes}\n`);
  });

  it.each([
    [['--role', 'admin'], /unknown role 'admin'/],
    [['--role', 'recever'], /did you mean receiver\?/],
    [[], /token needs --role/],
    [['--role', 'receiver', '--school', '12345'], /a school URN is six digits/],
    [['--role', 'receiver', '--expires', 'forever'], /--expires forever/],
  ])('%j is a usage error', (args, message) => {
    const run = runBin(['token', ...args], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('is refused under NODE_ENV=production', () => {
    const run = runBin(['serve', '--role', 'receiver', '--dev-auth', '--port', '0'], {
      cwd: dir,
      env: { NODE_ENV: 'production' },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--dev-auth is refused when NODE_ENV=production');
  });
});
