import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Tests reach PostgreSQL over TCP as a dedicated role that may create databases; each test file gets its
// own database. REUSE_PREF_TEST_PG_URL points at another server (its role needs CREATEDB).
const ROLE = 'reuse_pref_test';
const DEFAULT_ADMIN_URL = `postgres://${ROLE}:${ROLE}@127.0.0.1:5432/postgres`;
const LOCK = '/tmp/reuse-pref-pg-test.lock';

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function fail(reason: string, cause?: unknown): never {
  const detail = cause instanceof Error ? `\n${cause.message}` : '';
  throw new Error(
    `PostgreSQL is needed for the @reuse-pref/store postgres tests and could not be made ready: ${reason}.${detail}\n` +
      'On Debian or Ubuntu as root the tests install it themselves (apt-get install postgresql); elsewhere ' +
      'install PostgreSQL, or set REUSE_PREF_TEST_PG_URL to a server where the role may CREATE DATABASE.',
  );
}

/**
 * Starts the local cluster if it is down and creates the test role, both idempotently and under a file
 * lock, because several test files (and processes) may call this at once.
 */
export function ensureCluster(): string {
  if (process.env.REUSE_PREF_TEST_PG_URL) return process.env.REUSE_PREF_TEST_PG_URL;
  // A fresh machine with only Node: on Debian or Ubuntu as root, the tests install Debian's PostgreSQL
  // themselves (what .ci/run does), so the README's test command needs nothing else. Under the lock, so
  // parallel test files install once.
  const install = `
    set -e
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
      if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then exit 3; fi
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null
      apt-get install -y -qq postgresql >/dev/null
    fi`;
  try {
    run('flock', ['-w', '600', LOCK, 'sh', '-c', install]);
  } catch (error) {
    const status = (error as { status?: number }).status;
    fail(
      status === 3
        ? 'pg_ctlcluster was not found, and installing Debian’s postgresql needs root and apt-get'
        : 'installing Debian’s postgresql with apt-get failed',
      error,
    );
  }
  // The cluster Debian made (15/main on bookworm); the first one listed on another release.
  const script = `
    set -e
    cluster=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" { print $1 " " $2; exit }')
    if [ -z "$cluster" ]; then cluster=$(pg_lsclusters -h | awk 'NR == 1 { print $1 " " $2 }'); fi
    if ! pg_lsclusters -h | awk -v c="$cluster" '($1 " " $2) == c { print $4 }' | grep -q online; then
      pg_ctlcluster $cluster start
    fi
    for attempt in $(seq 1 50); do
      pg_isready -q -h 127.0.0.1 -p 5432 && break
      sleep 0.2
    done
    su postgres -c "psql -v ON_ERROR_STOP=1 -q -c \\"DO \\\\$\\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE}'; END IF; END \\\\$\\\\$;\\""
  `;
  try {
    // -o: the server started here must not inherit the lock, or it would hold it for as long as it runs.
    run('flock', ['-o', '-w', '120', LOCK, 'sh', '-c', script]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    fail(`starting the local cluster or creating role ${ROLE} failed`, new Error(stderr || String(error)));
  }
  return DEFAULT_ADMIN_URL;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const PREFIX = /^[a-z][a-z0-9_]*$/;

/**
 * A new, empty database for one test file, named `<prefix>_<pid>_<random>`. A prefix other than the
 * default names the databases of one kind of user, whose leftovers dropAbandonedDatabases may clear.
 */
export async function createTestDatabase(prefix = 'rp_store_test'): Promise<TestDatabase> {
  if (!PREFIX.test(prefix)) throw new Error(`createTestDatabase: ${prefix} is not a database name prefix`);
  const adminUrl = ensureCluster();
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    fail(`could not create a test database through ${adminUrl.replace(/:[^:@/]*@/, ':***@')}`, error);
  } finally {
    await admin.end().catch(() => undefined);
  }
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // An autovacuum worker (a superuser process the test role may not terminate) can still be on the
        // database for a moment after a write-heavy test; wait for it rather than leak the database.
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '42501' || attempt === 20) throw error;
            await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Drops the databases `<prefix>_<pid>_…` whose process has ended without dropping them: a process killed
 * before its cleanup ran (Stryker kills a test runner whose mutant times out, and its afterAll never
 * runs). Only for a prefix that one kind of user creates (never the default, which every test file
 * shares), and never a database of a process still alive. Returns the names dropped.
 */
export async function dropAbandonedDatabases(prefix: string): Promise<string[]> {
  if (!PREFIX.test(prefix) || prefix === 'rp_store_test') {
    throw new Error(`dropAbandonedDatabases: ${prefix} is not a prefix of one kind of user`);
  }
  const client = new pg.Client({ connectionString: ensureCluster() });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`${prefix}_`],
    );
    const abandoned = rows
      .map((row) => row.datname)
      .filter((name) => {
        const match = new RegExp(`^${prefix}_(\\d+)_[0-9a-f]{8}$`).exec(name);
        return match !== null && !alive(Number(match[1]));
      });
    for (const name of abandoned) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    return abandoned;
  } finally {
    await client.end();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user holds the pid, alive.
    return (error as { code?: string }).code !== 'ESRCH';
  }
}
