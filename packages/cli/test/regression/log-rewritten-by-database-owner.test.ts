// Issue 17 item 4: the transparency log was not tamper-evident in practice. With the database owner's
// rights an operator disabled the append-only trigger, rewrote a subject's ledger row and its log leaf
// (recomputing the commitment), restarted the server, and it signed a new head over the rewritten log
// without a word; nobody outside could notice (no API for leaves or consistency proofs), and
// `log verify --tree-head NEW --receipt OLD` said "verified". Now the server keeps its last signed head
// outside the database and refuses to sign over a log that does not extend it; a witness
// (`reuse-pref log monitor`) keeps the heads it has seen and proves each new one consistent; and
// `log verify` checks a receipt against the newest head through a consistency proof.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitmentLeaf, generateLogKeyPair, type LedgerRecord } from '@reuse-pref/release';
import { canonicalJson, type DistributionRequest, type SubjectReceipt } from '@reuse-pref/schema';
import { type RunningServer, startServer } from '@reuse-pref/server';
import { openPostgresStore } from '@reuse-pref/store/postgres';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The store's PostgreSQL test helper: a fresh database in the shared cluster, owned by the test role,
// which is exactly "the database owner" here. Nothing in this test restarts PostgreSQL.
import { asDatabaseOwner } from '../../../store/test/faults/as-database-owner.js';
import { createTestDatabase, type TestDatabase } from '../../../store/test/postgres/cluster.js';
import { BUILD_TIMEOUT_MS, ensureBuilt, repoRoot, runBinAsync } from '../support/bin.js';

const ISSUER = 'https://auth.test';
const AUDIENCE = 'reuse-pref';
const PUPIL = 'B801200005001';
const keys = generateLogKeyPair();

let dir: string;
let database: TestDatabase;
let server: RunningServer | undefined;
let token: (scope: string) => Promise<string>;
let jwks: ReturnType<typeof createLocalJWKSet>;
const alarms: string[] = [];
const at = (name: string) => join(dir, name);

