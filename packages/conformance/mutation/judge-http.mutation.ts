import type { Role } from '@reuse-pref/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Only the modules a scenario run needs (not the package index): Stryker re-imports them for every mutant.
import { loadScenarios, type Profile, Profiles } from '../src/scenarios/load.js';
import { runScenarios } from '../src/scenarios/run.js';
import { loadSchemaCheck } from '../src/scenarios/schemas.js';
import type { ScenarioCase, ScenarioTarget } from '../src/scenarios/types.js';
import { suiteRoot } from '../src/suite-root.js';
import {
  type ReferenceServer,
  SCHOOL,
  SUITE_SIGNING_KEY,
  startReferenceServer,
} from '../test/reference-servers.js';

/**
 * The conformance suite's HTTP profiles as the only judge of a mutant of the release gate or a server
 * operation (issue 11): the reference servers run in this process (so Stryker's mutant switch reaches
 * them) on a fresh SQLite store, and every scenario test of conformance/scenarios/v1/<profile>/ is one
 * test here, run exactly as `reuse-pref-conformance run --profile <profile>` runs it against a vendor's
 * server. The packages' own unit tests are not here. One test per scenario test lets Stryker's perTest
 * coverage run only the scenarios whose requests reach a mutant. Each profile has two blocks: the cases
 * that need no optional feature against servers without signing, and the cases that need signing
 * (`requires` signs / signingKey) against servers started with it, as `--signs` / `--signing-key` run
 * them. Not part of `pnpm test`
 * (the file name does not end in .test.ts): `pnpm mutation` runs it under Stryker.
 */
const root = suiteRoot();
const schemas = loadSchemaCheck(root);
const template = (await import('../../../spec/v1/examples/statement.json', { with: { type: 'json' } }))
  .default as Record<string, unknown>;
// The optional features a run can claim (signatures.md 8: most suppliers do not sign yet), and what the
// reference servers started with signing on claim per profile, as the CLI's --signs / --signing-key would:
// a producer and a relay sign; a receiver (and the distributor's intake) requires signatures from the key
// the suite signs every fixture with.
const SIGNING_FEATURES = ['signs', 'signingKey'] as const;
const OPTIONAL_FEATURES: readonly string[] = [...SIGNING_FEATURES, 'onwardShares'];
type Feature = (typeof SIGNING_FEATURES)[number] | 'onwardShares';
const SIGNING_CLAIMS: Record<Profile, Partial<ScenarioTarget>> = {
  producer: { signs: true },
  relay: { signs: true },
  receiver: { signingKey: SUITE_SIGNING_KEY as Record<string, unknown> },
  distributor: { signingKey: SUITE_SIGNING_KEY as Record<string, unknown> },
};
const needsSigning = (c: ScenarioCase) =>
  (c.requires ?? []).some((r) => (SIGNING_FEATURES as readonly string[]).includes(r));

/**
 * One describe block of scenario tests against one set of reference servers. Started lazily: Vitest runs a
 * suite's hooks only when one of its tests runs, so a mutant that only receiver scenarios reach starts only
 * the receiver, and one only the signing cases reach starts only the signing servers.
 */
function judge(name: string, profile: Profile, cases: readonly ScenarioCase[], signing: boolean): void {
  describe(name, () => {
    let server: ReferenceServer | undefined;
    // The unsigned relay starts with onward-share decisions in its log, as --onward-shares claims.
    const seeded = profile === 'relay' && !signing;
    const claims: Partial<ScenarioTarget> = signing
      ? SIGNING_CLAIMS[profile]
      : seeded
        ? { onwardShares: true }
        : {};
    beforeAll(async () => {
      server = await startReferenceServer(profile as Role, 'sqlite', {
        signatures: signing,
        onwardShares: seeded,
      });
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });
    for (const c of cases) {
      // A skip is no failure only where the case needs an optional feature these servers do not claim
      // (decision 0033), as for a vendor without it; a skipped case whose features are claimed fails.
      const unclaimed = (c.requires ?? []).some(
        (r) => OPTIONAL_FEATURES.includes(r) && claims[r as Feature] === undefined,
      );
      for (const t of c.tests) {
        it(`${c.id}/${t.id}`, async () => {
          const s = server!;
          const results = await runScenarios(
            [{ ...c, tests: [t] }],
            {
              baseUrl: s.url,
              token: s.token,
              otherSchoolToken: s.otherSchoolToken,
              ...(s.intake ? { intake: { baseUrl: s.intake.url, token: s.intake.token } } : {}),
              school: SCHOOL,
              template,
              ...claims,
            },
            schemas,
            `scenario:${profile}`,
          );
          // SHOULD and MAY scenarios run too (they reach code), but only a MUST failure kills a mutant.
          const failed = results.filter(
            (r) => r.level === 'MUST' && r.status !== 'pass' && !(r.status === 'skipped' && unclaimed),
          );
          expect(failed.map((r) => `${r.id}: ${r.message ?? r.status}`)).toEqual([]);
        });
      }
    }
  });
}

for (const profile of Profiles) {
  const cases = loadScenarios(root, profile);
  judge(
    profile,
    profile,
    cases.filter((c) => !needsSigning(c)),
    false,
  );
  // The cases that need signing, against servers started with signing on (signature-policy.ts, the
  // producer's and relay's signing, the signature counts a distributor's releases carry). Vitest fails an
  // empty block, so a profile with no such case yet has none.
  const signingCases = cases.filter(needsSigning);
  if (signingCases.length > 0) judge(`${profile} (signing)`, profile, signingCases, true);
}
