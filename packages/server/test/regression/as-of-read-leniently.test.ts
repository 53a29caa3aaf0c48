import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { SCHOOL_A, statement } from '../helpers/statements.js';

// ?asOf= was checked with Date.parse, which takes forms the resolver refuses (a date alone, a space for
// T, an offset without its colon): the resolver then threw and the caller got a 500. The check now uses
// the resolver's own reader, so each is a 400 naming asOf.
const URN = SCHOOL_A.urn;
const scope = `producer:read school:${URN}`;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer('producer', { now: () => new Date('2026-11-01T00:00:00Z') });
  await server.store.statements.append(statement({ choices: [{ purpose: 'LINK', value: 'OBJT' }] }));
});
afterAll(() => server.close());

describe('getPupilPreferences ?asOf=', () => {
  it.each(['2026-11-01', '2026-11-01%2000:00:00Z', '2026-11-01T00:00:00%2B0100', '2026-09-31T00:00:00Z'])(
    'refuses %s with 400',
    async (asOf) => {
      const res = await server.call(`/schools/${URN}/pupils/B801200005001/preferences?asOf=${asOf}`, {
        scope,
      });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.type).toBe('https://reuse-pref.org/problems/bad-request');
      expect(body.detail).toContain('asOf');
    },
  );

  it('takes an RFC 3339 date-time in any offset', async () => {
    const res = await server.call(
      `/schools/${URN}/pupils/B801200005001/preferences?asOf=2026-11-01T01:00:00%2B01:00`,
      { scope },
    );
    expect(res.status).toBe(200);
  });
});
