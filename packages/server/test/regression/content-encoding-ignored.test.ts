// Issue 17 item 9: Content-Encoding was ignored, so a gzip body was read as text and answered
// `invalid-utf8` (400). A body in any content coding but identity is now 415 naming what is accepted
// (RFC 9110 §15.5.16, RFC 7694): the server takes bodies uncompressed only.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ndjson, statement } from '../helpers/statements.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('receiver');
});
afterAll(() => server.close());

const post = async (path: string, type: string, body: BodyInit, encoding?: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await server.issuer.token('receiver:write school:*')}`,
      'content-type': type,
      'idempotency-key': crypto.randomUUID(),
      ...(encoding ? { 'content-encoding': encoding } : {}),
    },
    body,
  });

describe('Content-Encoding', () => {
  it.each(['gzip', 'deflate', 'br', 'gzip, identity', 'x-custom'])(
    '%s is 415 with Accept-Encoding: identity',
    async (coding) => {
      const response = await post(
        '/intake/batches',
        'application/x-ndjson',
        new Uint8Array(gzipSync(ndjson([statement()]))),
        coding,
      );
      expect(response.status).toBe(415);
      expect(response.headers.get('accept-encoding')).toBe('identity');
      const problem = (await response.json()) as { type: string; detail: string };
      expect(problem.type).toBe('https://reuse-pref.org/problems/unsupported-media-type');
      expect(problem.detail).toContain('not supported: send the body uncompressed');
    },
  );

  it('is 415 on a single statement too, and nothing is stored', async () => {
    const s = statement();
    const response = await post(
      '/intake/statements',
      'application/json',
      new Uint8Array(gzipSync(JSON.stringify(s))),
      'gzip',
    );
    expect(response.status).toBe(415);
    expect(await server.store.statements.get(s.id)).toBeUndefined();
  });

  it('identity, or none, reads the body as sent', async () => {
    expect(
      (await post('/intake/batches', 'application/x-ndjson', ndjson([statement()]), 'identity')).status,
    ).toBe(201);
    expect((await post('/intake/batches', 'application/x-ndjson', ndjson([statement()]))).status).toBe(201);
  });
});
