// The receiver as its own process, for the kill -9 test: the same startServer a deployment runs, on a
// SQLite file, printing its URL once it listens.
import { openSqliteStore } from '@reuse-pref/store/sqlite';
import { createLocalJWKSet } from 'jose';
import { silentLogger, startServer } from '../../src/index.js';

const [dbPath, issuer, audience] = process.argv.slice(2);
const store = await openSqliteStore({ path: dbPath! });
const running = await startServer({
  role: 'receiver',
  store,
  port: 0,
  auth: {
    jwks: createLocalJWKSet(JSON.parse(process.env.RP_TEST_JWKS!)),
    issuer: issuer!,
    audience: audience!,
  },
  tokenEndpoint: `${issuer}/oauth2/token`,
  logger: silentLogger,
});
process.stdout.write(`listening ${running.url}\n`);
