import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BearerAuthOptions,
  type RequestLogger,
  type RunningServer,
  type SigningOptions,
  startServer,
} from '@reuse-pref/server';
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { formPages } from './pages/form-pages.js';
import { type SeedReport, seedSchool } from './seed.js';

export interface ProducerOptions {
  /** Directory for the embedded store (producer.db); created when missing. */
  dir: string;
  auth: BearerAuthOptions;
  tokenEndpoint: string;
  /** 0 (default) picks a free loopback port. */
  port?: number;
  /** The MIS clock; the demo pins it so its output is the same on every run. */
  now?: () => Date;
  logger?: RequestLogger;
  /** The MIS's statement-signing key: seeded and newly recorded statements are signed with it. */
  signing?: SigningOptions;
}

export interface RunningProducer {
  url: string;
  server: RunningServer;
  seed: SeedReport;
  close(): Promise<void>;
}

/**
 * The reference MIS: seeds Oakfield Academy into its SQLite store and serves the producer API over it,
 * with the family's form at /form beside it.
 */
export async function startProducer(options: ProducerOptions): Promise<RunningProducer> {
  mkdirSync(options.dir, { recursive: true });
  const store = await openSqliteStore({ path: join(options.dir, 'producer.db') });
  const now = options.now ?? (() => new Date());
  const seed = await seedSchool(store, now(), options.signing?.key);
  const server = await startServer({
    role: 'producer',
    store,
    port: options.port ?? 0,
    auth: options.auth,
    tokenEndpoint: options.tokenEndpoint,
    now,
    pages: formPages(),
    ...(options.signing ? { signing: options.signing } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return { url: server.url, server, seed, close: () => server.close() };
}
