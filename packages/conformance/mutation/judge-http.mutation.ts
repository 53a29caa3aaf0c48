import type { Role } from '@reuse-pref/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Only the modules a scenario run needs (not the package index): Stryker re-imports them for every mutant.
import { loadScenarios, type Profile, Profiles } from '../src/scenarios/load.js';
import { runScenarios } from '../src/scenarios/run.js';
import { loadSchemaCheck } from '../src/scenarios/schemas.js';
import { suiteRoot } from '../src/suite-root.js';
import { type ReferenceServer, SCHOOL, startReferenceServer } from '../test/reference-servers.js';

/**
 * The conformance suite's HTTP profiles as the only judge of a mutant of the release gate or a server
 * operation (issue 11): the reference servers run in this process (so Stryker's mutant switch reaches
 * them) on a fresh SQLite store, and every scenario test of conformance/scenarios/v1/<profile>/ is one
 * test here, run exactly as `reuse-pref-conformance run --profile <profile>` runs it against a vendor's
 * server. The packages' own unit tests are not here. One test per scenario test lets Stryker's perTest
 * coverage run only the scenarios whose requests reach a mutant. Not part of `pnpm test`
 * (the file name does not end in .test.ts): `pnpm mutation` runs it under Stryker.
 */
const root = suiteRoot();
const schemas = loadSchemaCheck(root);
const template = (await import('../../../spec/v1/examples/statement.json', { with: { type: 'json' } }))
  .default as Record<string, unknown>;
const servers: Partial<Record<Profile, ReferenceServer>> = {};

for (const profile of Profiles) {
  describe(profile, () => {
    // Started per profile: Vitest runs a suite's hooks only when one of its tests runs, so a mutant that
    // only receiver scenarios reach starts only the receiver.
    beforeAll(async () => {
      servers[profile] = await startReferenceServer(profile as Role, 'sqlite');
    }, 60_000);
    afterAll(async () => {
      await servers[profile]?.close();
    });
    for (const c of loadScenarios(root, profile)) {
      for (const t of c.tests) {
        it(`${c.id}/${t.id}`, async () => {
          const s = servers[profile]!;
          const results = await runScenarios(
            [{ ...c, tests: [t] }],
            {
              baseUrl: s.url,
              token: s.token,
              otherSchoolToken: s.otherSchoolToken,
              ...(s.intake ? { intake: { baseUrl: s.intake.url, token: s.intake.token } } : {}),
              school: SCHOOL,
              template,
            },
            schemas,
            `scenario:${profile}`,
          );
          // SHOULD and MAY scenarios run too (they reach code), but only a MUST failure kills a mutant. A
          // case needing an optional feature these servers do not claim (signing, decision 0033) is
          // skipped by the runner, as for a vendor without it: not a failure.
          const failed = results.filter(
            (r) => r.level === 'MUST' && r.status !== 'pass' && r.status !== 'skipped',
          );
          expect(failed.map((r) => `${r.id}: ${r.message ?? r.status}`)).toEqual([]);
        });
      }
    }
  });
}
