import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { components, ReusePrefClient, Statement } from '../src/index.js';
import { contractOperations, example, success } from './support/contract.js';
import { ETAG, makeClient, resetContractServer, server } from './support/server.js';

const urn = '100000';
const pupil = 'B801200005001';
const releaseId = '7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11';
const batchId = 'e2a9c6b1-0d3f-4a57-8c1e-6b2d4f9a0c33';

type Schemas = components['schemas'];
type Call = (client: ReusePrefClient) => Promise<{ status: number; data: unknown; etag?: string }>;

// One typed call per operation in the contract; the last test proves the table is complete.
const calls: Record<string, Call> = {
  getCapabilities: (c) => c.get('/.well-known/reuse-preference', {}),
  getHealth: (c) => c.get('/health', {}),
  getSigningKeys: (c) => c.get('/.well-known/jwks.json', {}),
  listStatements: (c) => c.get('/schools/{urn}/statements', { path: { urn }, query: { limit: 50 } }),
  submitStatement: (c) =>
    c.post('/schools/{urn}/statements', {
      path: { urn },
      body: example<Statement>('StatementParent'),
      idempotencyKey: true,
    }),
  listPupilStatements: (c) => c.get('/schools/{urn}/pupils/{pupil}/statements', { path: { urn, pupil } }),
  recordPupilStatement: (c) =>
    c.post('/schools/{urn}/pupils/{pupil}/statements', {
      path: { urn, pupil },
      header: { 'If-Match': ETAG },
      body: example<Statement>('StatementWithdrawal'),
    }),
  getPupilPreferences: (c) =>
    c.get('/schools/{urn}/pupils/{pupil}/preferences', {
      path: { urn, pupil },
      query: { asOf: '2026-11-01T00:00:00Z' },
    }),
  getChangeFeed: (c) => c.get('/schools/{urn}/changes', { path: { urn }, query: { cursor: 'c2VxOjQw' } }),
  getSchoolSettings: (c) => c.get('/schools/{urn}/settings', { path: { urn } }),
  getStatement: (c) =>
    c.get('/schools/{urn}/statements/{statementId}', {
      path: { urn, statementId: '5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01' },
    }),
  updateSchoolSettings: (c) =>
    c.put('/schools/{urn}/settings', {
      path: { urn },
      header: { 'If-Match': ETAG },
      body: example<Schemas['SchoolSettings']>('SchoolSettingsUpdate'),
    }),
  listOnwardShares: (c) => c.get('/schools/{urn}/onward-shares', { path: { urn }, query: { shared: false } }),
  submitBatch: (c) =>
    c.post('/intake/batches', {
      header: { 'Idempotency-Key': 'batch-1' },
      body: example<string>('BatchBody'),
    }),
  getBatch: (c) => c.get('/intake/batches/{batchId}', { path: { batchId } }),
  submitIntakeStatement: (c) => c.post('/intake/statements', { body: example<Statement>('StatementParent') }),
  evaluateDistribution: (c) =>
    c.post('/releases', {
      header: { 'Idempotency-Key': 'dr-230415-02' },
      body: example<Schemas['DistributionEvaluation']>('DistributionEvaluation'),
    }),
  getRelease: (c) => c.get('/releases/{releaseId}', { path: { releaseId } }),
  listReleaseSubjects: (c) => c.get('/releases/{releaseId}/subjects', { path: { releaseId } }),
  listRegister: (c) => c.get('/register', { query: { limit: 10 } }),
  getTreeHead: (c) => c.get('/register/tree-head', {}),
  listLogLeaves: (c) => c.get('/register/log/leaves', { query: { start: 80, limit: 4 } }),
  getConsistencyProof: (c) => c.get('/register/log/consistency', { query: { first: 80, second: 84 } }),
  getSubjectLedger: (c) => c.get('/subjects/{pupil}/ledger', { path: { pupil } }),
  getSubjectReceipt: (c) =>
    c.get('/subjects/{pupil}/ledger/{releaseId}/receipt', { path: { pupil, releaseId } }),
  listRecipientsToNotify: (c) =>
    c.get('/subjects/{pupil}/recipients-to-notify', {
      path: { pupil },
      query: { objectionAt: '2026-11-15T00:00:00Z', purposes: ['LINK', 'RSCH'] },
    }),
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetContractServer());
afterAll(() => server.close());

describe('every operation in the contract', () => {
  it.each(Object.keys(calls))(
    '%s: sends a request the contract accepts and returns its example',
    async (id) => {
      const want = success(id);
      const got = await calls[id]!(makeClient());
      expect(got.status).toBe(want.status);
      expect(got.data).toEqual(want.example);
      if (want.headers.includes('ETag')) expect(got.etag).toBe(ETAG);
    },
  );

  it('has a client test for each operation and no test for an operation that does not exist', () => {
    expect(Object.keys(calls).sort()).toEqual(contractOperations.map((op) => op.operationId).sort());
  });
});
