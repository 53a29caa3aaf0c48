import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClientCredentials, ReusePrefAuthError, ReusePrefProblemError } from '../src/index.js';
import { makeClient, resetContractServer, server, tokens, tokenUrl } from './support/server.js';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetContractServer());
afterAll(() => server.close());

const settings = { path: { urn: '100000' } } as const;

function clock(start = Date.parse('2026-11-02T09:00:00Z')) {
  const state = { now: start };
  return { state, now: () => state.now };
}

function credentials(now: () => number, refreshBeforeExpiryMs = 30_000) {
  return new ClientCredentials(
    {
      tokenUrl,
      clientId: 'mis vendor/1',
      clientSecret: 'p@ss:word',
      scopes: ['producer:read', 'school:100000'],
      refreshBeforeExpiryMs,
    },
    now,
  );
}

describe('client-credentials tokens', () => {
  it('asks for the configured scopes once and reuses the token', async () => {
    const client = makeClient();
    await client.get('/schools/{urn}/settings', settings);
    await client.get('/schools/{urn}/settings', settings);
    expect(tokens.issued).toEqual(['token-1']);
    expect(tokens.requests[0]?.get('scope')).toBe('producer:read producer:write school:100000');
  });

  it('sends the client id and secret form-encoded in HTTP Basic (RFC 6749 §2.3.1)', async () => {
    let authorization: string | null = null;
    server.use(
      http.post(tokenUrl, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ access_token: 'x', token_type: 'Bearer', expires_in: 60 });
      }),
    );
    const client = makeClient({ auth: credentials(clock().now) });
    // The stub's token is not one the contract server issued, so the call itself fails: only the token request matters here.
    await client.get('/schools/{urn}/settings', settings).catch(() => undefined);
    expect(authorization).toBe(`Basic ${btoa('mis%20vendor%2F1:p%40ss%3Aword')}`);
  });

  it('refreshes before expiry, so a long run never sends a stale token', async () => {
    tokens.expiresIn = 300;
    const time = clock();
    const client = makeClient({ auth: credentials(time.now) });
    await client.get('/schools/{urn}/settings', settings);
    time.state.now += 269_000; // 31 s left: still outside the 30 s refresh margin
    await client.get('/schools/{urn}/settings', settings);
    time.state.now += 2_000; // 29 s left: refresh now rather than risk expiry in flight
    await client.get('/schools/{urn}/settings', settings);
    expect(tokens.issued).toEqual(['token-1', 'token-2']);
  });

  it('on a 401 fetches a new token and retries once', async () => {
    const client = makeClient();
    await client.get('/schools/{urn}/settings', settings);
    tokens.revokeAll(); // the server has forgotten the token early (rotation, restart)
    const { status } = await client.get('/schools/{urn}/settings', settings);
    expect(status).toBe(200);
    expect(tokens.issued).toEqual(['token-1', 'token-2']);
  });

  it('a 401 that survives a fresh token is reported, not looped on', async () => {
    server.use(
      http.get('*/schools/:urn/settings', () =>
        HttpResponse.json(
          { type: 'https://reuse-pref.org/problems/unauthorized', title: 'Unauthorized', status: 401 },
          { status: 401, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    const error = await makeClient()
      .get('/schools/{urn}/settings', settings)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReusePrefProblemError);
    expect((error as ReusePrefProblemError).status).toBe(401);
    expect(tokens.issued).toHaveLength(2);
  });

  it('concurrent requests share one token request', async () => {
    const client = makeClient();
    await Promise.all(Array.from({ length: 5 }, () => client.get('/schools/{urn}/settings', settings)));
    expect(tokens.issued).toEqual(['token-1']);
  });

  it('a refused client secret is a ReusePrefAuthError naming the OAuth error', async () => {
    server.use(
      http.post(tokenUrl, () =>
        HttpResponse.json({ error: 'invalid_client', error_description: 'unknown client' }, { status: 401 }),
      ),
    );
    const error = await makeClient()
      .get('/schools/{urn}/settings', settings)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReusePrefAuthError);
    expect((error as ReusePrefAuthError).error).toBe('invalid_client');
  });

  it('public operations send no token at all', async () => {
    let authorization: string | null = 'unset';
    server.use(
      http.get('*/register/tree-head', ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json({ treeSize: 0, rootHash: 'ab'.repeat(32), timestamp: 0, signature: 'AA==' });
      }),
    );
    await makeClient({ auth: undefined }).get('/register/tree-head', {});
    expect(authorization).toBeNull();
  });
});
