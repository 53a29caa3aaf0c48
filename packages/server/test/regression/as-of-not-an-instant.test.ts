// Issue 12: `GET …/preferences?asOf=0.5` (also 1, -1, a date without a time) answered 500 on producer and
// relay: the value passed a lenient Date.parse check and later threw RangeError in the resolver. The
// contract declares asOf an RFC 3339 date-time, so anything else is the caller's mistake: 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { SCHOOL_A, statement } from '../helpers/statements.js';

const PUPIL = 'B801200005001';
const scope = `producer:read school:${SCHOOL_A.urn}`;

describe.each(['producer', 'relay'] as const)('asOf that is not an RFC 3339 instant, on the %s', (role) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(role);
    await server.store.statements.append(statement());
  });
  afterAll(() => server.close());

  it.each(['0.5', '1', '-1', '2026-11-01', '2026-11-01T00:00:00', 'now', ''])(
    'asOf=%j is 400',
    async (asOf) => {
      const res = await server.call(
        `/schools/${SCHOOL_A.urn}/pupils/${PUPIL}/preferences?asOf=${encodeURIComponent(asOf)}`,
        { scope },
      );
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect((await res.json()).type).toBe('https://reuse-pref.org/problems/bad-request');
    },
  );

  it.each(['2026-11-01T00:00:00Z', '2026-11-01T01:00:00+01:00', '2026-11-01T00:00:00.123456Z'])(
    'asOf=%j is evaluated',
    async (asOf) => {
      const res = await server.call(
        `/schools/${SCHOOL_A.urn}/pupils/${PUPIL}/preferences?asOf=${encodeURIComponent(asOf)}`,
        { scope },
      );
      expect(res.status).toBe(200);
      expect((await res.json()).effective.asOf).toBeDefined();
    },
  );
});
