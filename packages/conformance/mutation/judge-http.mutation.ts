import type { Role } from '@reuse-pref/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Only the modules a scenario run needs (not the package index): Stryker re-imports them for every mutant.
import { loadScenarios, type Profile, Profiles } from '../src/scenarios/load.js';
import { runScenarios } from '../src/scenarios/run.js';
import { loadSchemaCheck } from '../src/scenarios/schemas.js';
import type { ScenarioCase, ScenarioTarget } from '../src/scenarios/types.js';
import { suiteRoot } from '../src/suite-root.js';
import {
  type ReferenceOptions,
  type ReferenceServer,
  SCHOOL,
  type StoreKind,
  SUITE_SIGNING_KEY,
  startReferenceServer,
} from '../test/reference-servers.js';
import { DISTRIBUTOR_BLOCK, DISTRIBUTOR_FEATURES, familyOf } from './distributor-claims.js';
import { startDistributorDeployment } from './distributor-deployment.js';
import { judgeFaults, needsFaults } from './judge-faults.js';
import { receiverOnPostgres } from './receiver-on-postgres.js';

/**
 * The conformance suite's HTTP profiles as the only judge of a mutant of the release gate or a server
 * operation (issue 11): the reference servers run in this process (so Stryker's mutant switch reaches
 * them) on a fresh SQLite store, and every scenario test of conformance/scenarios/v1/<profile>/ is one
 * test here, run exactly as `reuse-pref-conformance run --profile <profile>` runs it against a vendor's
 * server. The packages' own unit tests are not here. One test per scenario test lets Stryker's perTest
 * coverage run only the scenarios whose requests reach a mutant. Each profile has two blocks: the cases
 * that need no optional feature against servers without signing, and the cases that need signing
 * (`requires` signs / signingKey / requireSignature / verifySignatures) against servers started with it,
 * as `--signs` / `--signing-key` / `--signature-policy` run them (a receiver has one block per policy). Not part of `pnpm test`
 * (the file name does not end in .test.ts): `pnpm mutation` runs it under Stryker.
 */
const root = suiteRoot();
const schemas = loadSchemaCheck(root);
const template = (await import('../../../spec/v1/examples/statement.json', { with: { type: 'json' } }))
  .default as Record<string, unknown>;
// The optional features a run can claim (signatures.md 8: most suppliers do not sign yet; the runner skips a
// case needing one it was not given), and the reference servers that claim them per profile, as the CLI's
// --signs / --signing-key / --signature-policy would: a producer and a relay sign; a receiver (and the
// distributor's intake) requires signatures from the key the suite signs every fixture with, or only
// verifies them.
const SIGNING_FEATURES = new Set(['signs', 'signingKey', 'requireSignature', 'verifySignatures']);
// Optional features beyond signing: a relay whose onward-share log already holds decisions (--onward-shares).
const OPTIONAL_FEATURES = new Set([...SIGNING_FEATURES, 'onwardShares', ...DISTRIBUTOR_FEATURES]);
interface SigningBlock {
  name: string;
  claims: readonly string[];
  target: Partial<ScenarioTarget>;
  options: ReferenceOptions;
  /** Servers other than one reference server of the profile (a deployment of several). */
  start?: () => Promise<ReferenceServer>;
  /** The store the servers run on: SQLite unless a block says (receiver-on-postgres.ts). */
  store?: StoreKind;
}
const key = SUITE_SIGNING_KEY as Record<string, unknown>;
const REQUIRE: SigningBlock = {
  name: 'signing',
  claims: ['signingKey', 'requireSignature'],
  target: { signingKey: key },
  options: { signatures: true },
};
const SIGNING_BLOCKS: Record<Profile, readonly SigningBlock[]> = {
  producer: [{ name: 'signing', claims: ['signs'], target: { signs: true }, options: { signatures: true } }],
  relay: [{ name: 'signing', claims: ['signs'], target: { signs: true }, options: { signatures: true } }],
  receiver: [
    REQUIRE,
    {
      name: 'verify',
      claims: ['signingKey', 'verifySignatures'],
      target: { signingKey: key, signaturePolicy: 'verify' },
      options: { signatures: true, signaturePolicy: 'verify' },
    },
  ],
  distributor: [REQUIRE],
};
const signingNeeds = (c: ScenarioCase) => (c.requires ?? []).filter((r) => SIGNING_FEATURES.has(r));
const optionalNeeds = (c: ScenarioCase) => (c.requires ?? []).filter((r) => OPTIONAL_FEATURES.has(r));
// The servers the cases without signing run against: the unsigned relay starts with onward-share decisions
// in its log (seeded through decideOnwardShare), as --onward-shares claims.
const BASE_BLOCKS: Partial<Record<Profile, SigningBlock>> = {
  relay: {
    name: 'onward shares',
    claims: ['onwardShares'],
    target: { onwardShares: true },
    options: { onwardShares: true },
  },
  // The distributor serves its register as CSV and HTML and gives a family token (decision 0044).
  distributor: DISTRIBUTOR_BLOCK,
};

