import { readFileSync } from 'node:fs';
import type { paths } from '@reuse-pref/contract';
import { generateLogKeyPair, verifyReceipt } from '@reuse-pref/release';
import createClient, { type Client } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decideOnwardShare } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { ndjson, SCHOOL_A, statement, upn } from './helpers/statements.js';

// "Someone else's client": openapi-fetch, a public third-party client, typed only by the checked-in
// path types generated from openapi.yaml, drives every operation of running reference servers. If the
// server and the contract disagree on a path, a parameter or a status, this fails.

const spec = parse(readFileSync(new URL('../../../spec/v1/openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const contractOperations = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).flatMap((op) => (typeof op === 'object' && op?.operationId ? [op.operationId] : [])),
);

const URN = SCHOOL_A.urn;
const PUPIL = 'B801200005001';
const SCOPE = [
  'producer:read producer:write relay:audit receiver:read receiver:write',
  'distributor:read distributor:write school:*',
].join(' ');
const keys = generateLogKeyPair();

let relay: TestServer;
let receiver: TestServer;
let distributor: TestServer;
const exercised = new Map<string, number>();

// Media type 'application/json': the register also answers CSV and HTML, which this client never asks for.
async function clientFor(server: TestServer): Promise<Client<paths, 'application/json'>> {
  return createClient<paths, 'application/json'>({
    baseUrl: server.url,
    headers: { authorization: `Bearer ${await server.issuer.token(SCOPE)}` },
  });
}

/** Records that an operation was called and answered with a success status. */
function exercisedBy<T extends { response: Response }>(operationId: string, result: T): T {
  expect(contractOperations).toContain(operationId);
  expect(result.response.status, `${operationId} answered ${result.response.status}`).toBeLessThan(300);
  exercised.set(operationId, result.response.status);
  return result;
}

beforeAll(async () => {
  [relay, receiver, distributor] = await Promise.all([
    startTestServer('relay'),
    startTestServer('receiver'),
    startTestServer('distributor', { logSigningKey: keys.privateKey }),
  ]);
}, 60_000);
afterAll(() => Promise.all([relay?.close(), receiver?.close(), distributor?.close()]));

describe('openapi-fetch against the reference servers', () => {
  it('service: capabilities and health on every role', async () => {
    for (const server of [relay, receiver, distributor]) {
      const client = await clientFor(server);
      const caps = exercisedBy('getCapabilities', await client.GET('/.well-known/reuse-preference'));
      expect(caps.data?.specVersions).toContain('1.0.0');
      exercisedBy('getHealth', await client.GET('/health'));
    }
    // The distributor always signs (its tree heads), so it always has a key to publish.
    const keys = exercisedBy(
      'getSigningKeys',
      await (await clientFor(distributor)).GET('/.well-known/jwks.json'),
    );
    expect(keys.data?.keys).toHaveLength(1);
  });

  it('producer surface (served by the relay)', async () => {
    const client = await clientFor(relay);
    const path = { urn: URN };
    const created = exercisedBy(
      'updateSchoolSettings',
      await client.PUT('/schools/{urn}/settings', {
        params: { path, header: { 'If-None-Match': '*' } },
        body: {
          urn: URN,
          laEstab: SCHOOL_A.laEstab,
          competenceAge: 12,
          currentNotice: { id: 'NOTICE-ADMISSIONS', version: '2026.2', language: 'en' },
          censusReferenceDate: '2026-10-01',
          supplierId: 'SUP-EXAMPLE',
        },
      }),
    );
    expect(created.response.status).toBe(201);
    expect(created.response.headers.get('etag')).toBeTruthy();
    exercisedBy('getSchoolSettings', await client.GET('/schools/{urn}/settings', { params: { path } }));

    const first = statement();
    const submitted = exercisedBy(
      'submitStatement',
      await client.POST('/schools/{urn}/statements', {
        params: { path, header: { 'Idempotency-Key': first.id } },
        body: first,
      }),
    );
    const location = submitted.response.headers.get('location')!;
    expect(location).toBe(`/schools/${URN}/statements/${first.id}`);
    const fetched = exercisedBy(
      'getStatement',
      await client.GET('/schools/{urn}/statements/{statementId}', {
        params: { path: { urn: URN, statementId: first.id } },
      }),
    );
    expect(fetched.data).toEqual(first);
    const listed = exercisedBy(
      'listStatements',
      await client.GET('/schools/{urn}/statements', { params: { path } }),
    );
    expect(listed.data?.items.map((s) => s.id)).toContain(first.id);

    const pupilPath = { urn: URN, pupil: PUPIL };
    const prefs = exercisedBy(
      'getPupilPreferences',
      await client.GET('/schools/{urn}/pupils/{pupil}/preferences', { params: { path: pupilPath } }),
    );
    const etag = prefs.response.headers.get('etag')!;
    const later = statement({
      expressedAt: '2026-10-01T16:40:00Z',
      recordedAt: '2026-10-01T16:41:05Z',
      choices: [{ purpose: 'LINK', value: 'NOOB' }],
    });
    exercisedBy(
      'recordPupilStatement',
      await client.POST('/schools/{urn}/pupils/{pupil}/statements', {
        params: { path: pupilPath, header: { 'If-Match': etag } },
        body: later,
      }),
    );
    const history = exercisedBy(
      'listPupilStatements',
      await client.GET('/schools/{urn}/pupils/{pupil}/statements', { params: { path: pupilPath } }),
    );
    expect(history.data?.items.map((s) => s.id)).toEqual([first.id, later.id]);
    const feed = exercisedBy(
      'getChangeFeed',
      await client.GET('/schools/{urn}/changes', { params: { path } }),
    );
    expect(feed.data?.changes).toHaveLength(2);
  });

  it('relay: onward shares', async () => {
    await decideOnwardShare(relay.store, {
      urn: URN,
      app: { id: 'APP-READING', name: 'Reading Tracker' },
      subject: { upn: PUPIL },
    });
    const client = await clientFor(relay);
    const shares = exercisedBy(
      'listOnwardShares',
      await client.GET('/schools/{urn}/onward-shares', { params: { path: { urn: URN } } }),
    );
    expect(shares.data?.items).toHaveLength(1);
  });

  it('receiver: a batch, the batch again, a single statement', async () => {
    const client = await clientFor(receiver);
    const batch = exercisedBy(
      'submitBatch',
      await client.POST('/intake/batches', {
        params: { header: { 'Idempotency-Key': 'batch-1' } },
        body: ndjson([statement(), statement()]),
        bodySerializer: (body) => body as string,
        headers: { 'content-type': 'application/x-ndjson' },
      }),
    );
    expect(batch.data?.counts.stored).toBe(2);
    const again = exercisedBy(
      'getBatch',
      await client.GET('/intake/batches/{batchId}', { params: { path: { batchId: batch.data!.batchId } } }),
    );
    expect(again.data).toEqual(batch.data);
    exercisedBy('submitIntakeStatement', await client.POST('/intake/statements', { body: statement() }));
  });

  it('distributor and register: a release, its subjects, the register, a ledger and a verifying receipt', async () => {
    const objector = upn(301);
    await distributor.store.statements.append(
      statement({
        subject: { upn: objector, dateOfBirth: '2015-03-14' },
        choices: [{ purpose: 'IMMI', value: 'OBJT' }],
      }),
    );
    const client = await clientFor(distributor);
    const decided = exercisedBy(
      'evaluateDistribution',
      await client.POST('/releases', {
        params: { header: { 'Idempotency-Key': 'release-1' } },
        body: {
          request: {
            dsReference: 'DR261101.01',
            recipient: { name: 'Home Office Immigration Enforcement', class: 'HOFF' },
            purposes: ['IMMI'],
            lawfulBasis: 'PUBT',
            dataTiers: [{ identifiability: '1', sensitivity: 'C' }],
            deliveryMode: 'EXTR',
            retainUntil: '2027-12-31',
            cohort: { description: 'Pupils named in the request' },
            exemption: { code: 'S2P4', citation: 'DPA 2018 Sch 2 Part 1 para 4' },
            decisionMaker: 'Data Sharing Approval Panel',
            reasons: 'Immigration control',
            requestedAt: '2026-11-01T09:00:00Z',
          },
          cohort: [{ upn: objector }, { upn: upn(302) }],
        },
      }),
    );
    const releaseId = decided.data!.releaseId;
    expect(decided.data?.counts).toMatchObject({ total: 2, overridden: 1, included: 1 });
    exercisedBy('getRelease', await client.GET('/releases/{releaseId}', { params: { path: { releaseId } } }));
    const subjects = exercisedBy(
      'listReleaseSubjects',
      await client.GET('/releases/{releaseId}/subjects', { params: { path: { releaseId } } }),
    );
    expect(subjects.data?.items.map((s) => s.outcome.outcome)).toEqual(['OVRD', 'INCL']);
    const register = exercisedBy('listRegister', await client.GET('/register'));
    expect(register.data?.items.map((e) => e.releaseId)).toEqual([releaseId]);
    const head = exercisedBy('getTreeHead', await client.GET('/register/tree-head'));
    expect(head.data?.treeSize).toBe(3);
    const leaves = exercisedBy(
      'listLogLeaves',
      await client.GET('/register/log/leaves', { params: { query: { start: 1, limit: 5 } } }),
    );
    expect(leaves.data).toMatchObject({ start: 1, treeSize: 3 });
    expect(leaves.data?.leaves).toHaveLength(2);
    const proof = exercisedBy(
      'getConsistencyProof',
      await client.GET('/register/log/consistency', { params: { query: { first: 1, second: 3 } } }),
    );
    expect(proof.data).toMatchObject({ first: 1, second: 3 });
    const ledger = exercisedBy(
      'getSubjectLedger',
      await client.GET('/subjects/{pupil}/ledger', { params: { path: { pupil: objector } } }),
    );
    expect(ledger.data?.entries.map((e) => e.outcome)).toEqual(['OVRD']);
    const receipt = exercisedBy(
      'getSubjectReceipt',
      await client.GET('/subjects/{pupil}/ledger/{releaseId}/receipt', {
        params: { path: { pupil: objector, releaseId } },
      }),
    );
    expect(verifyReceipt(receipt.data!, keys.publicKey).ok).toBe(true);
    const decidedAt = decided.data!.decidedAt;
    const notify = exercisedBy(
      'listRecipientsToNotify',
      await client.GET('/subjects/{pupil}/recipients-to-notify', {
        params: {
          path: { pupil: objector },
          query: { objectionAt: new Date(Date.parse(decidedAt) + 1000).toISOString(), purposes: ['IMMI'] },
        },
      }),
    );
    expect(notify.data?.recipients.map((r) => [r.dsReference, r.purposes, r.underExemption])).toEqual([
      ['DR261101.01', ['IMMI'], true],
    ]);
  });

  it('exercised every operation openapi.yaml defines, and nothing else', () => {
    expect([...exercised.keys()].sort()).toEqual([...new Set(contractOperations)].sort());
  });
});
