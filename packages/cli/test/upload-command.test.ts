// `reuse-pref upload` against a real reference receiver (in this process, on its SQLite store), through a
// proxy that can lose a batch's answer after the intake committed it: the case the Idempotency-Key and
// the state file exist for.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Statement } from '@reuse-pref/schema';
import { jwksFromFile, type RunningServer, silentLogger, startServer } from '@reuse-pref/server';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, binPath, ensureBuilt, repoRoot } from './support/bin.js';
import { example, variant } from './support/statements.js';

let dir: string;
let receiver: RunningServer;
let token: string;

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'rp-upload-'));
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  writeFileSync(
    join(dir, 'jwks.json'),
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] }),
  );
  receiver = await startServer({
    role: 'receiver',
    store: { kind: 'sqlite', path: join(dir, 'intake.db') },
    auth: { jwks: jwksFromFile(join(dir, 'jwks.json')), issuer: 'https://auth.test', audience: 'rp' },
    tokenEndpoint: 'https://auth.test/oauth2/token',
    logger: silentLogger,
  });
  token = await new SignJWT({ scope: 'receiver:write receiver:read producer:read school:100000' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer('https://auth.test')
    .setAudience('rp')
    .setSubject('upload-test')
    .setIssuedAt()
    .setExpirationTime('30m')
    .sign(privateKey);
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await receiver?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The built bin in its own process (the in-process receiver must keep answering meanwhile). */
function upload(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [binPath, 'upload', ...args], {
      cwd: repoRoot,
      env: { ...process.env, CI: '1', REUSE_PREF_TOKEN: token, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const fresh = (change?: (s: Statement) => void) => variant(randomUUID(), change);
const badUpn = () =>
  fresh((s) => {
    s.subject.upn = 'A801200005001';
  });
const youngPupil = () =>
  fresh((s) => {
    s.expressedBy = { role: 'PUP', personRef: 'P-1' };
    delete s.competenceBasis;
    s.subject.dateOfBirth = '2018-01-01';
  });

function file(name: string, lines: (Statement | string)[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n')}\n`);
  return path;
}

/** What the intake holds for the school, by statement id. */
async function held(): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const url = new URL(`${receiver.url}/schools/100000/statements`);
    url.searchParams.set('limit', '200');
    if (cursor) url.searchParams.set('cursor', cursor);
    const page = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: Statement[];
      nextCursor: string | null;
    };
    for (const s of page.items) ids.add(s.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

function summaryRow(stdout: string, label: string): number {
  const match = new RegExp(`^  ${label.replace(/[()]/g, '\\$&')}\\s+([0-9,]+)`, 'm').exec(stdout);
  if (!match) throw new Error(`no '${label}' row in:\n${stdout}`);
  return Number(match[1]!.replaceAll(',', ''));
}

describe('reuse-pref upload: usage errors exit 2 and say what to give', () => {
  it.each([
    { args: [], want: /upload needs a file, or - for stdin/ },
    { args: ['x.ndjson'], want: /upload needs --base-url/ },
    { args: ['x.ndjson', '--base-url', 'ftp://x'], want: /give an http\(s\) URL/ },
    {
      args: ['x.ndjson', '--base-url', 'http://127.0.0.1:1', '--batch-size', '0'],
      want: /--batch-size must be/,
    },
    { args: ['x.ndjson', '--base-url', 'http://127.0.0.1:1', '--batch-sise', '5'], want: /--batch-size/ },
    { args: ['x.ndjson', '--base-url', 'http://127.0.0.1:1', '--client-id', 'mis'], want: /--token-url/ },
  ])('$args', async ({ args, want }) => {
    const run = await upload(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(want);
  });

  it('no token at all names the development command', async () => {
    const run = await upload(['x.ndjson', '--base-url', 'http://127.0.0.1:1'], { REUSE_PREF_TOKEN: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('reuse-pref token --role receiver');
  });
});

describe('reuse-pref upload against the reference receiver', () => {
  it('stores every record, names the queries by line, removes its state, and a rerun stores nothing twice', async () => {
    const records = [fresh(), youngPupil(), fresh(), fresh(), fresh()];
    const input = file('good.ndjson', records);
    const first = await upload([input, '--base-url', receiver.url, '--batch-size', '2']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^line 2: stored with a query: query pupil-under-competence-age/m);
    expect(summaryRow(first.stdout, 'records read')).toBe(5);
    expect(summaryRow(first.stdout, 'stored')).toBe(5);
    expect(first.stdout).toContain('(1 with a query)');
    expect(summaryRow(first.stdout, 'batches committed')).toBe(3);
    expect(existsSync(`${input}.upload-state.json`)).toBe(false);
    const ids = await held();
    for (const r of records) expect(ids.has(r.id)).toBe(true);

    const again = await upload([input, '--base-url', receiver.url, '--batch-size', '2', '--quiet']);
    expect(again.status).toBe(0);
    expect(summaryRow(again.stdout, 'stored')).toBe(0);
    expect(summaryRow(again.stdout, 'already held (duplicate)')).toBe(5);
  });

  it('a record with an error: its batch is refused whole, the rest stored, --failed holds what to resend, exit 1', async () => {
    const records = [fresh(), badUpn(), fresh(), fresh()];
    const input = file('one-bad.ndjson', records);
    const failed = join(dir, 'failed.ndjson');
    const run = await upload([input, '--base-url', receiver.url, '--batch-size', '2', '--failed', failed]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^line 2: rejected: error upn-check-letter at \/subject\/upn: /m);
    expect(summaryRow(run.stdout, 'stored')).toBe(2);
    expect(summaryRow(run.stdout, 'rejected (fix and resend)')).toBe(1);
    expect(summaryRow(run.stdout, 'not stored (batch refused)')).toBe(1);
    expect(summaryRow(run.stdout, 'batches refused')).toBe(1);
    expect(
      readFileSync(failed, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as Statement).id),
    ).toEqual([records[0]!.id, records[1]!.id]);
    const ids = await held();
    expect([ids.has(records[0]!.id), ids.has(records[1]!.id), ids.has(records[2]!.id)]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('a line that is not JSON is named and never sent; the others are stored', async () => {
    const records = [fresh(), fresh()];
    const input = file('broken.ndjson', [records[0]!, '{"id": "half a record', records[1]!]);
    const run = await upload([input, '--base-url', receiver.url]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^line 2: not JSON, not sent: invalid JSON/m);
    expect(summaryRow(run.stdout, 'records read')).toBe(3);
    expect(summaryRow(run.stdout, 'stored')).toBe(2);
    expect(summaryRow(run.stdout, 'not JSON (never sent)')).toBe(1);
  });

  it('XML is refused with the command that converts it', async () => {
    const input = join(dir, 'ctf.xml');
    writeFileSync(input, '<?xml version="1.0"?><CTfile/>');
    const run = await upload([input, '--base-url', receiver.url]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('reuse-pref ctf import');
  });

  it('an intake that does not answer: one line, exit 3, nothing read', async () => {
    const input = file('unreached.ndjson', [fresh()]);
    const run = await upload([input, '--base-url', 'http://127.0.0.1:9']);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^reuse-pref upload: the intake at http:\/\/127\.0\.0\.1:9 did not answer: /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(`${input}.upload-state.json`)).toBe(false);
  });

  it('a token the intake refuses stops the run with exit 3 and the reason', async () => {
    const input = file('refused.ndjson', [fresh()]);
    const run = await upload([input, '--base-url', receiver.url], { REUSE_PREF_TOKEN: 'not-a-token' });
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/^stopped: 401 /m);
  });
});

describe('reuse-pref upload resumes after the answer to a committed batch was lost', () => {
  let proxy: Server;
  let proxyUrl: string;
  /** Batches the proxy passes on; from the next one on, it forwards then drops the answer. */
  let answerBatches = Number.POSITIVE_INFINITY;
  let batchesSeen = 0;
  const keys: string[] = [];

  beforeAll(async () => {
    proxy = createServer((req, res) => {
      const isBatch = req.method === 'POST' && req.url === '/intake/batches';
      if (isBatch) {
        batchesSeen++;
        keys.push(String(req.headers['idempotency-key']));
      }
      const target = new URL(req.url!, receiver.url);
      const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
        if (isBatch && batchesSeen > answerBatches) {
          // The intake has committed (or refused) the batch; the client never hears about it.
          answer.resume();
          answer.on('end', () => res.socket?.destroy());
          return;
        }
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  it('exit 3 with the place kept; the same command goes on, and every record is stored exactly once', async () => {
    const records = Array.from({ length: 7 }, () => fresh());
    const input = file('interrupted.ndjson', records);
    const state = `${input}.upload-state.json`;
    answerBatches = 2;
    const first = await upload([input, '--base-url', proxyUrl, '--batch-size', '2']);
    expect(first.status).toBe(3);
    expect(first.stdout).toMatch(/^stopped: /m);
    expect(first.stdout).toContain('run the same command again to go on from there');
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { records: number; batches: number };
    expect([saved.records, saved.batches]).toEqual([4, 2]);
    // The third batch did reach the intake: its records are held although the command never heard so.
    const heldAfterCut = await held();
    expect(heldAfterCut.has(records[4]!.id)).toBe(true);
    const lostKey = keys[2]!;

    answerBatches = Number.POSITIVE_INFINITY;
    const keysBefore = keys.length;
    const second = await upload([input, '--base-url', proxyUrl, '--batch-size', '2']);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('resuming: 4 records in 2 batches were answered before');
    // Resumed at the lost batch, with the same key: the intake answered from its stored response.
    expect(keys.slice(keysBefore)).toEqual([lostKey, keys[keysBefore + 1]]);
    expect(summaryRow(second.stdout, 'records read')).toBe(7);
    expect(summaryRow(second.stdout, 'stored')).toBe(7);
    expect(summaryRow(second.stdout, 'already held (duplicate)')).toBe(0);
    expect(existsSync(state)).toBe(false);
    const ids = await held();
    for (const r of records) expect(ids.has(r.id)).toBe(true);
  });

  it('refuses to resume when the part already sent has changed, and --restart sends it all again', async () => {
    const records = Array.from({ length: 4 }, () => fresh());
    const input = file('changed.ndjson', records);
    answerBatches = batchesSeen + 1;
    const first = await upload([input, '--base-url', proxyUrl, '--batch-size', '2']);
    expect(first.status).toBe(3);
    file('changed.ndjson', [fresh(), ...records.slice(1)]);
    answerBatches = Number.POSITIVE_INFINITY;
    const changed = await upload([input, '--base-url', proxyUrl, '--batch-size', '2']);
    expect(changed.status).toBe(2);
    expect(changed.stderr).toContain('the input changed in the part already sent');
    const restarted = await upload([input, '--base-url', proxyUrl, '--batch-size', '2', '--restart']);
    expect(restarted.status).toBe(0);
    // The changed first record is new; the other three reached the intake in the interrupted run.
    expect(summaryRow(restarted.stdout, 'stored')).toBe(1);
    expect(summaryRow(restarted.stdout, 'already held (duplicate)')).toBe(3);
  });

  it('a state for another intake is refused rather than mixed up', async () => {
    const input = file('elsewhere.ndjson', [example]);
    writeFileSync(
      `${input}.upload-state.json`,
      JSON.stringify({ version: 1, uploadId: randomUUID(), intake: 'http://127.0.0.1:2', records: 1 }),
    );
    const run = await upload([input, '--base-url', receiver.url]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is an upload to http://127.0.0.1:2');
  });
});
