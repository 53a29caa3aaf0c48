import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { ndjson, SCHOOL_A, statement } from './helpers/statements.js';

const scope = `producer:write producer:read receiver:write school:${SCHOOL_A.urn}`;
describe.each(STORE_KINDS)('on the %s store', (store) => {
  let producer: TestServer;
  let receiver: TestServer;
  beforeAll(async () => {
    [producer, receiver] = await Promise.all([
      startTestServer('producer', { store }),
      startTestServer('receiver', { store }),
    ]);
  }, 60_000);
  afterAll(() => Promise.all([producer.close(), receiver.close()]));

  const submit = (body: string, key: string) =>
    producer.call(`/schools/${SCHOOL_A.urn}/statements`, {
      method: 'POST',
      scope,
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body,
    });

  describe('Idempotency-Key', () => {
    it('the same key and body twice stores once and replays the first response', async () => {
      const body = JSON.stringify(statement());
      const first = await submit(body, 'same-key');
      const second = await submit(body, 'same-key');
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(await second.json()).toEqual(await first.json());
      expect((await producer.store.statements.list(SCHOOL_A.urn)).items).toHaveLength(1);
    });

    it('the same key with a different body is 422 idempotency-key-reused and stores nothing', async () => {
      const other = statement();
      const res = await submit(JSON.stringify(other), 'same-key');
      expect(res.status).toBe(422);
      expect((await res.json()).type).toBe('https://reuse-pref.org/problems/idempotency-key-reused');
      expect(await producer.store.statements.get(other.id)).toBeUndefined();
    });

    it('concurrent retries with one key: one runs, the rest replay it or get 409 to retry; stored once', async () => {
      const body = JSON.stringify(statement());
      const responses = await Promise.all(Array.from({ length: 5 }, () => submit(body, 'race-key')));
      const bodies = await Promise.all(responses.map((r) => r.json()));
      const waited = responses.filter((r) => r.status === 409);
      for (const r of waited) expect(r.headers.get('retry-after')).toBe('1');
      for (const b of bodies.filter((_, i) => responses[i]!.status === 409)) {
        expect(b.type).toBe('https://reuse-pref.org/problems/idempotency-key-in-use');
      }
      const answered = bodies.filter((_, i) => responses[i]!.status !== 409);
      expect(answered.length).toBeGreaterThanOrEqual(1);
      expect(new Set(answered.map((b) => b.statementId)).size).toBe(1);
      // Once the first is done, a retry replays its answer.
      const retry = await submit(body, 'race-key');
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect((await retry.json()).statementId).toBe(answered[0]!.statementId);
      expect((await producer.store.statements.list(SCHOOL_A.urn)).items).toHaveLength(2);
    });

    it('a batch retried with its key replays the batch result, storing once', async () => {
      const records = [statement(), statement()];
      const send = () =>
        receiver.call('/intake/batches', {
          method: 'POST',
          scope,
          headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': 'batch-key' },
          body: ndjson(records),
        });
      const firstRes = await send();
      const first = await firstRes.json();
      expect(firstRes.status, String(receiver.errors[0])).toBe(201);
      const again = await send();
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect((await again.json()).batchId).toBe(first.batchId);
      expect((await receiver.store.statements.list(SCHOOL_A.urn)).items).toHaveLength(2);
    });

    it.each([
      ['a key too long', 'k'.repeat(256)],
      ['a key with a space', 'a b'],
    ])('%s is 400', async (_n, key) => {
      const res = await submit(JSON.stringify(statement()), key);
      expect(res.status).toBe(400);
    });
  });
});
