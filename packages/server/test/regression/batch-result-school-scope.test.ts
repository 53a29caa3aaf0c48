// Issue 17 item 9: a committed batch's result and an Idempotency-Key's stored response were kept per
// client id only, so the same client holding a token for other schools read the result (statement ids
// and findings of a school it no longer covers) and had the stored response replayed to it. They are
// now kept per client and school scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ndjson, SCHOOL_A, statement } from '../helpers/statements.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('receiver');
});
afterAll(() => server.close());

const send = async (token: string, body: string, key: string) =>
  fetch(`${server.url}/intake/batches`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/x-ndjson',
      'idempotency-key': key,
    },
    body,
  });

describe('batch results and replays follow the school scope', () => {
  it('does not show a batch result, or replay a stored answer, to the same client for other schools', async () => {
    const forA = await server.issuer.token(`receiver:write receiver:read school:${SCHOOL_A.urn}`);
    const forB = await server.issuer.token('receiver:write receiver:read school:100001');
    const body = ndjson([statement(), statement()]);

    const sent = await send(forA, body, 'key-1');
    expect(sent.status).toBe(201);
    const { batchId } = (await sent.json()) as { batchId: string };

    const read = (token: string) =>
      fetch(`${server.url}/intake/batches/${batchId}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await read(forA)).status).toBe(200);
    expect((await read(forB)).status).toBe(404);

    // The same key and body under the other school's token is that token's own request: it runs, and
    // school A's records are outside its scope.
    const replayed = await send(forB, body, 'key-1');
    expect(replayed.headers.get('idempotent-replayed')).toBeNull();
    expect(replayed.status).toBe(422);
    const problem = (await replayed.json()) as { batch: { outcomes: { findings: { rule: string }[] }[] } };
    expect(problem.batch.outcomes.map((o) => o.findings.map((f) => f.rule))).toEqual([
      ['school-not-in-scope'],
      ['school-not-in-scope'],
    ]);
    // And school A's own retry still replays.
    const again = await send(forA, body, 'key-1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});
