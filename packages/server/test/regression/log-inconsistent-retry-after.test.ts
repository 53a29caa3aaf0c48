import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLogKeyPair } from '@reuse-pref/release';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asDatabaseOwner } from '../../../store/test/faults/as-database-owner.js';
import { researchRequest } from '../helpers/requests.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { answers, upn } from '../helpers/statements.js';

// Found by the conformance suite's contract check when the fault hook first rewrote a log leaf under the
// reference distributor (decision 0042): the 503 log-inconsistent answers of getTreeHead,
// getConsistencyProof and createRelease came without the Retry-After that openapi.yaml declares for
// every 503 (ServiceUnavailable), so a client following the contract had no interval to wait.
const keys = generateLogKeyPair();
let dir: string;
let server: TestServer;
const start = () =>
  startTestServer('distributor', {
    dir,
    logSigningKey: keys.privateKey,
    signedHeadPath: join(dir, 'signed-head.json'),
    onLogAlarm: () => undefined,
  });
const releaseBody = (dsReference: string) =>
  JSON.stringify({ request: researchRequest(dsReference), cohort: [{ upn: upn(401) }] });
const record = (dsReference: string) =>
  server.call('/releases', {
    method: 'POST',
    scope: 'distributor:write',
    headers: { 'content-type': 'application/json', 'idempotency-key': dsReference },
    body: releaseBody(dsReference),
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rp-log-inconsistent-'));
  server = await start();
  await server.store.statements.append(answers(upn(401), [{ purpose: 'RSXT', value: 'OBJT' }]));
  expect((await record('DR261101.01')).status).toBe(201);
  expect((await server.call('/register/tree-head')).status).toBe(200);
  await server.close();
  await asDatabaseOwner(
    server.database,
    `UPDATE ledger_entries SET entry = substr(entry, 1, length(entry) - 1) || ',"altered":true}'
       WHERE ledger = 'release:log' AND idx = 0`,
  );
  server = await start();
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('every 503 log-inconsistent answer carries Retry-After, as every 503 of the contract does', async () => {
  const answers = [
    await server.call('/register/tree-head'),
    await server.call('/register/log/consistency?first=1&second=2'),
    await record('DR261101.02'),
  ];
  for (const response of answers) {
    const body = (await response.json()) as { type: string };
    expect({ status: response.status, type: body.type }).toEqual({
      status: 503,
      type: 'https://reuse-pref.org/problems/log-inconsistent',
    });
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  }
  // Each refusal reached the error tracker as the problem it is, none as a 500.
  expect(server.errors.every((e) => (e as Error).name === 'ProblemError')).toBe(true);
  server.errors.length = 0;
});
