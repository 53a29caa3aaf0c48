// A reference server as its own process, for the tests that attack it or pull its database away, so its
// file descriptors, memory and crashes are its own: argv[2] is JSON { role, store, issuer, audience,
// options, logRequests } where `store` is a StoreSpec and `options` is spread into startServer (limits,
// connections). Prints `listening <url>` once it listens, then (with logRequests) one JSON line per
// request. A crash is this process exiting.
import { createLocalJWKSet } from 'jose';
import { jsonLineLogger, type Role, type StoreSpec, silentLogger, startServer } from '../../../src/index.js';

const { role, store, issuer, audience, options, logRequests } = JSON.parse(process.argv[2]!) as {
  role: Role;
  store: StoreSpec;
  issuer: string;
  audience: string;
  options?: Record<string, unknown>;
  logRequests?: boolean;
};
const running = await startServer({
  role,
  store,
  port: 0,
  auth: { jwks: createLocalJWKSet(JSON.parse(process.env.RP_TEST_JWKS!)), issuer, audience },
  tokenEndpoint: `${issuer}/oauth2/token`,
  logger: logRequests ? jsonLineLogger() : silentLogger,
  ...options,
});
process.stdout.write(`listening ${running.url}\n`);
