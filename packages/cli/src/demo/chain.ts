import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientCredentials, ReusePrefClient } from '@reuse-pref/client';
import {
  AS_OF,
  type DevAuthServer,
  type RunningProducer,
  SCHOOL,
  startDevAuthServer,
  startProducer,
} from '@reuse-pref/example-producer';
import { type RunningReceiver, startReceiver } from '@reuse-pref/example-receiver';
import { type RunningRelay, startRelay } from '@reuse-pref/example-relay';
import {
  fetchJwks,
  generateSigningKey,
  type KeyDirectory,
  keyDirectory,
  type SigningKey,
} from '@reuse-pref/provenance';
import type { TrustList } from '@reuse-pref/schema';
import { silentLogger } from '@reuse-pref/server';

export const APP = { id: 'homework-hub', name: 'Homework Hub' } as const;

/** Who signs in the demo: the school's MIS supplier (as its statements' recordedBy says) and the integrator. */
export const SIGNERS = {
  mis: { supplier: 'SUP-OAKMIS', name: 'Oak MIS', kid: 'oakmis-1' },
  integrator: { supplier: 'INT-BRIDGE', name: 'Bridge Integrations', kid: 'bridge-1' },
} as const;

const CLIENTS = [
  { id: 'relay-sync', secret: 'relay-sync-secret', scopes: ['producer:read', `school:${SCHOOL.urn}`] },
  {
    id: 'relay-upload',
    secret: 'relay-upload-secret',
    scopes: ['receiver:write', 'receiver:read', `school:${SCHOOL.urn}`],
  },
  { id: APP.id, secret: 'homework-hub-secret', scopes: ['relay:read', `school:${SCHOOL.urn}`] },
  { id: 'relay-admin', secret: 'relay-admin-secret', scopes: ['relay:audit', `school:${SCHOOL.urn}`] },
] as const;

/** The three reference apps on loopback, each on its own temporary embedded store. */
export interface Chain {
  auth: DevAuthServer;
  producer: RunningProducer;
  relay: RunningRelay;
  receiver: RunningReceiver;
  /** A client holding one of the demo's registered credentials. */
  client(baseUrl: string, clientId: (typeof CLIENTS)[number]['id']): ReusePrefClient;
  /** The distributor's working directory (log and private ledger). */
  distributorDir: string;
  /**
   * DfE's view of who may sign: the trust list it issued (the MIS as producer, the integrator as relay,
   * each with the JWKS URL its server serves) and the keys fetched from there.
   */
  trust: { list: TrustList; keys: KeyDirectory };
  /** The integrator's hop key, for the demo's tampering integrator. */
  integratorKey: SigningKey;
  /** The clock every app in the chain reads. */
  now: () => Date;
  /** From now on the clock reads the real time (for pages people use after the printed run). */
  goLive(): void;
  close(): Promise<void>;
}

export async function startChain(): Promise<Chain> {
  // Every clock in the chain reads the same pinned instant, so ages and "in the future" never drift in
  // what the demo prints. Serving pages afterwards, the clocks go live: a person filling in the form
  // now makes a statement expressed now, which a clock stuck at AS_OF would call "in the future".
  let live = false;
  const now = () => (live ? new Date() : new Date(AS_OF));
  const dir = mkdtempSync(join(tmpdir(), 'reuse-pref-demo-'));
  const auth = await startDevAuthServer(CLIENTS);
  const common = { auth: auth.auth, tokenEndpoint: auth.tokenUrl, now, logger: silentLogger };
  const started: { close(): Promise<void> }[] = [];
  try {
    // Fresh Ed25519 keys each run: only the public halves leave the two servers, at their JWKS.
    const misKey = await generateSigningKey('EdDSA', SIGNERS.mis.kid);
    const integratorKey = await generateSigningKey('EdDSA', SIGNERS.integrator.kid);
    const producer = await startProducer({
      ...common,
      dir: join(dir, 'producer'),
      signing: { supplier: SIGNERS.mis.supplier, key: misKey.signingKey },
    });
    started.push(producer);
    const relay = await startRelay({
      ...common,
      dir: join(dir, 'relay'),
      producer: {
        url: producer.url,
        clientId: 'relay-sync',
        clientSecret: 'relay-sync-secret',
        tokenUrl: auth.tokenUrl,
      },
      schools: [SCHOOL.urn],
      apps: [APP],
      signing: { supplier: SIGNERS.integrator.supplier, key: integratorKey.signingKey },
    });
    started.push(relay);
    const list = trustList(producer.url, relay.url);
    // The receiver finds each signer's keys the way a real one does: at the JWKS URL its trust list names.
    const keys = keyDirectory(list, (uri) => fetchJwks(uri));
    const receiver = await startReceiver({
      ...common,
      dir: join(dir, 'receiver'),
      signaturePolicy: { mode: 'require-signature', keys },
    });
    started.push(receiver);
    return {
      trust: { list, keys },
      integratorKey: integratorKey.signingKey,
      auth,
      producer,
      relay,
      receiver,
      distributorDir: join(dir, 'receiver'),
      now,
      goLive() {
        live = true;
      },
      client(baseUrl, clientId) {
        const { secret, scopes } = CLIENTS.find((c) => c.id === clientId)!;
        return new ReusePrefClient({
          baseUrl,
          auth: new ClientCredentials({ tokenUrl: auth.tokenUrl, clientId, clientSecret: secret, scopes }),
        });
      },
      async close() {
        await closeAll(started, auth, dir);
      },
    };
  } catch (error) {
    await closeAll(started, auth, dir);
    throw error;
  }
}

/**
 * The trust list DfE would issue and sign (spec/v1/signatures.md 6); here it is built in memory, since
 * DfE's own signature over it is not what the demo shows.
 */
function trustList(misUrl: string, integratorUrl: string): TrustList {
  const entry = (supplier: string, role: 'producer' | 'relay', url: string) => ({
    supplier,
    roles: [role],
    jwksUri: `${url}/.well-known/jwks.json`,
    validFrom: '2000-01-01T00:00:00Z', // the MIS has signed for years: the oldest forms are from 2015
  });
  return {
    issuer: 'DFE',
    issuedAt: '2026-11-01T00:00:00Z',
    nextUpdate: '2026-12-01T00:00:00Z',
    entries: [
      entry(SIGNERS.mis.supplier, 'producer', misUrl),
      entry(SIGNERS.integrator.supplier, 'relay', integratorUrl),
    ],
  };
}

async function closeAll(started: { close(): Promise<void> }[], auth: DevAuthServer, dir: string) {
  for (const app of started.reverse()) await app.close();
  await auth.close();
  rmSync(dir, { recursive: true, force: true });
}
