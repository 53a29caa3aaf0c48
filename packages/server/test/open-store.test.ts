import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../store/test/postgres/cluster.js';
import { type StoreSpec, startServer } from '../src/index.js';
import { AUDIENCE, createIssuer, ISSUER, localJwks } from './helpers/tokens.js';

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'rp-open-store-'));
}, 60_000);
afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('startServer with a store spec', () => {
  it.each<{ given: string; spec: () => StoreSpec }>([
    { given: 'sqlite', spec: () => ({ kind: 'sqlite', path: join(dir, 'store.db') }) },
    { given: 'postgres', spec: () => ({ kind: 'postgres', databaseUrl: database.url }) },
  ])('opens $given, passes its health check and closes it', async ({ spec }) => {
    const issuer = await createIssuer();
    const running = await startServer({
      role: 'receiver',
      store: spec(),
      auth: { jwks: localJwks(issuer), issuer: ISSUER, audience: AUDIENCE },
      tokenEndpoint: `${ISSUER}/oauth2/token`,
      logger: () => undefined,
    });
    try {
      const response = await fetch(`${running.url}/health`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { status: string }).status).toBe('pass');
    } finally {
      await running.close();
    }
  });
});
