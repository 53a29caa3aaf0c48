// Issue 11 (decision 0044): `GET /subjects/{pupil}/recipients-to-notify?purposes=STAT,` was answered 200, the
// empty item silently dropped, although openapi.yaml declares purposes a form-style list whose every item
// is a purpose code (^[A-Z]{4}$). A caller whose list was cut short must hear so: every empty item is a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

const PUPIL = 'B801200005001';
const at = 'objectionAt=2026-11-15T00:00:00Z';

describe('recipients-to-notify with an empty item in purposes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('distributor');
  });
  afterAll(() => server.close());

  it.each(['STAT,', ',STAT', 'STAT,,LINK', '', ','])('purposes=%j is 400', async (purposes) => {
    const res = await server.call(`/subjects/${PUPIL}/recipients-to-notify?${at}&purposes=${purposes}`, {
      scope: 'distributor:read',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).type).toBe('https://reuse-pref.org/problems/bad-request');
  });

  it('purposes without it (absent) is 400, and STAT,LINK is answered', async () => {
    const absent = await server.call(`/subjects/${PUPIL}/recipients-to-notify?${at}`, {
      scope: 'distributor:read',
    });
    expect(absent.status).toBe(400);
    const listed = await server.call(`/subjects/${PUPIL}/recipients-to-notify?${at}&purposes=STAT,LINK`, {
      scope: 'distributor:read',
    });
    expect(listed.status).toBe(200);
    expect((await listed.json()).purposes).toEqual(['STAT', 'LINK']);
  });
});
