// One reference server as its own process, on PostgreSQL, for the restart test: the same startServer a
// deployment runs (`reuse-pref serve --store postgres`), printing its URL once it listens and one JSON
// line per request after that. A crash is this process exiting.
import { createLocalJWKSet } from 'jose';
import { type Role, startServer } from '../../../src/index.js';

const [role, databaseUrl, issuer, audience] = process.argv.slice(2);
const running = await startServer({
  role: role as Role,
  store: { kind: 'postgres', databaseUrl: databaseUrl! },
  port: 0,
  auth: {
    jwks: createLocalJWKSet(JSON.parse(process.env.RP_TEST_JWKS!)),
    issuer: issuer!,
    audience: audience!,
  },
  tokenEndpoint: `${issuer}/oauth2/token`,
});
process.stdout.write(`listening ${running.url}\n`);
