// A reference server as its own process for the resource-limit tests, so its file descriptors and peak
// memory are its own: argv[2] is JSON { role, dbPath, issuer, audience, options } where `options` is
// spread into startServer (limits, connections). Prints `listening <url>` once it listens.
import { createLocalJWKSet } from 'jose';
import { type Role, silentLogger, startServer } from '../../../src/index.js';

const { role, dbPath, issuer, audience, options } = JSON.parse(process.argv[2]!) as {
  role: Role;
  dbPath: string;
  issuer: string;
  audience: string;
  options: Record<string, unknown>;
};
const running = await startServer({
  role,
  store: { kind: 'sqlite', path: dbPath },
  port: 0,
  auth: { jwks: createLocalJWKSet(JSON.parse(process.env.RP_TEST_JWKS!)), issuer, audience },
  tokenEndpoint: `${issuer}/oauth2/token`,
  logger: silentLogger,
  ...options,
});
process.stdout.write(`listening ${running.url}\n`);
