// Issue 12: a school's first settings, and a pupil's first statement through the pupil route, could only
// be created in ways the contract did not say (PUT …/settings worked only with `If-None-Match: *` → 201,
// neither documented), the 428 said "or * to create" while `If-Match: *` got 412, and the MIS guide's
// office-entry flow failed for a pupil with no statement. Now RFC 9110 as the contract states it:
// `If-None-Match: *` creates the first (201; 412 when one exists), `If-Match: *` means "whatever exists"
// (412 when nothing does), neither is 428 and says so; the guide's flow is run here through the client.
import { ReusePrefClient, ReusePrefProblemError, type Statement } from '@reuse-pref/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from '../helpers/server.js';
import { SCHOOL_A, statement, upn } from '../helpers/statements.js';

const URN = SCHOOL_A.urn;
const scope = `producer:write producer:read school:${URN}`;

describe.each(STORE_KINDS)('creating the first state, on the %s store', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('producer', { store });
  }, 60_000);
  afterAll(() => server.close());

  describe("a school's first settings", () => {
    const settings = {
      urn: URN,
      laEstab: SCHOOL_A.laEstab,
      competenceAge: 12,
      currentNotice: { id: 'NOTICE-ADMISSIONS', version: '2026.1', language: 'en' },
    };
    const put = (headers: Record<string, string>) =>
      server.call(`/schools/${URN}/settings`, {
        method: 'PUT',
        scope,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(settings),
      });

    it('neither header is 428, whose message names both ways', async () => {
      const res = await put({});
      expect(res.status).toBe(428);
      const { detail } = await res.json();
      expect(detail).toContain('If-Match');
      expect(detail).toContain('If-None-Match: *');
    });

    it('If-Match: * before any settings exist is 412, and creates nothing', async () => {
      const res = await put({ 'if-match': '*' });
      expect(res.status).toBe(412);
      expect(res.headers.get('etag')).toBeNull();
      expect((await server.call(`/schools/${URN}/settings`, { scope })).status).toBe(404);
    });

    it('If-None-Match: * creates them (201 with ETag); a second create is 412 with the current ETag', async () => {
      const created = await put({ 'if-none-match': '*' });
      expect(created.status).toBe(201);
      const etag = created.headers.get('etag');
      expect(etag).toMatch(/^"[!#-~]*"$/);
      expect(await created.json()).toMatchObject(settings);
      const again = await put({ 'if-none-match': '*' });
      expect(again.status).toBe(412);
      expect(again.headers.get('etag')).toBe(etag);
      const updated = await put({ 'if-match': etag! });
      expect(updated.status).toBe(200);
      expect((await put({ 'if-match': '*' })).status).toBe(200);
    });

    it('both headers at once cannot hold: 412', async () => {
      expect((await put({ 'if-match': '*', 'if-none-match': '*' })).status).toBe(412);
    });

    it('If-None-Match other than * on a change is 400', async () => {
      expect((await put({ 'if-none-match': '"abc"' })).status).toBe(400);
    });
  });

  describe("a pupil's first statement through the pupil route", () => {
    const pupil = upn(4401);
    const about = (): Statement => statement({ subject: { upn: pupil, dateOfBirth: '2015-03-14' } });
    const record = (body: Statement, headers: Record<string, string>) =>
      server.call(`/schools/${URN}/pupils/${pupil}/statements`, {
        method: 'POST',
        scope,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    it('If-Match: * for a pupil with no statement is 412 without an ETag, and stores nothing', async () => {
      const s = about();
      const res = await record(s, { 'if-match': '*' });
      expect(res.status).toBe(412);
      expect(res.headers.get('etag')).toBeNull();
      expect(await server.store.statements.get(s.id)).toBeUndefined();
    });

    it('If-None-Match: * records the first (201); for a pupil with statements it is 412', async () => {
      const created = await record(about(), { 'if-none-match': '*' });
      expect(created.status).toBe(201);
      const etag = created.headers.get('etag');
      const second = await record(about(), { 'if-none-match': '*' });
      expect(second.status).toBe(412);
      expect(second.headers.get('etag')).toBe(etag);
      expect((await record(about(), { 'if-match': '*' })).status).toBe(201);
    });
  });

  it("the MIS guide's office entry works for a pupil with no statement, then for one with", async () => {
    const token = await server.issuer.token(scope);
    const client = new ReusePrefClient({
      baseUrl: server.url,
      auth: { getToken: async () => token, invalidate: () => {} },
    });
    const pupil = upn(4402);
    const where = { path: { urn: URN, pupil } };
    // As docs/guides/mis-vendor.md §4: read the set; none yet (404) means create with If-None-Match: *.
    const office = async (value: 'OBJT' | 'NOOB') => {
      const current = await client
        .get('/schools/{urn}/pupils/{pupil}/preferences', where)
        .catch((error: unknown) => {
          if (error instanceof ReusePrefProblemError && error.status === 404) return undefined;
          throw error;
        });
      const change = statement({
        subject: { upn: pupil, dateOfBirth: '2015-03-14' },
        channel: 'MISE',
        expressedAt: new Date(Date.now() - 60_000).toISOString(),
        recordedAt: new Date(Date.now() - 30_000).toISOString(),
        choices: [{ purpose: 'LINK', value }],
      });
      return client.post('/schools/{urn}/pupils/{pupil}/statements', {
        ...where,
        header: current ? { 'If-Match': current.etag ?? '' } : { 'If-None-Match': '*' },
        body: change,
        idempotencyKey: change.id,
      });
    };
    const first = await office('OBJT');
    expect(first.status).toBe(201);
    const second = await office('NOOB');
    expect(second.status).toBe(201);
    expect(second.etag).not.toBe(first.etag);
    const now = await client.get('/schools/{urn}/pupils/{pupil}/preferences', where);
    expect(now.data.effective.preferences.find((p) => p.purpose === 'LINK')?.value).toBe('NOOB');
  });
});
