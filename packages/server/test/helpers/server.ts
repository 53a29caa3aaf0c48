import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatementStore } from '@reuse-pref/store';
import { openPostgresStore } from '@reuse-pref/store/postgres';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
// The store package's own PostgreSQL test setup: starts cluster 15/main if needed (or uses
// REUSE_PREF_TEST_PG_URL) and fails loudly when it cannot, so no test is ever skipped silently.
import { createTestDatabase } from '../../../store/test/postgres/cluster.js';
import {
  type RequestLogLine,
  type Role,
  type RunningServer,
  type SignaturePolicy,
  type SigningOptions,
  startServer,
} from '../../src/index.js';
import { AUDIENCE, createIssuer, ISSUER, localJwks, type TokenIssuer } from './tokens.js';

export interface TestServer {
  url: string;
  store: StatementStore;
  issuer: TokenIssuer;
  logs: RequestLogLine[];
  /** Unexpected errors (500s) the server met; tests assert it stays empty. */
  errors: unknown[];
  running: RunningServer;
  /** Where the data is, for a test that reaches the database directly (to inject a failing write, say). */
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  /** A new store handle on this server's database, as a second server process would open it. */
  openSameStore(): Promise<StatementStore>;
  /** fetch against the server with a bearer token for the given scopes (none when scope is undefined). */
  call(path: string, init?: RequestInit & { scope?: string }): Promise<Response>;
  close(): Promise<void>;
}

export type StoreKind = 'sqlite' | 'postgres';

/** The stores the key tests (auth, idempotency, If-Match, batch atomicity) run against, each in turn. */
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/**
 * A real server on 127.0.0.1 and an ephemeral port, on a real SQLite file in a fresh temp dir, or on a
 * fresh PostgreSQL database dropped again on close.
 */
export async function startTestServer(
  role: Role,
  options: {
    now?: () => Date;
    logSigningKey?: string;
    /** An existing directory to keep the store in (and leave behind), e.g. to restart on the same data. */
    dir?: string;
    store?: StoreKind;
    /** Read NDJSON batches on this many worker threads (the built worker in dist/). */
    ingestThreads?: number;
    /** Serve the same database as this server (which keeps owning it), like a second process would. */
    shareWith?: TestServer;
    /** Distributor: where the last signed tree head is kept, and who hears an inconsistent log. */
    signedHeadPath?: string;
    onLogAlarm?: (reason: string) => void;
    /** The intake's signature policy (receiver role). */
    signaturePolicy?: SignaturePolicy;
    /** Producer: signs what it records; relay: adds its hop to what it serves. */
    signing?: SigningOptions;
  } = {},
): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), `rp-server-${role}-`));
  const database =
    options.store === 'postgres' && !options.shareWith ? await createTestDatabase() : undefined;
  const openSameStore = () =>
    database
      ? openPostgresStore({ connectionString: database.url })
      : openSqliteStore({ path: join(dir, 'store.db') });
  const store = options.shareWith ? await options.shareWith.openSameStore() : await openSameStore();
  const issuer = await createIssuer();
  const logs: RequestLogLine[] = [];
  const errors: unknown[] = [];
  const running = await startServer({
    role,
    store,
    port: 0,
    auth: { jwks: localJwks(issuer), issuer: ISSUER, audience: AUDIENCE },
    tokenEndpoint: `${ISSUER}/oauth2/token`,
    logger: (line) => logs.push(line),
    onError: (error) => errors.push(error),
    ...(options.ingestThreads ? { ingestThreads: options.ingestThreads } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.logSigningKey ? { logSigningKey: options.logSigningKey } : {}),
    ...(options.signedHeadPath ? { signedHeadPath: options.signedHeadPath } : {}),
    ...(options.onLogAlarm ? { onLogAlarm: options.onLogAlarm } : {}),
    ...(options.signaturePolicy ? { signaturePolicy: options.signaturePolicy } : {}),
    ...(options.signing ? { signing: options.signing } : {}),
  });
  return {
    url: running.url,
    store,
    database:
      options.shareWith?.database ??
      (database ? { kind: 'postgres', url: database.url } : { kind: 'sqlite', path: join(dir, 'store.db') }),
    issuer,
    logs,
    errors,
    running,
    openSameStore,
    async call(path, init = {}) {
      const { scope, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (scope !== undefined) headers.set('authorization', `Bearer ${await issuer.token(scope)}`);
      return fetch(`${running.url}${path}`, { ...rest, headers });
    },
    async close() {
      await running.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
      await database?.drop();
      // Every test file ends by closing its servers, so an unexpected 500 anywhere fails that file.
      if (errors.length > 0)
        throw new AggregateError(errors, `the ${role} server met ${errors.length} error(s)`);
    },
  };
}
