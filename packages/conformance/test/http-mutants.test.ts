import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarios, loadSchemaCheck, type Profile, runScenarios, suiteRoot } from '../src/index.js';
import { httpMutants } from './mutants/http.js';
import { startMutantProxy } from './mutants/proxy.js';
import { type ReferenceServer, SCHOOL, startReferenceServer } from './reference-servers.js';

const root = suiteRoot();
const schemas = loadSchemaCheck(root);
const template = (await import('../../../spec/v1/examples/statement.json', { with: { type: 'json' } }))
  .default;
const servers: Partial<Record<string, ReferenceServer>> = {};
// Mutants that ignore who is asking forge the token the server in front of them accepts.
let forgedToken = '';
const mutants = httpMutants(() => forgedToken);

beforeAll(async () => {
  for (const role of ['producer', 'receiver', 'relay'] as const)
    servers[role] = await startReferenceServer(role);
}, 60_000);
afterAll(async () => {
  for (const s of Object.values(servers)) await s?.close();
});

describe('HTTP mutation score: each broken server (a proxy breaking one behaviour) fails a MUST scenario', () => {
  const caught: string[] = [];
  it.each(mutants.map((m) => [m.name, m] as const))('%s is caught', async (_name, m) => {
    const upstream = servers[m.role]!;
    forgedToken = upstream.token;
    const proxy = await startMutantProxy(upstream.url, m.mutation);
    try {
      const results = await runScenarios(
        loadScenarios(root, m.role as Profile),
        {
          baseUrl: proxy.url,
          token: upstream.token,
          otherSchoolToken: upstream.otherSchoolToken,
          school: SCHOOL,
          template,
        },
        schemas,
        `scenario:${m.role}`,
      );
      const killers = results.filter((r) => r.level === 'MUST' && r.status !== 'pass');
      expect(killers.length, `${m.name} survived every MUST scenario`).toBeGreaterThan(0);
      caught.push(`${m.name}: caught by ${killers.length} MUST test(s), e.g. ${killers[0]!.id}`);
    } finally {
      await proxy.close();
    }
  });

  it('scores 100%', () => {
    console.log(`HTTP mutation score: ${caught.length}/${mutants.length}\n  ${caught.join('\n  ')}`);
    expect(caught).toHaveLength(mutants.length);
  });
});