/**
 * One describe block of scenario tests against one set of reference servers. Started lazily: Vitest runs a
 * suite's hooks only when one of its tests runs, so a mutant that only receiver scenarios reach starts only
 * the receiver, and one only the signing cases reach starts only the signing servers.
 */
function judge(name: string, profile: Profile, cases: readonly ScenarioCase[], block?: SigningBlock): void {
  describe(name, () => {
    let server: ReferenceServer | undefined;
    beforeAll(async () => {
      server = await (block?.start?.() ??
        startReferenceServer(profile as Role, block?.store ?? 'sqlite', block?.options ?? {}));
    }, 60_000);
    afterAll(async () => {
      await server?.close();
    });
    for (const c of cases) {
      // A skip is no failure only where the case needs an optional feature these servers do not claim
      // (decision 0033), as for a vendor without it; a skipped case whose features are claimed fails.
      const unclaimed = optionalNeeds(c).some((r) => !block?.claims.includes(r));
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
              ...block?.target,
              ...familyOf(s, block?.claims),
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
  // Each case needing signing runs against the first servers that claim all it needs (signature-policy.ts
  // under each policy, the producer's and relay's signing, the counts a distributor's releases carry); the
  // rest, and a case no servers here claim (skipped, as for a vendor without the feature), run without.
  const blockOf = (c: ScenarioCase) => {
    const needs = signingNeeds(c);
    return needs.length === 0
      ? undefined
      : SIGNING_BLOCKS[profile].find((b) => needs.every((r) => b.claims.includes(r)));
  };
  // The cases that need a fault hook run against servers this process can make fail (judge-faults.ts).
  const all = loadScenarios(root, profile);
  judgeFaults(profile, all.filter(needsFaults), schemas, template);
  const cases = all.filter((c) => !needsFaults(c));
  judge(
    profile,
    profile,
    cases.filter((c) => blockOf(c) === undefined),
    BASE_BLOCKS[profile],
  );
  // Vitest fails an empty block, so a profile with no case for a block has none.
  for (const block of SIGNING_BLOCKS[profile]) {
    const mine = cases.filter((c) => blockOf(c) === block);
    if (mine.length > 0) judge(`${profile} (${block.name})`, profile, mine, block);
  }
  // A receiver may read batches on ingest worker threads (ingestThreads), and then hands them the policy's
  // keys from the event loop (workerSignatures): the cases that post batches again against such receivers,
  // without a policy and requiring signatures. (The workers' own code is out of Stryker's reach.)
  if (profile === 'receiver') {
    const postsBatches = (c: ScenarioCase) => JSON.stringify(c).includes('"/intake/batches"');
    const threads: ReferenceOptions = { ingestThreads: 1 };
    judge(
      'receiver (ingest threads)',
      profile,
      cases.filter((c) => blockOf(c) === undefined && postsBatches(c)),
      { name: 'ingest threads', claims: [], target: {}, options: threads },
    );
    judge(
      'receiver (signing, ingest threads)',
      profile,
      cases.filter((c) => blockOf(c) === REQUIRE && postsBatches(c)),
      { ...REQUIRE, options: { ...REQUIRE.options, ...threads } },
    );
    for (const pg of receiverOnPostgres(cases, SIGNING_BLOCKS.receiver, blockOf)) {
      judge(pg.name, profile, pg.cases, pg.block);
    }
  }
}

// A distributor deployed as production runs it (distributor-deployment.ts: two instances on one store
// behind a round-robin proxy, each keeping its last signed head in a file, one restarted after signing):
// the unsigned cases that read the log, its heads, proofs or receipts, so catching up with what the other
// instance recorded and the head kept in a file are reached by ordinary scenarios (issue 11, decision 0043).
{
  const readsTheLog = (c: ScenarioCase) =>
    (c.requires ?? []).length === 0 &&
    /\/register\/tree-head|\/register\/log\/|\/receipt"|"verifyLog"|"verifyReceipt"/.test(JSON.stringify(c));
  judge(
    'distributor (two instances, heads in files)',
    'distributor',
    loadScenarios(root, 'distributor').filter(readsTheLog),
    { name: 'two instances', claims: [], target: {}, options: {}, start: startDistributorDeployment },
  );
}
