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
// (producer, relay) and require signatures from the suite's key (receiver), on both stores; and a receiver
// that only verifies them (policy verify), with --signature-policy verify's cases.
const ROLES = ['producer', 'relay', 'receiver'] as const;
const SIGNING = ['signs', 'signingKey', 'requireSignature', 'verifySignatures'];
const root = suiteRoot();
const template = JSON.parse(readFileSync(`${root}/spec/v1/examples/statement.json`, 'utf8'));
let fleet: ReferenceFleet;
let verifying: ReferenceFleet;
beforeAll(async () => {
  fleet = await startReferenceFleet(ROLES, { signatures: true });
  verifying = await startReferenceFleet(['receiver'], { signatures: true, signaturePolicy: 'verify' });
}, 120_000);
afterAll(async () => {
  await fleet.close();
  await verifying.close();
});

const runs = [
  ...ROLES.map((role) => ({ role, policy: undefined })),
  { role: 'receiver' as const, policy: 'verify' as const },
];
describe.each(STORE_KINDS.flatMap((kind) => runs.map((r) => [r.role, kind, r.policy] as const)))(
  'signature scenarios of the %s profile on %s (policy %s)',
  (role, kind, policy) => {
    it('pass against a reference server that signs, requires or verifies signatures', async () => {
      const s = (policy ? verifying : fleet).servers[kind][role]!;
      const cases = loadScenarios(root, role).filter((c) => c.requires?.some((r) => SIGNING.includes(r)));
      expect(cases.length).toBeGreaterThanOrEqual(1);
      const results = await runScenarios(
        cases,
        {
          baseUrl: s.url,
          token: s.token,
          school: SCHOOL,
          template,
          ...(role === 'receiver'
            ? {
                signingKey: SUITE_SIGNING_KEY as Record<string, unknown>,
                ...(policy ? { signaturePolicy: policy } : {}),
              }
            : { signs: true }),
        },
        loadSchemaCheck(root, loadContract(root).schemas),
        `scenario:${role}`,
      );
      // The other policy's cases are skipped (not this receiver's behaviour); every case of its own passes.
      const other =
        role === 'receiver' ? (policy ? 'receiver-require-signature' : 'receiver-verify-signatures') : '';
      const mine = results.filter((r) => !other || !r.id.startsWith(`${other}/`));
      expect(mine.filter((r) => r.status !== 'pass')).toEqual([]);
      expect(
        results.filter((r) => other && r.id.startsWith(`${other}/`)).every((r) => r.status === 'skipped'),
      ).toBe(true);
      expect(mine.length).toBeGreaterThanOrEqual(4);
    });
  },
);
