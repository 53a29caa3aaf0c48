import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateLogKeyPair,
  leafHash,
  MerkleTree,
  signTreeHead,
  verifyHeadConsistency,
} from '@reuse-pref/release';
import type { ConsistencyProof, LogLeaves, SignedTreeHead } from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asDatabaseOwner } from '../../store/test/faults/as-database-owner.js';
import { researchRequest } from './helpers/requests.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { answers, upn } from './helpers/statements.js';

const keys = generateLogKeyPair();
const PUPILS = [upn(301), upn(302), upn(303)];

const request = researchRequest;

let dir: string;
let server: TestServer;
const alarms: string[] = [];
const headPath = () => join(dir, 'signed-head.json');

async function start(): Promise<TestServer> {
  return startTestServer('distributor', {
    dir,
    logSigningKey: keys.privateKey,
    signedHeadPath: headPath(),
    onLogAlarm: (reason) => alarms.push(reason),
  });
}

async function release(dsReference: string, cohort: string[]): Promise<void> {
  const response = await server.call('/releases', {
    method: 'POST',
    scope: 'distributor:write',
    headers: { 'content-type': 'application/json', 'idempotency-key': dsReference },
    body: JSON.stringify({ request: request(dsReference), cohort: cohort.map((u) => ({ upn: u })) }),
  });
  expect(response.status).toBe(201);
}

const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
  const response = await server.call(path);
  return { status: response.status, body: (await response.json()) as T };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rp-transparency-'));
  server = await start();
  for (const pupil of PUPILS)
    await server.store.statements.append(answers(pupil, [{ purpose: 'RSXT', value: 'OBJT' }]));
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the log over the API', () => {
  let first: SignedTreeHead;

  it('signs a head only when the log grew, and keeps it outside the store before serving it', async () => {
    await release('DR261001.01', PUPILS.slice(0, 2));
    first = (await get<SignedTreeHead>('/register/tree-head')).body;
    expect(first.treeSize).toBe(3);
    expect((await get<SignedTreeHead>('/register/tree-head')).body).toEqual(first);
    expect(JSON.parse(readFileSync(headPath(), 'utf8'))).toEqual(first);
  });

  it('serves the leaves as hashed: anyone recomputes the signed root from them', async () => {
    await release('DR261001.02', PUPILS);
    const head = (await get<SignedTreeHead>('/register/tree-head')).body;
    expect(head.treeSize).toBe(7);
    const tree = new MerkleTree();
    for (let start = 0; start < head.treeSize; start += 2) {
      const { body } = await get<LogLeaves>(`/register/log/leaves?start=${start}&limit=2`);
      expect(body).toMatchObject({ start, treeSize: 7 });
      for (const leaf of body.leaves) tree.appendLeafHash(leafHash(Buffer.from(leaf, 'utf8')));
    }
    expect(tree.rootHash().toString('hex')).toBe(head.rootHash);
    const past = await get<LogLeaves>('/register/log/leaves?start=7');
    expect(past.body.leaves).toEqual([]);
    // No personal data in a leaf: commitments and release decisions only.
    const all = await get<LogLeaves>('/register/log/leaves?limit=100');
    for (const pupil of PUPILS) expect(JSON.stringify(all.body)).not.toContain(pupil);
  });

  it('proves a newer head extends an older one', async () => {
    const head = (await get<SignedTreeHead>('/register/tree-head')).body;
    const { status, body } = await get<ConsistencyProof>(
      `/register/log/consistency?first=3&second=${head.treeSize}`,
    );
    expect(status).toBe(200);
    expect(verifyHeadConsistency(first, head, body.path, keys.publicKey)).toEqual({ ok: true, problems: [] });
  });

  it.each([
    '/register/log/consistency?first=5&second=3',
    '/register/log/consistency?first=1&second=8',
    '/register/log/consistency?first=1',
    '/register/log/consistency?first=x&second=3',
    '/register/log/leaves?start=-1',
    '/register/log/leaves?limit=0',
    '/register/log/leaves?limit=1001',
  ])('%s is 400', async (path) => {
    const { status, body } = await get<{ type: string }>(path);
    expect(status).toBe(400);
    expect(body.type).toBe('https://reuse-pref.org/problems/bad-request');
  });
});

describe('a log rewritten while the server was stopped', () => {
  const tamper = (sql: string) => asDatabaseOwner(server.database, sql);

  async function restartAfter(change: () => unknown): Promise<void> {
    await server.close();
    await change();
    alarms.length = 0;
    server = await start();
  }

  async function expectRefused(reason: RegExp): Promise<void> {
    for (const path of [
      '/register/tree-head',
      '/register/log/consistency?first=1&second=2',
      '/register/log/leaves',
    ]) {
      const { status, body } = await get<{ type: string; detail: string }>(path);
      expect(status, path).toBe(503);
      expect(body.type).toBe('https://reuse-pref.org/problems/log-inconsistent');
      expect(body.detail).toMatch(reason);
    }
    const recording = await server.call('/releases', {
      method: 'POST',
      scope: 'distributor:write',
      headers: { 'content-type': 'application/json', 'idempotency-key': `more-${Math.random()}` },
      body: JSON.stringify({ request: request('DR261001.09'), cohort: [{ upn: PUPILS[0] }] }),
    });
    expect(recording.status).toBe(503);
    const health = await server.call('/health');
    expect(health.status).toBe(503);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatch(reason);
    // Every refusal reached the error tracker too; none was a 500.
    expect(server.errors.every((e) => (e as Error).name === 'ProblemError')).toBe(true);
    server.errors.length = 0;
  }

  it('refuses to sign when a leaf was rewritten', async () => {
    await restartAfter(() =>
      tamper(`UPDATE ledger_entries SET entry = replace(entry, '"commitment":"', '"commitment":"0')
                WHERE ledger = 'release:log' AND idx = 0`),
    );
    await expectRefused(/no longer hash to the root of the last tree head this server signed/);
  });

  it('refuses to sign when leaves were removed', async () => {
    await restartAfter(() => tamper(`DELETE FROM ledger_entries WHERE ledger = 'release:log' AND idx = 6`));
    await expectRefused(/fewer than the 7 of the last tree head this server signed .*: leaves were removed/);
  });

  it('refuses a last signed head another key signed', async () => {
    const head = JSON.parse(readFileSync(headPath(), 'utf8')) as SignedTreeHead;
    await restartAfter(() =>
      writeFileSync(headPath(), JSON.stringify(signTreeHead(head, generateLogKeyPair().privateKey))),
    );
    await expectRefused(/is not signed by this server's key/);
    expect(existsSync(headPath())).toBe(true);
  });
});
