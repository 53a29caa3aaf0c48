import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BearerAuthOptions } from '@reuse-pref/server';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';

/** A client the development authorization server knows, and the scopes it may ask for. */
export interface DevClient {
  id: string;
  secret: string;
  scopes: readonly string[];
  /** How long its tokens last; 300 s unless set (the demo's sign-in links last longer). */
  lifetimeSeconds?: number;
}

export interface DevAuthServer {
  /** e.g. http://127.0.0.1:41234/oauth2/token */
  tokenUrl: string;
  /** What each reference server verifies tokens with: this server's keys, issuer and audience. */
  auth: BearerAuthOptions;
  register(client: DevClient): void;
  /**
   * A token for a registered client with all its scopes, signed as the token endpoint would sign it:
   * what a sign-in link carries in the demo and the browser tests.
   */
  token(clientId: string): Promise<string>;
  close(): Promise<void>;
}

const AUDIENCE = 'urn:reuse-pref:reference-apps';

/**
 * A real OAuth2 client-credentials endpoint (RFC 6749 §4.4) on loopback, signing ES256 JWTs with a key
 * made at start-up, so the reference apps and the demo run the whole token flow with nothing installed.
 * For development only: clients live in memory and the key dies with the process.
 */
export async function startDevAuthServer(clients: readonly DevClient[] = []): Promise<DevAuthServer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const kid = `dev-${Date.now().toString(36)}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] };
  const known = new Map(clients.map((c) => [c.id, c]));
  let issuer = '';
  const sign = (client: DevClient, scopes: readonly string[]) =>
    new SignJWT({ scope: scopes.join(' '), client_id: client.id })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setSubject(client.id)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeOf(client)}s`)
      .sign(privateKey);

  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/.well-known/jwks.json') return send(200, jwks);
    if (request.method !== 'POST' || request.url !== '/oauth2/token')
      return send(404, { error: 'not_found' });
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      const form = new URLSearchParams(body);
      const client = authenticate(request.headers.authorization, known);
      if (!client) return send(401, { error: 'invalid_client' });
      if (form.get('grant_type') !== 'client_credentials')
        return send(400, { error: 'unsupported_grant_type' });
      const asked = (form.get('scope') ?? '').split(' ').filter(Boolean);
      const scopes = asked.length > 0 ? asked : [...client.scopes];
      if (scopes.some((s) => !client.scopes.includes(s))) return send(400, { error: 'invalid_scope' });
      sign(client, scopes).then(
        (token) => send(200, { access_token: token, token_type: 'Bearer', expires_in: lifetimeOf(client) }),
        () => send(500, { error: 'server_error' }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    tokenUrl: `${issuer}/oauth2/token`,
    auth: { jwks: createLocalJWKSet(jwks), issuer, audience: AUDIENCE },
    register: (client) => {
      known.set(client.id, client);
    },
    token: async (clientId) => {
      const client = known.get(clientId);
      if (!client) throw new RangeError(`no client ${clientId} is registered`);
      return sign(client, client.scopes);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

const lifetimeOf = (client: DevClient) => client.lifetimeSeconds ?? 300;

function authenticate(header: string | undefined, known: Map<string, DevClient>): DevClient | undefined {
  const match = /^Basic (.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const [id, secret] = Buffer.from(match[1]!, 'base64').toString('utf8').split(':').map(decodeURIComponent);
  const client = known.get(id ?? '');
  return client && client.secret === secret ? client : undefined;
}
