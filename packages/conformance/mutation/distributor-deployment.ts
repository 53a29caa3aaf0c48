import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '@reuse-pref/server';
import { createLocalJWKSet } from 'jose';
import { freshUpn } from '../src/scenarios/fresh-upn.js';
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

// A release as the distributor scenarios ask for one (conformance/scenarios/v1/distributor/must/).
const RELEASE_REQUEST = {
  recipient: { name: 'Conformance Suite Research Unit', class: 'ACAD' },
  lawfulBasis: 'PUBT',
  dataTiers: [{ identifiability: '2', sensitivity: 'B' }],
  deliveryMode: 'TRE',
  retainUntil: '2031-12-31',
  cohort: { description: 'Pupils made up by the conformance suite before the run' },
  decisionMaker: 'Conformance suite',
  reasons: 'A log of more than a store page before the scenarios run',
  requestedAt: '2026-10-01T09:00:00Z',
  purposes: ['STAT'],
};

/**
 * A distributor deployed as production runs it, for the HTTP mutation judge (issue 11): two distributor
 * instances on one store behind a load balancer that hands each request to the next (so a release
 * recorded by one is caught up by the other, decision 0025), sharing one log signing key, each keeping
 * the last tree head it signed in a file outside the store (`signedHeadPath`); the first was restarted
 * once after recording a release of 5,100 pupils and signing a head over it, so when it opens (at its
 * first request, in a scenario) it reads the log a page at a time and checks it against its file. A receiver
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
  const distributorToken = await sign(DISTRIBUTOR_SCOPES);
  // The first instance records a release of 5,100 pupils (more leaves than a store page of 5,000, so the
  // restarted instance reads its log a page at a time when it opens), signs a head over it (kept in its
  // file) and is restarted.
  const before = await start('distributor', heads[0]);
  const recorded = await fetch(new URL('/releases', before.url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${distributorToken}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({
      request: { ...RELEASE_REQUEST, dsReference: `CONF-${randomUUID()}` },
      cohort: Array.from({ length: 5100 }, () => ({ upn: freshUpn() })),
    }),
  });
  if (recorded.status !== 201) throw new Error(`the distributor did not record: ${recorded.status}`);
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
    token: distributorToken,
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
