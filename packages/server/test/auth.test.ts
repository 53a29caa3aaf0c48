import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startTestServer, type TestServer } from './helpers/server.js';
import { ndjson, SCHOOL_A, SCHOOL_B, statement } from './helpers/statements.js';
import { AUDIENCE, createIssuer, ISSUER } from './helpers/tokens.js';

const A = SCHOOL_A.urn;
const B = SCHOOL_B.urn;
const PUPIL = 'B801200005001';
const json = { 'content-type': 'application/json' };

/** Every per-school operation of the producer surface, aimed at school B. */
const producerOps: [string, string, string, RequestInit][] = [
  ['listStatements', 'GET', `/schools/${B}/statements`, {}],
  [
    'submitStatement',
    'POST',
    `/schools/${B}/statements`,
    { headers: json, body: JSON.stringify(statement({ setting: SCHOOL_B })) },
  ],
  ['getStatement', 'GET', `/schools/${B}/statements/5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01`, {}],
  ['listPupilStatements', 'GET', `/schools/${B}/pupils/${PUPIL}/statements`, {}],
  [
    'recordPupilStatement',
    'POST',
    `/schools/${B}/pupils/${PUPIL}/statements`,
    { headers: { ...json, 'if-match': '"x"' }, body: JSON.stringify(statement({ setting: SCHOOL_B })) },
  ],
  ['getPupilPreferences', 'GET', `/schools/${B}/pupils/${PUPIL}/preferences`, {}],
  ['getChangeFeed', 'GET', `/schools/${B}/changes`, {}],
  ['getSchoolSettings', 'GET', `/schools/${B}/settings`, {}],
  [
    'updateSchoolSettings',
    'PUT',
    `/schools/${B}/settings`,
    { headers: { ...json, 'if-match': '"x"' }, body: '{}' },
  ],
];

const intakeOps: [string, string, string, RequestInit][] = [
  [
    'submitBatch',
    'POST',
    '/intake/batches',
    {
      headers: { 'content-type': 'application/x-ndjson', 'idempotency-key': 'k1' },
      body: ndjson([statement({ setting: SCHOOL_B })]),
    },
  ],
  ['getBatch', 'GET', '/intake/batches/7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11', {}],
  [
    'submitIntakeStatement',
    'POST',
    '/intake/statements',
    { headers: json, body: JSON.stringify(statement({ setting: SCHOOL_B })) },
  ],
];

describe.each(STORE_KINDS)('on the %s store', (store) => {
  let producer: TestServer;
  let receiver: TestServer;
  beforeAll(async () => {
    [producer, receiver] = await Promise.all([
      startTestServer('producer', { store }),
      startTestServer('receiver', { store }),
    ]);
    // School B holds a real pupil, so a leak would have something to leak.
    await producer.store.statements.append(statement({ setting: SCHOOL_B }));
    await receiver.store.statements.append(statement({ setting: SCHOOL_B }));
  }, 60_000);
  afterAll(() => Promise.all([producer.close(), receiver.close()]));

  describe('no token', () => {
    it.each([
      ...producerOps.map((op) => ['producer', ...op] as const),
      ...intakeOps.map((op) => ['receiver', ...op] as const),
    ])('%s %s gets 401 with a Bearer challenge', async (role, _id, method, path, init) => {
      const server = role === 'producer' ? producer : receiver;
      const res = await server.call(path, { ...init, method });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm=/);
      expect((await res.json()).type).toBe('https://reuse-pref.org/problems/unauthorized');
    });
  });

  describe('a token for school A', () => {
    it.each(producerOps)('%s on school B is 403 school-not-in-scope', async (_id, method, path, init) => {
      const res = await producer.call(path, {
        ...init,
        method,
        scope: `producer:read producer:write school:${A}`,
      });
      expect(res.status).toBe(403);
      expect((await res.json()).type).toBe('https://reuse-pref.org/problems/school-not-in-scope');
    });

    it('submitIntakeStatement for school B is 403, and submitBatch rejects the record', async () => {
      const scope = `receiver:write receiver:read school:${A}`;
      const [, , path, init] = intakeOps[2]!;
      expect((await receiver.call(path, { ...init, method: 'POST', scope })).status).toBe(403);
      const [, , batchPath, batchInit] = intakeOps[0]!;
      const res = await receiver.call(batchPath, { ...batchInit, method: 'POST', scope });
      expect(res.status).toBe(422);
      expect((await res.json()).batch.outcomes[0].findings.map((f: { rule: string }) => f.rule)).toContain(
        'school-not-in-scope',
      );
    });

    it('nothing of school B changed', async () => {
      expect((await producer.store.statements.list(B)).items).toHaveLength(1);
      expect((await receiver.store.statements.list(B)).items).toHaveLength(1);
      expect(await producer.store.schools.get(B)).toBeUndefined();
    });
  });

  describe('role scopes', () => {
    it.each(intakeOps)('a relay token cannot %s at the receiver', async (_id, method, path, init) => {
      const res = await receiver.call(path, {
        ...init,
        method,
        scope: 'relay:read relay:write producer:read producer:write school:*',
      });
      expect(res.status).toBe(403);
      expect((await res.json()).type).toBe('https://reuse-pref.org/problems/forbidden');
    });

    it('producer:write does not imply producer:read', async () => {
      const res = await producer.call(`/schools/${A}/statements`, { scope: `producer:write school:${A}` });
      expect(res.status).toBe(403);
    });

    it('the receiver does not serve the producer write surface at all', async () => {
      const res = await receiver.call(`/schools/${A}/statements`, {
        method: 'POST',
        scope: `producer:write school:${A}`,
        headers: json,
        body: JSON.stringify(statement()),
      });
      expect(res.status).toBe(405);
    });
  });

  describe('token verification', () => {
    const scope = `producer:read school:${A}`;
    it.each([
      ['expired', { expiresIn: '-10m' }],
      ['for another audience', { audience: 'https://elsewhere.example' }],
      ['from another issuer', { issuer: 'https://evil.example' }],
    ])('a token %s is 401', async (_name, claims) => {
      const token = await producer.issuer.token(scope, claims);
      const res = await fetch(`${producer.url}/schools/${A}/statements`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    });

    it('a token signed by another key is 401', async () => {
      const other = await createIssuer();
      const token = await other.token(scope);
      const res = await fetch(`${producer.url}/schools/${A}/statements`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
    });

    it('an unsigned (alg none) token is 401', async () => {
      const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const token = `${b64({ alg: 'none' })}.${b64({ iss: ISSUER, aud: AUDIENCE, exp: now + 60, scope })}.`;
      const res = await fetch(`${producer.url}/schools/${A}/statements`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
    });

    it('the capability statement and health need no token', async () => {
      expect((await producer.call('/.well-known/reuse-preference')).status).toBe(200);
      expect((await producer.call('/health')).status).toBe(200);
    });
  });
});
