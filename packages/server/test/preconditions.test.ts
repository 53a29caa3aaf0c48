import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { SCHOOL_A, statement } from './helpers/statements.js';

const URN = SCHOOL_A.urn;
const PUPIL = 'B801200005001';
const scope = `producer:write producer:read school:${URN}`;
describe.each(STORE_KINDS)('on the %s store', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('producer', { store });
  }, 60_000);
  afterAll(() => server.close());

  const record = (body: unknown, ifMatch?: string) =>
    server.call(`/schools/${URN}/pupils/${PUPIL}/statements`, {
      method: 'POST',
      scope,
      headers: { 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      body: JSON.stringify(body),
    });

  const preferences = () => server.call(`/schools/${URN}/pupils/${PUPIL}/preferences`, { scope });

  describe('recordPupilStatement and If-Match', () => {
    it('records against the current ETag, and the ETag moves on', async () => {
      await server.store.statements.append(statement({ expressedAt: '2026-08-01T08:00:00Z' }));
      const before = await preferences();
      const etag = before.headers.get('etag')!;
      const res = await record(statement({ expressedAt: '2026-09-01T08:00:00Z' }), etag);
      expect(res.status).toBe(201);
      const next = res.headers.get('etag');
      expect(next).not.toBe(etag);
      expect((await preferences()).headers.get('etag')).toBe(next);
    });

    it('a stale If-Match is 412 with the current ETag, and loses nothing', async () => {
      const current = (await preferences()).headers.get('etag')!;
      const held = (await server.store.statements.pupilHistory({ upn: PUPIL, urn: URN })).length;
      const lateComer = statement();
      const res = await record(lateComer, '"stale"');
      expect(res.status).toBe(412);
      expect(res.headers.get('etag')).toBe(current);
      expect((await res.json()).type).toBe('https://reuse-pref.org/problems/precondition-failed');
      expect(await server.store.statements.get(lateComer.id)).toBeUndefined();
      expect(await server.store.statements.pupilHistory({ upn: PUPIL, urn: URN })).toHaveLength(held);
      expect((await preferences()).headers.get('etag')).toBe(current);
    });

    it('a missing If-Match is 428 and stores nothing', async () => {
      const s = statement();
      const res = await record(s);
      expect(res.status).toBe(428);
      expect(await server.store.statements.get(s.id)).toBeUndefined();
    });

    it('two writers with the same ETag: exactly one wins, the other gets 412', async () => {
      const etag = (await preferences()).headers.get('etag')!;
      const [a, b] = [statement(), statement()];
      const results = await Promise.all([record(a, etag), record(b, etag)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 412]);
      const stored = [await server.store.statements.get(a.id), await server.store.statements.get(b.id)];
      expect(stored.filter(Boolean)).toHaveLength(1);
    });

    it('two servers on one database, writers with the same ETag: exactly one wins', async () => {
      // The second server stands for a second process: it shares no memory with the first, only the
      // database. The race itself is proved at the store (appendIf's contract test fails without the
      // lock); this shows the servers use it, and keep no ETag state of their own.
      const other = await startTestServer('producer', { store, shareWith: server });
      try {
        const etag = (await preferences()).headers.get('etag')!;
        const writers = Array.from({ length: 6 }, () => statement());
        const results = await Promise.all(
          writers.map(async (s, i) => {
            const target = i % 2 === 0 ? server : other;
            const res = await target.call(`/schools/${URN}/pupils/${PUPIL}/statements`, {
              method: 'POST',
              scope,
              headers: { 'content-type': 'application/json', 'if-match': etag },
              body: JSON.stringify(s),
            });
            return res.status;
          }),
        );
        expect(results.filter((status) => status === 201)).toHaveLength(1);
        expect(results.filter((status) => status === 412)).toHaveLength(writers.length - 1);
        const stored = await Promise.all(writers.map((s) => server.store.statements.get(s.id)));
        expect(stored.filter(Boolean)).toHaveLength(1);
      } finally {
        await other.close();
      }
    });

    it('If-None-Match with the current ETag is 304', async () => {
      const etag = (await preferences()).headers.get('etag')!;
      const res = await server.call(`/schools/${URN}/pupils/${PUPIL}/preferences`, {
        scope,
        headers: { 'if-none-match': etag },
      });
      expect(res.status).toBe(304);
    });
  });

  describe('updateSchoolSettings and If-Match', () => {
    const settings = (competenceAge: number) => ({
      urn: URN,
      laEstab: SCHOOL_A.laEstab,
      competenceAge,
      currentNotice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' },
    });
    const put = (body: unknown, headers: Record<string, string>) =>
      server.call(`/schools/${URN}/settings`, {
        method: 'PUT',
        scope,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    it('creates with If-None-Match: *, then updates only against the current ETag', async () => {
      const created = await put(settings(12), { 'if-none-match': '*' });
      expect(created.status).toBe(201);
      const etag = created.headers.get('etag')!;
      expect((await put(settings(13), {})).status).toBe(428);
      const stale = await put(settings(14), { 'if-match': '"0.deadbeef"' });
      expect(stale.status).toBe(412);
      const updated = await put(settings(13), { 'if-match': etag });
      expect(updated.status).toBe(200);
      expect((await put(settings(15), { 'if-match': etag })).status).toBe(412);
      const read = await server.call(`/schools/${URN}/settings`, { scope });
      expect((await read.json()).competenceAge).toBe(13);
      expect(read.headers.get('etag')).toBe(updated.headers.get('etag'));
    });

    it('rejects settings that break the schema with 422 and rule ids', async () => {
      const etag = (await server.call(`/schools/${URN}/settings`, { scope })).headers.get('etag')!;
      const res = await put({ ...settings(12), competenceAge: 99 }, { 'if-match': etag });
      expect(res.status).toBe(422);
      expect((await res.json()).errors[0].rule).toBe('school-settings-schema');
    });
  });
});
