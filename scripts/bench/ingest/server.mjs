// A receiver on a fresh store, in its own process. argv: <store kind> <where> <jwks file>. Prints its URL
// as one JSON line, then serves until killed.

import { storeSpecFrom } from './open-store.mjs';
import { importSource } from './runtime.mjs';

const [kind, where, jwksFile] = process.argv.slice(2);
const { jwksFromFile, startServer } = await importSource('packages/server/src/index.ts');
const running = await startServer({
  role: 'receiver',
  store: await storeSpecFrom([kind, where]),
  auth: {
    jwks: jwksFromFile(jwksFile),
    issuer: 'https://bench.invalid',
    audience: 'https://bench.invalid/api',
  },
  tokenEndpoint: 'https://bench.invalid/token',
  logger: () => undefined,
  limits: { maxBatchBytes: 16 * 1024 * 1024 },
  // One worker reads batches while the event loop writes: the way a receiver with a spare core runs.
  ingestThreads: 1,
});
console.log(JSON.stringify({ url: running.url }));
process.on('SIGTERM', () => {
  running.close().then(() => process.exit(0));
});
