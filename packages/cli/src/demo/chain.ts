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
import { silentLogger } from '@reuse-pref/server';

export const APP = { id: 'homework-hub', name: 'Homework Hub' } as const;

const CLIENTS = [
  { id: 'relay-sync', secret: 'relay-sync-secret', scopes: ['producer:read', `school:${SCHOOL.urn}`] },
  {
    id: 'relay-upload',
    secret: 'relay-upload-secret',
    scopes: ['receiver:write', 'receiver:read', `school:${SCHOOL.urn}`],
  },
  { id: APP.id, secret: 'homework-hub-secret', scopes: ['relay:read', `school:${SCHOOL.urn}`] },
  { id: 'relay-admin', secret: 'relay-admin-secret', scopes: ['relay:read', `school:${SCHOOL.urn}`] },
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
    const producer = await startProducer({ ...common, dir: join(dir, 'producer') });
    started.push(producer);
    const receiver = await startReceiver({ ...common, dir: join(dir, 'receiver') });
    started.push(receiver);
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
    });
    started.push(relay);
    return {
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

async function closeAll(started: { close(): Promise<void> }[], auth: DevAuthServer, dir: string) {
  for (const app of started.reverse()) await app.close();
  await auth.close();
  rmSync(dir, { recursive: true, force: true });
}
