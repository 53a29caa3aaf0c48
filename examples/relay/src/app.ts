import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ClientCredentials, ReusePrefClient } from '@reuse-pref/client';
import type { Statement } from '@reuse-pref/schema';
import {
  type BearerAuthOptions,
  bearerAuthenticator,
  createApp,
  createNodeHandler,
  createReusePreferenceApp,
  type RequestLogger,
  type SigningOptions,
} from '@reuse-pref/server';
import type { StatementStore } from '@reuse-pref/store';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { withHops } from './forward.js';
import { appRecordOperation, type RegisteredApp } from './operations.js';
import { type SyncReport, syncSchool } from './sync.js';

export interface RelayOptions {
  /** Directory for the embedded store (relay.db); created when missing. */
  dir: string;
  /** How consumers' tokens are verified. */
  auth: BearerAuthOptions;
  tokenEndpoint: string;
  /** The producer this relay syncs from, and the credentials the relay holds there. */
  producer: { url: string; clientId: string; clientSecret: string; tokenUrl: string };
  /** Schools the relay syncs. */
  schools: readonly string[];
  apps: readonly RegisteredApp[];
  port?: number;
  now?: () => Date;
  logger?: RequestLogger;
  /** The integrator's hop key: it adds its hop to each signed statement it passes on. */
  signing?: SigningOptions;
}

export interface RunningRelay {
  url: string;
  store: StatementStore;
  /** Pulls each school's change feed from where the last sync stopped. */
  sync(): Promise<Map<string, SyncReport>>;
  /**
   * The statements as this relay passes them on (to a receiver): each signed one with the relay's hop
   * appended, relayedAt now; unchanged when the relay has no key or the statement is unsigned.
   */
  passOn(statements: AsyncIterable<Statement> | Iterable<Statement>): AsyncGenerator<Statement>;
  close(): Promise<void>;
}

/**
 * The reference integrator: the reference relay server (the producer read surface re-served from its own
 * SQLite store, and its onward-share list) plus app reads that honour `APPS`, all behind the same edge checks.
 */
export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  mkdirSync(options.dir, { recursive: true });
  const store = await openSqliteStore({ path: join(options.dir, 'relay.db') });
  const now = options.now ?? (() => new Date());
  // The reference relay app brings the producer read surface and every edge check; the relay's own
  // operations join it on the same services, so they get the same auth, limits and problem answers.
  const reference = createReusePreferenceApp({
    role: 'relay',
    store,
    auth: options.auth,
    tokenEndpoint: options.tokenEndpoint,
    now,
    ...(options.signing ? { signing: options.signing } : {}),
  });
  const app = createApp({
    services: reference.services,
    operations: [...reference.operations, appRecordOperation(options.apps)],
    authenticate: bearerAuthenticator(options.auth),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const server = createServer(createNodeHandler(app));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const producer = new ReusePrefClient({
    baseUrl: options.producer.url,
    auth: new ClientCredentials({
      tokenUrl: options.producer.tokenUrl,
      clientId: options.producer.clientId,
      clientSecret: options.producer.clientSecret,
      scopes: ['producer:read', ...options.schools.map((urn) => `school:${urn}`)],
    }),
  });

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    async sync() {
      const reports = new Map<string, SyncReport>();
      for (const urn of options.schools) reports.set(urn, await syncSchool(producer, store, urn));
      return reports;
    },
    passOn: (statements) => withHops(statements, options.signing, now),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await store.close();
    },
  };
}
