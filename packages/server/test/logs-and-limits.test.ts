import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLineLogger, type RunningServer, startServer } from '../src/index.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { SCHOOL_A, statement } from './helpers/statements.js';
import { AUDIENCE, createIssuer, ISSUER, localJwks } from './helpers/tokens.js';

const URN = SCHOOL_A.urn;
const UPN = 'B801200005001';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('producer');
});
afterAll(() => server.close());

describe('request log', () => {
  it('writes one line per request with the route template, status and request id, and no data', async () => {
    const scope = `producer:read producer:write school:${URN}`;
    const before = server.logs.length;
    const s = statement();
    await server.call(`/schools/${URN}/statements`, {
      method: 'POST',
      scope,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-123' },
      body: JSON.stringify(s),
    });
    await server.call(`/schools/${URN}/pupils/${UPN}/preferences`, { scope });
    await server.call(`/schools/${URN}/statements`, {
      method: 'POST',
      scope,
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    const lines = server.logs.slice(before);
    expect(lines.map((l) => [l.method, l.route, l.status])).toEqual([
      ['POST', '/schools/{urn}/statements', 201],
      ['GET', '/schools/{urn}/pupils/{pupil}/preferences', 200],
      ['POST', '/schools/{urn}/statements', 400],
    ]);
    expect(lines[0]!.requestId).toBe('req-123');
    expect(lines[2]!.problem).toBe('https://reuse-pref.org/problems/invalid-json');
    for (const line of lines) expect(line.durationMs).toBeGreaterThanOrEqual(0);
    const text = JSON.stringify(lines);
    for (const secret of [UPN, s.id, s.subject.localId!, 'Bearer', s.expressedBy.personRef]) {
      expect(text).not.toContain(secret);
    }
  });

  it('jsonLineLogger writes exactly one JSON line per entry', () => {
    const out: string[] = [];
    const log = jsonLineLogger((t) => out.push(t));
    log({
      time: 't',
      level: 'info',
      msg: 'request',
      requestId: 'r',
      method: 'GET',
      route: '/health',
      status: 200,
      durationMs: 1,
    });
    expect(out).toHaveLength(1);
    expect(out[0]!.endsWith('\n')).toBe(true);
    expect(JSON.parse(out[0]!)).toMatchObject({ route: '/health', status: 200 });
  });
});

describe('rate limit hook', () => {
  let limited: RunningServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rp-server-limit-'));
    const issuer = await createIssuer();
    let calls = 0;
    limited = await startServer({
      role: 'receiver',
      store: await openSqliteStore({ path: join(dir, 'store.db') }),
      auth: { jwks: localJwks(issuer), issuer: ISSUER, audience: AUDIENCE },
      tokenEndpoint: `${ISSUER}/oauth2/token`,
      logger: () => {},
      rateLimit: ({ operationId }) => (operationId === 'getHealth' && ++calls > 2 ? 1.2 : undefined),
    });
  });
  afterAll(async () => {
    await limited.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 429 rate-limited with Retry-After once the hook says so', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await fetch(`${limited.url}/health`);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect(last!.headers.get('retry-after')).toBe('2');
    expect((await last!.json()).type).toBe('https://reuse-pref.org/problems/rate-limited');
  });
});
