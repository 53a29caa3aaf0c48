// The contract-fuzz profile in CI (issue 12): generated valid and invalid requests for every operation
// each reference role must serve, on both stores, at least 1,000 cases per role, zero failures; every
// response checked against openapi.yaml.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/index.js';
import { type ReferenceFleet, STORE_KINDS, startReferenceFleet } from './reference-servers.js';

const ROLES = ['producer', 'relay', 'receiver', 'distributor'] as const;
const CASES = Number(process.env.CONTRACT_FUZZ_CASES ?? 1000);
const SEED = Number(process.env.CONTRACT_FUZZ_SEED ?? 20261130);
let fleet: ReferenceFleet;
let servers: ReferenceFleet['servers'];

beforeAll(async () => {
  fleet = await startReferenceFleet(ROLES);
  servers = fleet.servers;
}, 120_000);
afterAll(() => fleet.close());

describe.each(STORE_KINDS)('run --profile contract on the %s store', (kind) => {
  it.concurrent.each(ROLES)(
    'against the reference %s: no failure',
    async (role) => {
      const s = servers[kind][role]!;
      let out = '';
      const intake = s.intake ? ['--intake-url', s.intake.url, '--intake-token', s.intake.token] : [];
      const code = await main(
        [
          'run',
          '--profile',
          'contract',
          '--base-url',
          s.url,
          '--token',
          s.token,
          '--other-school-token',
          s.otherSchoolToken,
          '--seed',
          String(SEED),
          '--cases',
          String(CASES),
          ...intake,
        ],
        { out: (t) => (out += t), err: (t) => (out += t), env: {} },
      );
      console.log(`${role} on ${kind}:\n${out.split('\n').slice(0, 3).join('\n')}`);
      expect(out).not.toContain('MUST failures');
      expect(code, out).toBe(0);
      const cases = Number(/(\d+) cases/.exec(out)?.[1]);
      expect(cases).toBeGreaterThanOrEqual(CASES);
    },
    600_000,
  );
});
