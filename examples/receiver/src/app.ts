import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BearerAuthOptions,
  type RequestLogger,
  type RunningServer,
  type SignaturePolicy,
  startServer,
} from '@reuse-pref/server';
import type { StatementStore } from '@reuse-pref/store';
import { openSqliteStore } from '@reuse-pref/store/sqlite';

export interface ReceiverOptions {
  /** Directory for the embedded store (intake.db); created when missing. */
  dir: string;
  auth: BearerAuthOptions;
  tokenEndpoint: string;
  /** Census reference date: statements expressed after it belong to the next return. */
  censusDate?: string;
  port?: number;
  now?: () => Date;
  logger?: RequestLogger;
  /** What the intake does with statement signatures (require-signature, verify, off by default). */
  signaturePolicy?: SignaturePolicy;
}

export interface RunningReceiver {
  url: string;
  server: RunningServer;
  /** What the intake accepted; the distributor reads its cohorts' histories from here. */
  store: StatementStore;
  close(): Promise<void>;
}

/** The reference intake: the receiver profile on SQLite, validating every record and storing whole batches. */
export async function startReceiver(options: ReceiverOptions): Promise<RunningReceiver> {
  mkdirSync(options.dir, { recursive: true });
  const store = await openSqliteStore({ path: join(options.dir, 'intake.db') });
  const server = await startServer({
    role: 'receiver',
    store,
    port: options.port ?? 0,
    auth: options.auth,
    tokenEndpoint: options.tokenEndpoint,
    ...(options.censusDate ? { censusDate: options.censusDate } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.signaturePolicy ? { signaturePolicy: options.signaturePolicy } : {}),
  });
  return { url: server.url, server, store, close: () => server.close() };
}
