// Issue 17 item 9: a token with no sub, client_id or azp was taken as client "unknown", so every such
// token shared one client's stored responses and batch results. Such a token is now refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ndjson, statement } from '../helpers/statements.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('receiver');
});
afterAll(() => server.close());

describe('a token that names no client', () => {
  it('is refused with 401 invalid_token', async () => {
    const token = await server.issuer.token('receiver:write school:*', { clientId: null });
    const response = await fetch(`${server.url}/intake/batches`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/x-ndjson',
        'idempotency-key': 'k',
      },
      body: ndjson([statement()]),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer realm="reuse-preference", error="invalid_token"',
    );
    expect(((await response.json()) as { detail: string }).detail).toBe(
      'The token names no client (client_id, azp or sub).',
    );
  });

  it('is accepted when it names one by client_id, azp or sub alone', async () => {
    const token = await server.issuer.token('receiver:read school:*', { clientId: 'intake-client' });
    const response = await fetch(`${server.url}/intake/batches/00000000-0000-4000-8000-000000000000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
  });
});
