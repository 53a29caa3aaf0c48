import { generateLogKeyPair, verifyReceipt } from '@reuse-pref/release';
import type {
  DistributionRequest,
  ReleaseDecision,
  SignedTreeHead,
  SubjectReceipt,
} from '@reuse-pref/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { answers, upn } from './helpers/statements.js';

const keys = generateLogKeyPair();
const request = (dsReference: string): DistributionRequest => ({
  dsReference,
  recipient: { name: 'Linkage Study', class: 'ACAD' },
  purposes: ['LINK'],
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'C' }],
  deliveryMode: 'TRE',
  retainUntil: '2029-12-31',
  cohort: { description: 'Two pupils' },
  decisionMaker: 'Data Sharing Approval Panel',
  reasons: 'Two processes',
  requestedAt: '2026-10-01T09:00:00Z',
});

// Servers are stateless over the store: a release one distributor process records is served by every
// other on the same database, with the same tree head and receipts that verify (the log each process
// holds in memory is caught up with the store before each request).
describe.each(STORE_KINDS)('two distributor processes on one %s store', (kind) => {
  let first: TestServer;
  let second: TestServer;
  const PUPIL = upn(7001);
  beforeAll(async () => {
    first = await startTestServer('distributor', { store: kind, logSigningKey: keys.privateKey });
    second = await startTestServer('distributor', {
      store: kind,
      logSigningKey: keys.privateKey,
      shareWith: first,
    });
    await first.store.statements.append(answers(PUPIL, [{ purpose: 'LINK', value: 'OBJT' }]));
    // Both processes have read the (empty) log before either records.
    for (const s of [first, second]) expect((await s.call('/register/tree-head')).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  let attempt = 0;
  const record = (server: TestServer, ds: string) =>
    server.call('/releases', {
      method: 'POST',
      scope: 'distributor:write',
      headers: { 'content-type': 'application/json', 'idempotency-key': `${kind}-${ds}-${++attempt}` },
      body: JSON.stringify({ request: request(ds), cohort: [{ upn: PUPIL }, { upn: upn(7002) }] }),
    });

  it('serves what the other recorded: same tree head, a receipt that verifies, and records after it', async () => {
    const recorded = await record(first, 'DR-PROC-1');
    expect(recorded.status).toBe(201);
    const decision = (await recorded.json()) as ReleaseDecision;
    const heads = await Promise.all(
      [first, second].map(
        async (s) => (await (await s.call('/register/tree-head')).json()) as SignedTreeHead,
      ),
    );
    expect(heads[1]!.treeSize).toBe(3);
    expect(heads[1]!.rootHash).toBe(heads[0]!.rootHash);
    const response = await second.call(`/subjects/${PUPIL}/ledger/${decision.releaseId}/receipt`, {
      scope: 'distributor:read',
    });
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as SubjectReceipt;
    expect(receipt.entry.outcome).toBe('EXCL');
    expect(verifyReceipt(receipt, keys.publicKey)).toEqual({ ok: true, problems: [] });
    // The second records after the first without a conflict, and the first serves that in turn.
    expect((await record(second, 'DR-PROC-2')).status).toBe(201);
    const head = (await (await first.call('/register/tree-head')).json()) as SignedTreeHead;
    expect(head.treeSize).toBe(6);
    // The same DS reference through the other process is the earlier release, not a second one.
    expect((await record(second, 'DR-PROC-1')).status).toBe(200);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });
});
