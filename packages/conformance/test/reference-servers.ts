import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Role, type RunningServer, startServer } from '@reuse-pref/server';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';

const ISSUER = 'https://auth.conformance.test';
const AUDIENCE = 'https://api.conformance.test';
export const SCHOOL = { urn: '100000', laEstab: '8012000' };
export const OTHER_SCHOOL = '100001';

export interface ReferenceServer {
  url: string;
  /** Every scope a role's client would hold, for one school. */
  token: string;
  otherSchoolToken: string;
  running: RunningServer;
  close(): Promise<void>;
}

/** A reference server for one role on a fresh SQLite file, with a local JWKS and tokens we sign. */
export async function startReferenceServer(role: Role): Promise<ReferenceServer> {
  const dir = mkdtempSync(join(tmpdir(), `rp-conformance-${role}-`));
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const sign = (scope: string) =>
    new SignJWT({ scope, client_id: 'conformance' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('conformance')
      .setIssuedAt()
      .setExpirationTime('30m')
      .sign(privateKey);
  const scopes = 'producer:read producer:write receiver:read receiver:write';
  const running = await startServer({
    role,
    store: await openSqliteStore({ path: join(dir, 'store.db') }),
    port: 0,
    auth: { jwks: createLocalJWKSet({ keys: [jwk] }), issuer: ISSUER, audience: AUDIENCE },
    tokenEndpoint: `${ISSUER}/oauth2/token`,
    logger: () => {},
  });
  return {
    url: running.url,
    token: await sign(`${scopes} school:${SCHOOL.urn}`),
    otherSchoolToken: await sign(`${scopes} school:${OTHER_SCHOOL}`),
    running,
    async close() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
