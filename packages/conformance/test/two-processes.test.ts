import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@reuse-pref/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../store/test/postgres/cluster.js';
import { main } from '../src/index.js';
import { type MutantChild, startMutantChild } from './mutants/child.js';
import { DISTRIBUTOR_SCOPES, issuer, OTHER_SCHOOL, SCHOOL, SCHOOL_SCOPES } from './reference-servers.js';
import { type RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy.js';

// The reference servers keep nothing a request depends on in their own memory (decision 0025): several
// processes of one role on one PostgreSQL database, behind a load balancer that hands each request to
// the next, serve every conformance profile as one server does. Idempotency claims, If-Match, batch
// results, ledgers and the release log all live in the store; a distributor catches its copy of the log
// up with the store before every request, and the processes share one signing key.
const dir = mkdtempSync(join(tmpdir(), 'rp-two-processes-'));
const running: { close(): Promise<unknown> }[] = [];
afterAll(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function behindProxy(
  role: Role,
  database: TestDatabase,
  jwks: Parameters<typeof startMutantChild>[2]['jwks'],
  logSigningKey?: string,
): Promise<{ proxy: RoundRobinProxy; children: MutantChild[] }> {
  const spec = { kind: 'postgres' as const, databaseUrl: database.url };
  const children = await Promise.all(
    [0, 1].map(() => startMutantChild(role, 'none', { spec, jwks }, logSigningKey ? { logSigningKey } : {})),
  );
  running.push(...children);
  const proxy = await startRoundRobinProxy(children.map((c) => c.url));
  running.push(proxy);
  return { proxy, children };
}

describe.each(['producer', 'receiver', 'relay', 'distributor'] as const)(
  'two %s processes on one PostgreSQL database behind a round-robin proxy',
  (role) => {
    it('pass every scenario of the profile, each process serving its share', async () => {
      const database = await createTestDatabase();
      running.push({ close: () => database.drop() });
      const { jwks, sign } = await issuer();
      const logKey =
        role === 'distributor'
          ? generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
          : undefined;
      const { proxy } = await behindProxy(role, database, jwks, logKey);
      const schoolToken = await sign(`${SCHOOL_SCOPES} school:${SCHOOL.urn}`);
      const intake =
        role === 'distributor' ? (await behindProxy('receiver', database, jwks)).proxy : undefined;
      const json = join(dir, `${role}.json`);
      let out = '';
      const code = await main(
        [
          'run',
          '--profile',
          role,
          '--base-url',
          proxy.url,
          '--token',
          role === 'distributor' ? await sign(DISTRIBUTOR_SCOPES) : schoolToken,
          '--other-school-token',
          await sign(`${SCHOOL_SCOPES} school:${OTHER_SCHOOL}`),
          '--json',
          json,
          ...(intake ? ['--intake-url', intake.url, '--intake-token', schoolToken] : []),
        ],
        { out: (t) => (out += t), err: (t) => (out += t), env: {} },
      );
      const report = JSON.parse(readFileSync(json, 'utf8'));
      // The signature cases are skipped: these processes do not sign (cli-http runs them).
      const notPassed = (r: { status: string }) => r.status !== 'pass' && r.status !== 'skipped';
      expect(report.results.filter(notPassed)).toEqual([]);
      expect(code, out).toBe(0);
      // Both processes answered scenarios, not one of them alone.
      expect(Math.min(...proxy.served), `requests per process: ${proxy.served}`).toBeGreaterThan(5);
      if (intake) expect(Math.min(...intake.served)).toBeGreaterThan(0);
    }, 240_000);
  },
);
