import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StatementStore } from '@reuse-pref/store';
import { createNodeHandler } from './adapters/node.js';
import { type Pages, withPages } from './adapters/node-pages.js';
import type { App } from './app.js';
import { jsonLineLogger } from './http/log.js';
import { openStore, type StoreSpec } from './open-store.js';
import { createReusePreferenceApp, type ReusePreferenceAppOptions } from './reuse-preference-app.js';

export interface StartServerOptions extends Omit<ReusePreferenceAppOptions, 'store'> {
  /** An open store, or which one to open (`{ kind: 'postgres', databaseUrl }`); either way close() closes it. */
  store: StatementStore | StoreSpec;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Pages served beside the API on GET/HEAD (a reference MIS's form, a distributor's subject view). */
  pages?: Pages;
}

export interface RunningServer {
  app: App;
  server: Server;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/** Starts one role on Node's http server; what `reuse-pref serve --role ...` runs. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const store = 'kind' in options.store ? await openStore(options.store) : options.store;
  const app = createReusePreferenceApp({ ...options, store, logger: options.logger ?? jsonLineLogger() });
  const api = createNodeHandler(app);
  const server = createServer(options.pages ? withPages(options.pages, api) : api);
  // Slow-loris protection: a client must send its headers and body within these bounds.
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    await app.close();
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  return {
    app,
    server,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await app.close();
      await store.close();
    },
  };
}
