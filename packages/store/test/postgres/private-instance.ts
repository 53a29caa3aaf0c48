import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

// The Debian package's server binaries; REUSE_PREF_PG_BIN points elsewhere.
const BIN = process.env.REUSE_PREF_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL server of the test's own: its own data directory under the temp dir, its own port, started
 * and stopped by the test. For tests that restart or kill the database, which must never touch the shared
 * cluster 15/main that every other test (and engineer) uses. initdb refuses to run as root, so as root
 * the instance runs as the `postgres` user the Debian package creates.
 */
export interface PrivateInstance {
  readonly port: number;
  /** A connection string for `database` (default `postgres`) as the superuser `postgres`, trust auth. */
  url(database?: string): string;
  /** Stops the server: `fast` aborts transactions and closes connections; `immediate` is a crash. */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** CREATE DATABASE `name`. */
  createDatabase(name: string): Promise<void>;
  /** Starts it again and resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it (if running) and deletes its data directory. */
  destroy(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPrivateInstance(): Promise<PrivateInstance> {
  if (!existsSync(join(BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL server binaries were not found in ${BIN} (apt-get install -y postgresql, or set REUSE_PREF_PG_BIN)`,
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'rp-pg-private-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const as = (command: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]] : [join(BIN, command), args];
  const data = join(dir, 'data');
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  const pgCtl = (args: string[]) =>
    run(...as('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), ...args]), { timeout: 120_000 });

  await run(...as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']), {
    timeout: 120_000,
  });
  let running = false;
  // A test that dies mid-way must not leave a server running: stop it when this process exits.
  const stopOnExit = () => {
    if (!running) return;
    try {
      execFileSync(...as('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  };
  process.once('exit', stopOnExit);

  const instance: PrivateInstance = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async stop(mode) {
      await pgCtl(['-m', mode, '-w', 'stop']);
      running = false;
    },
    async createDatabase(name) {
      const admin = new pg.Client({ connectionString: instance.url() });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
    },
    async start() {
      try {
        await pgCtl(['-o', serverOptions, '-w', '-t', '60', 'start']);
      } catch (error) {
        const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
        throw new Error(`private PostgreSQL on port ${port} did not start: ${error}\n${log.slice(-2000)}`);
      }
      running = true;
    },
    async destroy() {
      if (running) await instance.stop('immediate').catch(() => undefined);
      process.off('exit', stopOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await instance.start();
  return instance;
}
