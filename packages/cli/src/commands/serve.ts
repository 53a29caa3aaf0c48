import { readFileSync } from 'node:fs';
import { jwksFromFile, jwksFromUrl, type Role, startServer } from '@reuse-pref/server';
import { type Command, parseCommandArgs, UsageError } from '../command.js';
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
                          process makes its own key and receipts verify only against that process
  --port <n>              default 8080; 0 picks a free port
  --host <address>        default 127.0.0.1
  --jwks-url <url>        the authorization server's JWKS (or REUSE_PREF_JWKS_URL)
  --jwks-file <file>      a JWKS file instead (or REUSE_PREF_JWKS_FILE)
  --issuer <iss>          expected token issuer (or REUSE_PREF_ISSUER)
  --audience <aud>        expected token audience (or REUSE_PREF_AUDIENCE)
  --token-endpoint <url>  advertised in the capability statement (default: <issuer>/oauth2/token)
  --census-date <date>    receiver: census reference date (YYYY-MM-DD)
  --ingest-threads <n>    receiver: worker threads that parse and validate NDJSON batches while the
                          event loop writes (default 0: on the event loop; 1 suits a 2-core machine)

Stops cleanly on SIGINT or SIGTERM. Exit status: 0 stopped, 2 usage error.`;

const ROLES: readonly Role[] = ['producer', 'relay', 'receiver', 'distributor'];

const command: Command = {
  usage,
  async run(args, { stdout, env }) {
    const { values } = parseCommandArgs(args, {
      options: {
        role: { type: 'string' },
        store: { type: 'string' },
        db: { type: 'string' },
        'database-url': { type: 'string' },
        'log-key': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'jwks-url': { type: 'string' },
        'jwks-file': { type: 'string' },
        issuer: { type: 'string' },
        audience: { type: 'string' },
        'token-endpoint': { type: 'string' },
        'census-date': { type: 'string' },
        'ingest-threads': { type: 'string' },
      },
    });
    const role = values.role as Role | undefined;
    if (!role || !ROLES.includes(role))
      throw new UsageError('serve needs --role producer, relay, receiver or distributor');
    const port = Number(values.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('--port must be 0 to 65535');
    const jwksUrl = values['jwks-url'] ?? env.REUSE_PREF_JWKS_URL;
    const jwksFile = values['jwks-file'] ?? env.REUSE_PREF_JWKS_FILE;
    const issuer = values.issuer ?? env.REUSE_PREF_ISSUER;
    const audience = values.audience ?? env.REUSE_PREF_AUDIENCE;
    if (!jwksUrl === !jwksFile) throw new UsageError('serve needs exactly one of --jwks-url or --jwks-file');
    if (!issuer || !audience) throw new UsageError('serve needs --issuer and --audience');
    const ingestThreads = Number(values['ingest-threads'] ?? 0);
    if (!Number.isInteger(ingestThreads) || ingestThreads < 0 || ingestThreads > 64)
      throw new UsageError('--ingest-threads must be a whole number from 0 to 64');

    const store = storeSpec(
      values.store ?? 'sqlite',
      values.db ?? `reuse-pref-${role}.db`,
      values['database-url'] ?? env.DATABASE_URL,
    );
    const running = await startServer({
      role,
      store,
      ...(values['log-key'] ? { logSigningKey: readFileSync(values['log-key'], 'utf8') } : {}),
      port,
      host: values.host ?? '127.0.0.1',
      auth: { jwks: jwksUrl ? jwksFromUrl(jwksUrl) : jwksFromFile(jwksFile!), issuer, audience },
      tokenEndpoint: values['token-endpoint'] ?? `${issuer.replace(/\/$/, '')}/oauth2/token`,
      ...(values['census-date'] ? { censusDate: values['census-date'] } : {}),
      ...(ingestThreads > 0 ? { ingestThreads } : {}),
    });
    stdout.write(`${JSON.stringify({ msg: 'listening', role, url: running.url })}\n`);
    await untilStopped();
    await running.close();
    return 0;
  },
};

export default command;
