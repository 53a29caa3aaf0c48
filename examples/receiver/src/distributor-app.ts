import { createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import type { KeyInput } from '@reuse-pref/release';
import {
  type BearerAuthOptions,
  type RequestLogger,
  type RunningServer,
  startServer,
} from '@reuse-pref/server';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { subjectViewPages } from './pages/subject-view-pages.js';

export interface DistributorOptions {
  /** The receiver's directory: the distributor judges releases on the statements its intake.db holds. */
  dir: string;
  auth: BearerAuthOptions;
  tokenEndpoint: string;
  /** Ed25519 private key that signs the log's tree heads; receipts verify against its public key. */
  logSigningKey: KeyInput;
  port?: number;
  now?: () => Date;
  logger?: RequestLogger;
}

export interface RunningDistributor {
  url: string;
  server: RunningServer;
  /** The log's public key (SPKI PEM), as DfE would publish it for families and auditors. */
  publicKey: string;
  close(): Promise<void>;
}

/**
 * The reference DfE distributor: the distributor API on the intake's own SQLite file (a second
 * connection, as a release function beside the census intake would read it), with the subject view at
 * /subject-view for a family signed in with a `subject:read pupil:{UPN}` token.
 */
export async function startDistributor(options: DistributorOptions): Promise<RunningDistributor> {
  const store = await openSqliteStore({ path: join(options.dir, 'intake.db') });
  const publicKey = createPublicKey(options.logSigningKey as Parameters<typeof createPublicKey>[0])
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const server = await startServer({
    role: 'distributor',
    store,
    port: options.port ?? 0,
    auth: options.auth,
    tokenEndpoint: options.tokenEndpoint,
    logSigningKey: options.logSigningKey,
    pages: subjectViewPages(publicKey),
    ...(options.now ? { now: options.now } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { url: server.url, server, publicKey, close: () => server.close() };
}
