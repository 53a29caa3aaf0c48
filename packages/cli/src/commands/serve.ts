import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { subjectViewPages } from '@reuse-pref/example-receiver';
import { jwksFromFile, jwksFromUrl, type Role, startServer } from '@reuse-pref/server';
import { type Command, parseCommandArgs, UsageError } from '../command.js';
import { DEV_AUDIENCE, DEV_AUTH_DIR, DEV_AUTH_WARNING, DEV_ISSUER, ensureDevKeys } from '../dev-auth/keys.js';
import { InputError } from '../input/open-input.js';
import { storeSpec } from '../store-spec.js';
import { untilStopped } from '../until-stopped.js';

const usage = `Usage: reuse-pref serve --role producer|relay|receiver|distributor [options]

  Runs the reference server for one role, on the embedded SQLite store by default or on PostgreSQL,
  logging one JSON line per request.

  --role <role>           producer, relay, receiver or distributor (required)
  --store <kind>          sqlite (default, embedded: no server to install) or postgres
  --db <file>             SQLite file, created if missing (default: reuse-pref-<role>.db)
  --database-url <url>    PostgreSQL connection string (or DATABASE_URL), with --store postgres
  --log-key <file>        distributor: Ed25519 private key (PEM) that signs tree heads; without it each
                          process makes its own key and receipts verify only against that process.
                          With it, the subject view is served too: /subject-view, a family signed in
                          with a subject:read pupil:<UPN> token sees that pupil's releases and receipts.
  --signed-head <file>    distributor: where the last signed tree head is kept, outside the database
                          (default reuse-pref-distributor.signed-head.json). The server refuses to sign
                          a head the database's log does not extend. Keep it where the database's
                          operators cannot write.
  --port <n>              default 8080; 0 picks a free port
  --host <address>        default 127.0.0.1
  --dev-auth              trust development tokens from 'reuse-pref token' (key in --dev-auth-dir, made
                          if missing); sets issuer and audience. NOT FOR PRODUCTION
  --dev-auth-dir <dir>    the development key folder (default ${DEV_AUTH_DIR}, or REUSE_PREF_DEV_AUTH_DIR)
  --jwks-url <url>        the authorization server's JWKS (or REUSE_PREF_JWKS_URL)
  --jwks-file <file>      a JWKS file instead (or REUSE_PREF_JWKS_FILE)
  --issuer <iss>          expected token issuer (or REUSE_PREF_ISSUER)
  --audience <aud>        expected token audience (or REUSE_PREF_AUDIENCE)
  --token-endpoint <url>  advertised in the capability statement (default: <issuer>/oauth2/token)
  --census-date <date>    receiver: census reference date (YYYY-MM-DD)
  --ingest-threads <n>    receiver: worker threads that parse and validate NDJSON batches while the
                          event loop writes (default 0: on the event loop; 1 suits a 2-core machine)

  Resource limits (what idle, slow and hostile clients can hold):
  --headers-timeout <ms>  a request head must be complete this long after connecting (default 10000)
  --idle-timeout <ms>     a connection on which nothing arrives for this long is closed (default 5000)
  --request-timeout <ms>  a request's head and body must arrive within this (default 60000)
  --max-connections <n>   open connections at most; at the cap the longest-idle one is closed
                          (default 1000; keep it under ulimit -n)
  --max-fields <n>        fields and list items in one statement or batch line (default 500)
  --max-findings-per-record <n>  findings listed per rejected record (default 50)
  --max-findings-per-batch <n>   findings listed per rejected batch (default 1000)

Stops cleanly on SIGINT or SIGTERM. Exit status: 0 stopped, 2 usage error or the port is taken.`;

const ROLES: readonly Role[] = ['producer', 'relay', 'receiver', 'distributor'];

/** Each resource-limit flag, and the startServer option it sets (`limits` or `connections`). */
const LIMIT_FLAGS = [
  ['headers-timeout', 'connections', 'headersTimeoutMs'],
  ['idle-timeout', 'connections', 'idleTimeoutMs'],
  ['request-timeout', 'connections', 'requestTimeoutMs'],
  ['max-connections', 'connections', 'maxConnections'],
  ['max-fields', 'limits', 'maxFields'],
  ['max-findings-per-record', 'limits', 'maxFindingsPerRecord'],
  ['max-findings-per-batch', 'limits', 'maxFindingsPerBatch'],
] as const;

