import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, binPath, ensureBuilt, repoRoot, runBin } from './support/bin.js';

let dir: string;
let jwksFile: string;
let signingKey: CryptoKey;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'rp-serve-'));
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  signingKey = privateKey;
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
    {
      given: ['--role', 'receiver', '--ingest-threads', 'two'],
      want: /--ingest-threads must be a whole number from 0 to 64/,
    },
    {
      given: ['--role', 'receiver', '--idle-timeout', '0'],
      want: /--idle-timeout must be a whole number above 0/,
    },
    {
      given: ['--role', 'receiver', '--max-fields', '1e3'],
      want: /--max-fields must be a whole number above 0/,
    },
  ])('$given', ({ given, want }) => {
    const got = runBin(['serve', ...given, ...auth()], { env: { DATABASE_URL: '' } });
    expect(got.status).toBe(2);
    expect(got.stderr).toMatch(want);
  });
});

/** Starts `reuse-pref serve` with these arguments; resolves with the child and the URL it listens on. */
async function serve(args: string[]) {
  const child = spawn(process.execPath, [binPath, 'serve', '--port', '0', ...args, ...auth()], {
    cwd: repoRoot,
    env: { ...process.env, CI: '1' },
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as { msg?: string; url?: string };
      if (msg.msg === 'listening' && msg.url) resolve(msg.url);
    });
  });
  return { child, url };
}

describe('reuse-pref serve --role receiver --ingest-threads 1', () => {
  it('reads an NDJSON batch on its worker thread from the built package, and stops cleanly', async () => {
    const { child, url } = await serve([
      '--role',
      'receiver',
      '--ingest-threads',
      '1',
      '--db',
      join(dir, 'r.db'),
    ]);
    const token = await new SignJWT({ scope: 'receiver:write school:100000' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('https://auth.test')
      .setAudience('reuse-pref')
      .setSubject('serve-test')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(signingKey);
    const example = JSON.parse(readFileSync(join(repoRoot, 'spec/v1/examples/statement.json'), 'utf8')) as {
      setting: { urn: string };
    };
    const res = await fetch(`${url}/intake/batches`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/x-ndjson',
        'idempotency-key': 'serve-ingest-threads',
      },
      body: `${JSON.stringify(example)}\nnot json\n`,
    });
    const batch = (await res.json()) as {
      batch?: { outcomes: { outcome: string; findings: { rule: string }[] }[] };
    };
    // One bad line rejects the batch atomically; the worker's reading of each line comes back intact.
    expect(res.status).toBe(422);
    expect(batch.batch?.outcomes.map((o) => o.outcome)).toEqual(['not-stored', 'rejected']);
    expect(batch.batch?.outcomes[1]?.findings[0]?.rule).toBe('invalid-json');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

describe('reuse-pref serve --role distributor', () => {
  it('listens on the embedded store, declares its profile, and stops cleanly on SIGTERM', async () => {
    const { child, url } = await serve([
      '--role',
      'distributor',
      '--db',
      join(dir, 'd.db'),
      '--signed-head',
      join(dir, 'signed-head.json'),
    ]);
    const capabilities = (await (await fetch(`${url}/.well-known/reuse-preference`)).json()) as {
      profiles: string[];
    };
    expect(capabilities.profiles).toContain('distributor');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('with --log-key serves the subject view, receipts checked against that key; without it, no page', async () => {
    expect(runBin(['log', 'keygen', '--out', join(dir, 'dfe-log')]).status).toBe(0);
    const { child, url } = await serve([
      '--role',
      'distributor',
      '--db',
      join(dir, 'd2.db'),
      '--log-key',
      join(dir, 'dfe-log.pem'),
    ]);
    const page = await fetch(`${url}/subject-view`);
    expect(page.status).toBe(200);
    const html = await page.text();
    // The key's base64 body, whatever the attribute's escaping of its line breaks.
    const keyBody = readFileSync(join(dir, 'dfe-log.pub.pem'), 'utf8').split('\n')[1]!;
    expect(html).toMatch(
      new RegExp(`log-key="-----BEGIN PUBLIC KEY-----[^"]*${keyBody.replace(/[+/]/g, '\\$&')}`),
    );
    expect((await fetch(`${url}/subject-view/assets/reuse-preference-ledger.js`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const plain = await serve(['--role', 'distributor', '--db', join(dir, 'd3.db')]);
    expect((await fetch(`${plain.url}/subject-view`)).status).toBe(404);
    const stopped = new Promise<number | null>((resolve) => plain.child.once('exit', resolve));
    plain.child.kill('SIGTERM');
    await stopped;
  });

  it('a --log-key that is not a private key is refused with the command that makes one, exit 2', () => {
    writeFileSync(join(dir, 'not-a-key.pem'), 'hello');
    const run = runBin([
      'serve',
      '--role',
      'distributor',
      '--log-key',
      join(dir, 'not-a-key.pem'),
      ...auth(),
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('reuse-pref log keygen');
  });
});

describe('reuse-pref serve resource limits', () => {
  it('takes --max-fields and --idle-timeout: a record over the field cap is refused, a silent socket closed', async () => {
    const { child, url } = await serve([
      '--role',
      'receiver',
      '--db',
      join(dir, 'limits.db'),
      '--max-fields',
      '20',
      '--idle-timeout',
      '300',
    ]);
    const token = await new SignJWT({ scope: 'receiver:write school:100000', client_id: 'serve-test' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer('https://auth.test')
      .setAudience('reuse-pref')
      .setSubject('serve-test')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(signingKey);
    const example = readFileSync(join(repoRoot, 'spec/v1/examples/statement.json'), 'utf8');
    const res = await fetch(`${url}/intake/statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: example,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { type: string }).type).toBe(
      'https://reuse-pref.org/problems/too-many-fields',
    );

    const { connect } = await import('node:net');
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.on('error', () => undefined);
    const started = Date.now();
    await new Promise((resolve) => socket.once('close', resolve));
    expect(Date.now() - started).toBeLessThan(5_000);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