/** The distributor, on the same port each time it restarts: a witness knows a log by its address. */
let port = 0;
async function start(): Promise<RunningServer> {
  const running = await startServer({
    role: 'distributor',
    store: { kind: 'postgres', databaseUrl: database.url },
    port,
    auth: { jwks, issuer: ISSUER, audience: AUDIENCE },
    tokenEndpoint: `${ISSUER}/token`,
    logger: () => {},
    logSigningKey: keys.privateKey,
    signedHeadPath: at('signed-head.json'),
    onLogAlarm: (reason) => alarms.push(reason),
  });
  port = running.port;
  return running;
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'rp-tamper-'));
  writeFileSync(at('log.pub.pem'), keys.publicKey);
  database = await createTestDatabase();
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k', alg: 'ES256' }] });
  token = (scope) =>
    new SignJWT({ scope, client_id: 'dfe-release-panel' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  // The pupil's parent objected to immigration use: the release excludes them.
  const store = await openPostgresStore({ connectionString: database.url });
  const statement = JSON.parse(readFileSync(join(repoRoot, 'spec/v1/examples/statement.json'), 'utf8'));
  await store.statements.append({ ...statement, id: randomUUID() });
  await store.close();
  server = await start();
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  await server?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const request: DistributionRequest = {
  dsReference: 'DR261101.01',
  recipient: { name: 'Home Office Immigration Enforcement', class: 'HOFF' },
  purposes: ['IMMI'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '1', sensitivity: 'C' }],
  deliveryMode: 'EXTR',
  retainUntil: '2027-12-31',
  cohort: { description: 'Pupils named in the request' },
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Immigration control',
  requestedAt: '2026-11-01T09:00:00Z',
};

async function call(path: string, init: RequestInit & { scope?: string } = {}) {
  const { scope, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (scope) headers.set('authorization', `Bearer ${await token(scope)}`);
  return fetch(`${server!.url}${path}`, { ...rest, headers });
}

// The server runs in this process, so the bin must be run without blocking it.
const monitor = () =>
  runBinAsync([
    'log',
    'monitor',
    '--once',
    '--url',
    server!.url,
    '--public-key',
    at('log.pub.pem'),
    '--state',
    at('witness.json'),
  ]);

const quoted = (text: string) => `$tamper$${text}$tamper$`;

describe('regression: a database owner rewrote the log and the server signed over it', () => {
  it('the server refuses to sign, the witness reports it, and an old receipt fails against the new head', async () => {
    const recorded = await call('/releases', {
      method: 'POST',
      scope: 'distributor:write',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'release-1' },
      body: JSON.stringify({ request, cohort: [{ upn: PUPIL }] }),
    });
    expect(recorded.status).toBe(201);
    const { releaseId } = (await recorded.json()) as { releaseId: string };
    const receiptResponse = await call(`/subjects/${PUPIL}/ledger/${releaseId}/receipt`, {
      scope: 'distributor:read',
    });
    const receipt = (await receiptResponse.json()) as SubjectReceipt;
    expect(receipt.entry.outcome).toBe('EXCL');
    writeFileSync(at('receipt.json'), JSON.stringify(receipt));

    // The witness accepts the head, and the family's receipt verifies against the newest head.
    expect((await monitor()).status).toBe(0);
    const honest = await runBinAsync([
      'log',
      'verify',
      '--receipt',
      at('receipt.json'),
      '--public-key',
      at('log.pub.pem'),
      '--url',
      server!.url,
    ]);
    expect(honest.stdout).toContain('verified 1 receipt(s) against the tree head of 2 leaves');
    expect(honest.status).toBe(0);

    // The owner rewrites history: the pupil was "included", with a fresh commitment that opens.
    await server!.close();
    server = undefined;
    const rewrittenEntry = { ...receipt.entry, outcome: 'INCL' as const };
    const record: LedgerRecord = {
      key: `upn:${PUPIL}`,
      leafIndex: 0,
      salt: receipt.salt,
      entry: rewrittenEntry,
    };
    await asDatabaseOwner(
      { kind: 'postgres', url: database.url },
      `UPDATE ledger_entries SET entry = ${quoted(canonicalJson(commitmentLeaf(rewrittenEntry, receipt.salt)))}
        WHERE ledger = 'release:log' AND idx = 0;
      UPDATE ledger_entries SET entry = ${quoted(JSON.stringify(record))}
        WHERE ledger = 'release:subject:upn:${PUPIL}#000000000000000' AND idx = 0;`,
    );

    // Restarted on the rewritten database, with its last signed head kept outside it: it refuses.
    server = await start();
    const head = await call('/register/tree-head');
    expect(head.status).toBe(503);
    expect(((await head.json()) as { type: string }).type).toBe(
      'https://reuse-pref.org/problems/log-inconsistent',
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toContain('no longer hash to the root of the last tree head this server signed');
    const health = await call('/health');
    expect(health.status).toBe(503);
    // A failing health check is a problem (decision 0004) with the report in its `health` member.
    const unhealthy = (await health.json()) as {
      type: string;
      detail: string;
      health: { checks: unknown[] };
    };
    expect(unhealthy.type).toBe('https://reuse-pref.org/problems/unhealthy');
    expect(unhealthy.detail).toBe('The transparency log is not consistent with the last signed tree head.');
    expect(unhealthy.health.checks).toContainEqual({
      name: 'transparency-log',
      status: 'fail',
      detail: 'not known to extend the last signed tree head',
    });
    const more = await call('/releases', {
      method: 'POST',
      scope: 'distributor:write',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'release-2' },
      body: JSON.stringify({ request: { ...request, dsReference: 'DR261101.02' }, cohort: [{ upn: PUPIL }] }),
    });
    expect(more.status).toBe(503);
    const refused = await monitor();
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('ALARM: the log says its store was rewritten');

    // The owner wipes the server's memory too: it signs the rewritten log. The witness proves the fork.
    await server.close();
    rmSync(at('signed-head.json'));
    server = await start();
    const forked = await call('/register/tree-head');
    expect(forked.status).toBe(200);
    const forkedHead = await forked.json();
    writeFileSync(at('new-head.json'), JSON.stringify(forkedHead));
    const caught = await monitor();
    expect(caught.status).toBe(1);
    expect(caught.stderr).toContain('two heads of 2 leaves with different roots: the log was rewritten');
    const witness = JSON.parse(readFileSync(at('witness.json'), 'utf8'));
    expect(witness.heads).toHaveLength(1);
    expect(witness.evidence).toMatchObject([{ head: forkedHead }]);

    // The family's old receipt no longer checks out against the newest head...
    const against = await runBinAsync([
      'log',
      'verify',
      '--receipt',
      at('receipt.json'),
      '--public-key',
      at('log.pub.pem'),
      '--url',
      server.url,
    ]);
    expect(against.status).toBe(1);
    expect(against.stderr).toContain('against the newest head: two heads of 2 leaves with different roots');
    // ... and a newer head without a proof is never "verified".
    const noProof = await runBinAsync([
      'log',
      'verify',
      '--receipt',
      at('receipt.json'),
      '--public-key',
      at('log.pub.pem'),
      '--tree-head',
      at('new-head.json'),
    ]);
    expect(noProof.status).toBe(2);
    expect(noProof.stdout).not.toContain('verified');
    expect(existsSync(at('signed-head.json'))).toBe(true);
  }, 120_000);
});
