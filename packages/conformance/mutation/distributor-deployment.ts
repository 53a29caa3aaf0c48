import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@reuse-pref/server';
import { createLocalJWKSet } from 'jose';
import {
  AUDIENCE,
  DISTRIBUTOR_SCOPES,
  ISSUER,
  issuer,
  OTHER_SCHOOL,
  type ReferenceServer,
  SCHOOL,
  SCHOOL_SCOPES,
} from '../test/reference-servers.js';
import { startRoundRobinProxy } from '../test/round-robin-proxy.js';

/**
 * A distributor deployed as production runs it, for the HTTP mutation judge (issue 11): two distributor
 * instances on one store behind a load balancer that hands each request to the next (so a release
 * recorded by one is caught up by the other, decision 0025), sharing one log signing key, each keeping
 * the last tree head it signed in a file outside the store (`signedHeadPath`); the first was restarted
 * once after signing a head, so it reads its file and checks the log against it when it opens. A receiver
 * intake on the same store files the statements. The scenarios see one distributor, as a vendor's
 * deployment would show them.
 */
export async function startDistributorDeployment(): Promise<ReferenceServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rp-judge-distributors-'));
  const spec = { kind: 'sqlite' as const, path: join(dir, 'store.db') };
  const { jwks, sign } = await issuer();
  const logSigningKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
  const start = (role: 'distributor' | 'receiver', signedHeadPath?: string) =>
    startServer({
      role,
      store: spec,
      port: 0,
      auth: { jwks: createLocalJWKSet(jwks), issuer: ISSUER, audience: AUDIENCE },
      tokenEndpoint: `${ISSUER}/oauth2/token`,
      logger: () => {},
      ...(role === 'distributor' ? { logSigningKey, signedHeadPath } : {}),
    });
  const heads = [join(dir, 'heads', 'first.json'), join(dir, 'heads', 'second.json')] as const;
  // The first instance signs a head (kept in its file) and is restarted.
  const before = await start('distributor', heads[0]);
  const signed = await fetch(new URL('/register/tree-head', before.url));
  if (signed.status !== 200) throw new Error(`the distributor did not sign a head: ${signed.status}`);
  await before.close();
  const running: RunningServer[] = [
    await start('distributor', heads[0]),
    await start('distributor', heads[1]),
  ];
  const intake = await start('receiver');
  const proxy = await startRoundRobinProxy(running.map((r) => r.url));
  const schoolToken = await sign(`${SCHOOL_SCOPES} school:${SCHOOL.urn}`);
  return {
    role: 'distributor',
    store: 'sqlite',
    url: proxy.url,
    token: await sign(DISTRIBUTOR_SCOPES),
    otherSchoolToken: await sign(`${SCHOOL_SCOPES} school:${OTHER_SCHOOL}`),
    intake: { url: intake.url, token: schoolToken },
    spec,
    jwks,
    running: running[0]!,
    async close() {
      await proxy.close();
      await Promise.all([...running, intake].map((r) => r.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