const command: Command = {
  usage,
  async run(args, { stdout, stderr, env }) {
    const { values } = parseCommandArgs(args, {
      options: {
        role: { type: 'string' },
        store: { type: 'string' },
        db: { type: 'string' },
        'database-url': { type: 'string' },
        'log-key': { type: 'string' },
        'signed-head': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'dev-auth': { type: 'boolean' },
        'dev-auth-dir': { type: 'string' },
        'jwks-url': { type: 'string' },
        'jwks-file': { type: 'string' },
        issuer: { type: 'string' },
        audience: { type: 'string' },
        'token-endpoint': { type: 'string' },
        'census-date': { type: 'string' },
        'ingest-threads': { type: 'string' },
        ...Object.fromEntries(LIMIT_FLAGS.map(([flag]) => [flag, { type: 'string' as const }])),
      },
    });
    const role = values.role as Role | undefined;
    if (!role || !ROLES.includes(role))
      throw new UsageError('serve needs --role producer, relay, receiver or distributor');
    const port = Number(values.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('--port must be 0 to 65535');
    const auth = await verification(values, env, stderr);
    const ingestThreads = Number(values['ingest-threads'] ?? 0);
    if (!Number.isInteger(ingestThreads) || ingestThreads < 0 || ingestThreads > 64)
      throw new UsageError('--ingest-threads must be a whole number from 0 to 64');

    const limits: Record<string, number> = {};
    const connections: Record<string, number> = {};
    for (const [flag, group, name] of LIMIT_FLAGS) {
      const raw = (values as Record<string, string | undefined>)[flag];
      if (raw === undefined) continue;
      const value = Number(raw);
      if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(value) || value < 1)
        throw new UsageError(`--${flag} must be a whole number above 0`);
      (group === 'limits' ? limits : connections)[name] = value;
    }

    const store = storeSpec(
      values.store ?? 'sqlite',
      values.db ?? `reuse-pref-${role}.db`,
      values['database-url'] ?? env.DATABASE_URL,
    );
    // A server that fails to start leaves nothing behind: not the SQLite file it made for the purpose.
    const madeFiles = store.kind === 'sqlite' && !existsSync(store.path);
    const host = values.host ?? '127.0.0.1';
    const logSigningKey = values['log-key'] ? readLogKey(values['log-key']) : undefined;
    let running: Awaited<ReturnType<typeof startServer>>;
    try {
      running = await startServer({
        role,
        store,
        ...(logSigningKey ? { logSigningKey: logSigningKey.privateKey } : {}),
        ...(logSigningKey && role === 'distributor'
          ? { pages: subjectViewPages(logSigningKey.publicKey) }
          : {}),
        ...(role === 'distributor'
          ? { signedHeadPath: values['signed-head'] ?? 'reuse-pref-distributor.signed-head.json' }
          : {}),
        port,
        host,
        auth: auth.options,
        tokenEndpoint: values['token-endpoint'] ?? `${auth.options.issuer.replace(/\/$/, '')}/oauth2/token`,
        ...(values['census-date'] ? { censusDate: values['census-date'] } : {}),
        ...(ingestThreads > 0 ? { ingestThreads } : {}),
        limits,
        connections,
      });
    } catch (error) {
      if (madeFiles && store.kind === 'sqlite')
        for (const suffix of ['', '-wal', '-shm', '-journal'])
          rmSync(`${store.path}${suffix}`, { force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new InputError(
          `port ${port} on ${host} is in use: stop what is using it, or pick another --port`,
        );
      if (code === 'EADDRNOTAVAIL' || code === 'EACCES')
        throw new InputError(`cannot listen on ${host}:${port} (${code}): pick another --host or --port`);
      throw error;
    }
    if (auth.dev)
      stdout.write(`${JSON.stringify({ level: 'warn', msg: 'dev-auth', warning: DEV_AUTH_WARNING })}\n`);
    stdout.write(`${JSON.stringify({ msg: 'listening', role, url: running.url })}\n`);
    if (logSigningKey && role === 'distributor')
      stdout.write(`${JSON.stringify({ msg: 'subject view', url: `${running.url}/subject-view` })}\n`);
    await untilStopped();
    await running.close();
    return 0;
  },
};

/** The signing key, and the public key the subject view checks receipts against (written into the page). */
function readLogKey(path: string): { privateKey: string; publicKey: string } {
  let privateKey: string;
  try {
    privateKey = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read --log-key ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    return { privateKey, publicKey };
  } catch {
    throw new InputError(
      `--log-key ${path} is not a private key in PEM: make one with 'reuse-pref log keygen --out <name>'`,
    );
  }
}

interface Verification {
  /** Development tokens: said again in the JSON log, where an operator's log shipping will see it. */
  dev: boolean;
  options: { jwks: ReturnType<typeof jwksFromFile>; issuer: string; audience: string };
}

/** Whose tokens the server trusts: the operator's authorization server, or the development key. */
async function verification(
  values: Record<string, string | boolean | string[] | undefined>,
  env: NodeJS.ProcessEnv,
  stderr: NodeJS.WritableStream,
): Promise<Verification> {
  const jwksUrl = (values['jwks-url'] as string | undefined) ?? env.REUSE_PREF_JWKS_URL;
  const jwksFile = (values['jwks-file'] as string | undefined) ?? env.REUSE_PREF_JWKS_FILE;
  if (values['dev-auth']) {
    if (values['jwks-url'] || values['jwks-file'])
      throw new UsageError('--dev-auth trusts the development key: leave out --jwks-url and --jwks-file');
    if (env.NODE_ENV === 'production') throw new UsageError('--dev-auth is refused when NODE_ENV=production');
    const dir = (values['dev-auth-dir'] as string | undefined) ?? env.REUSE_PREF_DEV_AUTH_DIR ?? DEV_AUTH_DIR;
    const files = await ensureDevKeys(dir);
    const banner = `reuse-pref serve --dev-auth: ${DEV_AUTH_WARNING}. Tokens: reuse-pref token --role <role> --dir ${dir}`;
    stderr.write(`${'!'.repeat(100)}\n${banner}\n${'!'.repeat(100)}\n`);
    return {
      dev: true,
      options: {
        jwks: jwksFromFile(files.jwksFile),
        issuer: (values.issuer as string | undefined) ?? DEV_ISSUER,
        audience: (values.audience as string | undefined) ?? DEV_AUDIENCE,
      },
    };
  }
  const issuer = (values.issuer as string | undefined) ?? env.REUSE_PREF_ISSUER;
  const audience = (values.audience as string | undefined) ?? env.REUSE_PREF_AUDIENCE;
  if (!jwksUrl === !jwksFile)
    throw new UsageError(
      'serve needs exactly one of --jwks-url or --jwks-file (or --dev-auth for development)',
    );
  if (!issuer || !audience) throw new UsageError('serve needs --issuer and --audience');
  return {
    dev: false,
    options: { jwks: jwksUrl ? jwksFromUrl(jwksUrl) : jwksFromFile(jwksFile!), issuer, audience },
  };
}

export default command;
