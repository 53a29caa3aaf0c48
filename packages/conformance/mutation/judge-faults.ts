import type { Role } from '@reuse-pref/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../src/scenarios/load.js';
import type { SchemaCheck } from '../src/scenarios/schemas.js';
import type { ScenarioCase } from '../src/scenarios/types.js';
import { type FaultyReference, runWithFaults, startFaultyReference } from '../test/faulty-reference.js';

/** The cases that need a fault hook (`requires: ["faults"]`, decision 0042). */
export const needsFaults = (c: ScenarioCase) => (c.requires ?? []).includes('faults');

/**
 * The fault cases of one profile against reference servers this process can make fail: its store
 * refusing or not answering, its process restarted, a log leaf rewritten in the database (what
 * `--fault-command` asks a vendor's operator hook for). Each test gets servers of its own, started when
 * it runs and closed after it: a rewritten log leaves a distributor refusing, and a test that stopped
 * halfway must not leave the next one a failing store.
 */
export function judgeFaults(
  profile: Profile,
  cases: readonly ScenarioCase[],
  schemas: SchemaCheck,
  template: Record<string, unknown>,
): void {
  if (cases.length === 0) return;
  describe(`${profile} (faults)`, () => {
    let server: FaultyReference | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });
    for (const c of cases) {
      for (const t of c.tests) {
        it(`${c.id}/${t.id}`, { timeout: 120_000 }, async () => {
          server = await startFaultyReference(profile as Role, 'sqlite');
          const results = await runWithFaults(server, profile, [{ ...c, tests: [t] }], schemas, template);
          const failed = results.filter((r) => r.level === 'MUST' && r.status !== 'pass');
          expect(failed.map((r) => `${r.id}: ${r.message ?? r.status}`)).toEqual([]);
        });
      }
    }
  });
}
