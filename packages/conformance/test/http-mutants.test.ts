import type { Role } from '@reuse-pref/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios, loadSchemaCheck, type Profile, runScenarios, suiteRoot } from '../src/index.js';
import { startCrashingChild, startMutantChild } from './mutants/child.js';
import { type ChildMutant, childMutants } from './mutants/children.js';
import { type HttpMutant, httpMutants } from './mutants/http.js';
import { startMutantProxy } from './mutants/proxy.js';
import { type ReferenceServer, SCHOOL, startReferenceServer } from './reference-servers.js';

const root = suiteRoot();
const schemas = loadSchemaCheck(root);
const template = (await import('../../../spec/v1/examples/statement.json', { with: { type: 'json' } }))
  .default;
const servers: Partial<Record<string, ReferenceServer>> = {};
// Mutants that ignore who is asking forge the token the server in front of them accepts.
let forgedToken = '';
const proxies = httpMutants(() => forgedToken);
const mutants: { name: string; role: Role; proxy?: HttpMutant; child?: ChildMutant }[] = [
  ...proxies.map((m) => ({ name: m.name, role: m.role, proxy: m })),
  ...childMutants.map((m) => ({ name: m.name, role: m.role, child: m })),
];

beforeAll(async () => {
  await Promise.all(
    [...new Set(mutants.map((m) => m.role))].map(async (role) => {
      // The relay starts with onward-share decisions in its log, and the runs claim --onward-shares.
      servers[role] = await startReferenceServer(role, 'sqlite', { onwardShares: role === 'relay' });
    }),
  );
}, 60_000);
afterAll(async () => {
  for (const s of Object.values(servers)) await s?.close();
});

/** Every scenario of the role, against `url`, with the tokens (and intake) of the reference beside it. */
const scenariosAgainst = (url: string, role: Role, beside: ReferenceServer) =>
  runScenarios(
    loadScenarios(root, role as Profile),
    {
      baseUrl: url,
      token: beside.token,
      otherSchoolToken: beside.otherSchoolToken,
      ...(beside.intake ? { intake: { baseUrl: beside.intake.url, token: beside.intake.token } } : {}),
      school: SCHOOL,
      template,
      ...(role === 'relay' ? { onwardShares: true } : {}),
    },
    schemas,
    `scenario:${role}`,
  );

async function startBroken(m: (typeof mutants)[number], upstream: ReferenceServer) {
  if (m.proxy) return startMutantProxy(upstream.url, m.proxy.mutation);
  if (m.child!.crashAfterEachBatch) return startCrashingChild(m.role, m.child!.name, upstream);
  return startMutantChild(m.role, m.child!.name, upstream);
}

describe('HTTP mutation score: each broken server (a proxy, or a server process with the fault inside) fails a MUST scenario', () => {
  const caught: string[] = [];
  it.each(mutants.map((m) => [m.name, m] as const))(
    '%s is caught',
    async (_name, m) => {
      const upstream = servers[m.role]!;
      forgedToken = upstream.token;
      const broken = await startBroken(m, upstream);
      try {
        const results = await scenariosAgainst(broken.url, m.role, upstream);
        const killers = results.filter((r) => r.level === 'MUST' && r.status !== 'pass');
        expect(killers.length, `${m.name} survived every MUST scenario`).toBeGreaterThan(0);
        // A mutant that fails everything is a broken harness, not a caught bug.
        expect(
          results.some((r) => r.status === 'pass'),
          `${m.name} passed nothing`,
        ).toBe(true);
        if (m.child) expect(killers.map((k) => k.id)).toEqual(expect.arrayContaining(m.child.caughtBy));
        caught.push(`${m.name}: caught by ${killers.length} MUST test(s), e.g. ${killers[0]!.id}`);
      } finally {
        await broken.close();
      }
    },
    // A crashing child restarts after every batch the receiver scenarios commit: minutes on a busy machine.
    240_000,
  );

  it('scores 100%', () => {
    console.log(`HTTP mutation score: ${caught.length}/${mutants.length}\n  ${caught.join('\n  ')}`);
    expect(caught).toHaveLength(mutants.length);
  });
});

describe('the kill -9 harness is fair', () => {
  it('the reference receiver, SIGKILLed after every batch it acknowledges, passes every scenario', async () => {
    const beside = servers.receiver!;
    const reference = await startCrashingChild('receiver', 'none', beside);
    try {
      const results = await scenariosAgainst(reference.url, 'receiver', beside);
      expect(results.filter((r) => r.status !== 'pass' && r.status !== 'skipped')).toEqual([]);
      expect(reference.crashes()).toBeGreaterThanOrEqual(3);
    } finally {
      await reference.close();
    }
  }, 240_000);

  it('and without crashes the deferred-commit mutant passes too: only the kill exposes it', async () => {
    const beside = servers.receiver!;
    const mutant = await startMutantChild('receiver', 'loses-last-batch-on-crash', beside);
    try {
      const results = await scenariosAgainst(mutant.url, 'receiver', beside);
      expect(results.filter((r) => r.status !== 'pass' && r.status !== 'skipped')).toEqual([]);
    } finally {
      await mutant.close();
    }
  }, 240_000);
});
