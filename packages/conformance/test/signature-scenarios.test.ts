import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContract } from '../src/contract/document.js';
import { loadScenarios, loadSchemaCheck, runScenarios, suiteRoot } from '../src/index.js';
import {
  type ReferenceFleet,
  SCHOOL,
  STORE_KINDS,
  SUITE_SIGNING_KEY,
  startReferenceFleet,
} from './reference-servers.js';

// The signature cases (scenarios/v1/<profile>/must/signatures.json) against reference servers that sign
// (producer, relay) and require signatures from the suite's key (receiver), on both stores.
const ROLES = ['producer', 'relay', 'receiver'] as const;
const root = suiteRoot();
const template = JSON.parse(readFileSync(`${root}/spec/v1/examples/statement.json`, 'utf8'));
let fleet: ReferenceFleet;
beforeAll(async () => {
  fleet = await startReferenceFleet(ROLES, { signatures: true });
}, 120_000);
afterAll(() => fleet.close());

describe.each(STORE_KINDS.flatMap((kind) => ROLES.map((role) => [role, kind] as const)))(
  'signature scenarios of the %s profile on %s',
  (role, kind) => {
    it('pass against a reference server that signs or requires signatures', async () => {
      const s = fleet.servers[kind][role]!;
      const cases = loadScenarios(root, role).filter((c) =>
        c.requires?.some((r) => r === 'signs' || r === 'signingKey'),
      );
      expect(cases.length).toBeGreaterThanOrEqual(1);
      const results = await runScenarios(
        cases,
        {
          baseUrl: s.url,
          token: s.token,
          school: SCHOOL,
          template,
          ...(role === 'receiver'
            ? { signingKey: SUITE_SIGNING_KEY as Record<string, unknown> }
            : { signs: true }),
        },
        loadSchemaCheck(root, loadContract(root).schemas),
        `scenario:${role}`,
      );
      expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
      // Every test of those cases ran: the receiver's capability case rides on --signing-key too.
      expect(results.length).toBe(role === 'receiver' ? 5 : 4);
    });
  },
);
