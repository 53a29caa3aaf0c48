import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { ndjson, SCHOOL_A, SCHOOL_B, statement } from './helpers/statements.js';

const WRITE = `receiver:write receiver:read producer:read school:${SCHOOL_A.urn}`;

// Every batch behaviour holds whether batches are read on the event loop or on an ingest worker thread.
const SETUPS = STORE_KINDS.flatMap((store) =>
  [0, 1].map((ingestThreads) => ({
    store,
    ingestThreads,
    name: `${store} store, ${ingestThreads === 0 ? 'batches read inline' : 'batches read on a worker thread'}`,
  })),
);

describe.each(SETUPS)('on the $name', ({ store, ingestThreads }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('receiver', { store, ingestThreads });
  }, 60_000);
  afterAll(() => server.close());

  const post = (body: string, key: string, scope = WRITE) =>
    server.call('/intake/batches', {
      method: 'POST',
      scope,
      headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': key },
      body,
    });

  async function storedIds(urn: string): Promise<string[]> {
    const page = await server.store.statements.list(urn, { limit: 10_000 });
    return page.items.map((i) => i.statement.id);
  }

  it(`reads batches ${ingestThreads === 0 ? 'on the event loop' : 'on its ingest worker'}`, () => {
    expect(server.running.app.services.ingestWorkers !== undefined).toBe(ingestThreads > 0);
  });

  describe('submitBatch', () => {
    it('commits every record of a valid batch and reports each one', async () => {
      const records = [statement(), statement(), statement()];
      const res = await post(ndjson(records), 'batch-ok');
      expect(res.status).toBe(201);
      const batch = await res.json();
      expect(res.headers.get('location')).toBe(`/intake/batches/${batch.batchId}`);
      expect(batch.committed).toBe(true);
      expect(batch.counts).toEqual({ records: 3, stored: 3, duplicate: 0, rejected: 0, notStored: 0 });
      expect(batch.outcomes.map((o: { line: number }) => o.line)).toEqual([1, 2, 3]);
      expect(await storedIds(SCHOOL_A.urn)).toEqual(expect.arrayContaining(records.map((r) => r.id)));

      const again = await server.call(`/intake/batches/${batch.batchId}`, { scope: WRITE });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(batch);
    });

    it('stores nothing of a batch with one bad record and names the bad line', async () => {
      const good = statement();
      const bad = { ...statement(), subject: { upn: 'A801200005001' } };
      const res = await post(ndjson([good, bad, '{not json']), 'batch-bad');
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = await res.json();
      expect(body.type).toBe('https://reuse-pref.org/problems/batch-rejected');
      const outcomes = body.batch.outcomes.map((o: { line: number; outcome: string }) => [o.line, o.outcome]);
      expect(outcomes).toEqual([
        [1, 'not-stored'],
        [2, 'rejected'],
        [3, 'rejected'],
      ]);
      expect(body.batch.outcomes[1].findings.map((f: { rule: string }) => f.rule)).toContain(
        'upn-check-letter',
      );
      expect(body.batch.outcomes[2].findings[0].rule).toBe('invalid-json');
      expect(await storedIds(SCHOOL_A.urn)).not.toContain(good.id);
    });

    it('reports an identical resent statement as duplicate, storing it once', async () => {
      const record = statement();
      expect((await post(ndjson([record]), 'dup-1')).status).toBe(201);
      const res = await post(ndjson([record]), 'dup-2');
      const batch = await res.json();
      expect(batch.outcomes[0].outcome).toBe('duplicate');
      expect((await storedIds(SCHOOL_A.urn)).filter((id) => id === record.id)).toHaveLength(1);
    });

    it('rejects a record about a school outside the token, and stores nothing', async () => {
      const mine = statement();
      const theirs = statement({ setting: SCHOOL_B });
      const res = await post(ndjson([mine, theirs]), 'scope-1');
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.batch.outcomes[1].findings.map((f: { rule: string }) => f.rule)).toContain(
        'school-not-in-scope',
      );
      expect(await storedIds(SCHOOL_B.urn)).toEqual([]);
      expect(await storedIds(SCHOOL_A.urn)).not.toContain(mine.id);
    });

    it.each([
      ['no Idempotency-Key', { 'content-type': 'application/x-ndjson' }, 400],
      ['JSON instead of NDJSON', { 'content-type': 'application/json', 'idempotency-key': 'ct-1' }, 415],
    ])('refuses a batch with %s', async (_name, headers, status) => {
      const res = await server.call('/intake/batches', {
        method: 'POST',
        scope: WRITE,
        headers,
        body: ndjson([statement()]),
      });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    });
  });

  describe('submitIntakeStatement', () => {
    it('stores a valid statement with 201 and returns its queries', async () => {
      const record = statement();
      const res = await server.call('/intake/statements', {
        method: 'POST',
        scope: WRITE,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record),
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ statementId: record.id, outcome: 'stored', queries: [] });
    });

    it('rejects an invalid statement with 422 listing rule ids, storing nothing', async () => {
      const record = { ...statement(), choices: [{ purpose: 'EDUC', value: 'OBJT' }] };
      const res = await server.call('/intake/statements', {
        method: 'POST',
        scope: WRITE,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(record),
      });
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.errors.map((f: { rule: string }) => f.rule)).toContain('purpose-takes-no-choice');
      expect(await server.store.statements.get(record.id)).toBeUndefined();
    });
  });
});
