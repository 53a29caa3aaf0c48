// A receiver server in its own process, a PostgreSQL database of its own, and an issuer whose tokens it
// trusts: what the ingest and release benchmarks load statements through.
import { execFileSync, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { childNodeArgs, root } from '../ingest/runtime.mjs';

const fromServer = createRequire(join(root, 'packages', 'server', 'package.json'));
const fromStore = createRequire(join(root, 'packages', 'store', 'package.json'));
const here = join(root, 'scripts', 'bench', 'ingest');
const PG_ROLE = 'reuse_pref_test';
const PG_ADMIN = `postgres://${PG_ROLE}:${PG_ROLE}@127.0.0.1:5432/postgres`;

export function child(script, args) {
  return spawn(process.execPath, [...childNodeArgs, join(here, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

export function runChild(script, args) {
  return new Promise((resolve, reject) => {
    const proc = child(script, args);
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
    });
    proc.on('close', (code) => {
      const last = out.trimEnd().split('\n').at(-1);
      if (code !== 0 || !last) reject(new Error(`${script} exited with ${code}`));
      else resolve(JSON.parse(last));
    });
  });
}

export async function startReceiver(kind, where, jwksFile) {
  const proc = child('server.mjs', [kind, where, jwksFile]);
  const url = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    proc.on('close', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        proc.removeAllListeners('close');
        proc.on('close', resolve);
        proc.kill('SIGTERM');
      }),
  };
}

/** Same steps as the store tests' cluster helper: start 15/main if down, ensure the test role. */
export function ensurePostgres() {
  const script = `
    set -e
    if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" { print $4 }' | grep -q online; then
      pg_ctlcluster 15 main start
    fi
    for attempt in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.2; done
    su postgres -c "psql -v ON_ERROR_STOP=1 -q -c \\"DO \\\\$\\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_ROLE}') THEN CREATE ROLE ${PG_ROLE} LOGIN CREATEDB PASSWORD '${PG_ROLE}'; END IF; END \\\\$\\\\$;\\""
  `;
  execFileSync('flock', ['-o', '-w', '120', '/tmp/reuse-pref-pg-test.lock', 'sh', '-c', script], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * A database of the bench's own (dropped and made afresh; `reuse` keeps one that exists, for the data a
 * slow load put there).
 */
export async function postgresDatabase(name, { reuse = false } = {}) {
  const pg = fromStore('pg');
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  const existed = rows.length > 0;
  if (!(reuse && existed)) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    existed: reuse && existed,
    async drop() {
      const client = new pg.Client({ connectionString: PG_ADMIN });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function issuer(dir) {
  const jose = await import(fromServer.resolve('jose'));
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
  // One file per bench process: two runs sharing a data directory each start receivers that read their
  // own key (a shared jwks.json was overwritten by the second run, and the first one's loads got 401).
  const jwksFile = join(dir, `jwks-${process.pid}.json`);
  writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
  process.once('exit', () => rmSync(jwksFile, { force: true }));
  const token = await new jose.SignJWT({ scope: 'receiver:write receiver:read school:*', client_id: 'bench' })
    .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
    .setIssuer('https://bench.invalid')
    .setAudience('https://bench.invalid/api')
    .setSubject('bench')
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(privateKey);
  return { jwksFile, token };
}

/**
 * The PostgreSQL server settings a bench figure depends on, and the database's size, as one line for the
 * report: a figure taken with the packaged defaults (128 MB of shared buffers) is not one taken with a
 * server sized for its data, and a reader must be able to tell which.
 */
export async function postgresSettings(url) {
  const pg = fromStore('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT name, current_setting(name) AS value FROM pg_settings
        WHERE name IN ('shared_buffers', 'max_wal_size', 'synchronous_commit', 'work_mem', 'effective_io_concurrency')
        ORDER BY name`,
    );
    const { rows: size } = await client.query(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS size',
    );
    return `${rows.map((r) => `${r.name} ${r.value}`).join(', ')}; database ${size[0].size}`;
  } finally {
    await client.end();
  }
}

/** VACUUM (ANALYZE) of a whole database: the visibility map and statistics a settled database has. */
export async function vacuumAnalyze(url) {
  const pg = fromStore('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
}
