import { readFileSync } from 'node:fs';
import type { Role } from '@reuse-pref/server';
import { afterEach, describe, expect, it } from 'vitest';
import { renderFaultHookSchema } from '../src/faults/document.js';
import {
  commandFaultHook,
  FaultHookError,
  FaultNames,
  loadScenarios,
  loadSchemaCheck,
  Profiles,
  runScenarios,
  suiteRoot,
} from '../src/index.js';
import { type FaultyReference, runWithFaults, startFaultyReference } from './faulty-reference.js';
import { SCHOOL } from './reference-servers.js';

const root = suiteRoot();
const schemaPath = new URL('../../../conformance/protocol/fault-hook.schema.json', import.meta.url);
const schemas = loadSchemaCheck(root);
const template = JSON.parse(readFileSync(`${root}/spec/v1/examples/statement.json`, 'utf8'));
const faultCases = (profile: (typeof Profiles)[number]) =>
  loadScenarios(root, profile).filter((c) => (c.requires ?? []).includes('faults'));

describe('conformance/protocol/fault-hook.schema.json', () => {
  it('is generated from src/faults/vocabulary.ts (run `pnpm --filter @reuse-pref/conformance generate`)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(renderFaultHookSchema());
  });

  it('names every fault a scenario step asks for, and each is asked for by some scenario', () => {
    const asked = new Set(
      Profiles.flatMap((p) =>
        [...JSON.stringify(loadScenarios(root, p)).matchAll(/"fault":"([^"]+)"/g)].map((m) => m[1]),
      ),
    );
    expect([...asked].sort()).toEqual([...FaultNames].sort());
  });
});

describe('--fault-command', () => {
  const hook = (script: string) => commandFaultHook(`node -e "${script}"`);

  it('passes the fault name as one argument and resolves when the command exits 0', async () => {
    const seen = commandFaultHook(`node -e "process.exit(process.argv[1] === 'store-slow' ? 0 : 1)"`);
    await expect(seen.cause('store-slow')).resolves.toBe('done');
    await expect(seen.cause('store-restored')).rejects.toThrow(FaultHookError);
  });

  it('exit 3 means the hook cannot cause that fault', async () => {
    await expect(hook('process.exit(3)').cause('log-leaf-altered')).resolves.toBe('unsupported');
  });

  it('any other exit fails with what the command wrote', async () => {
    await expect(
      hook("console.error('no rights on the database'); process.exit(1)").cause('store-unavailable'),
    ).rejects.toThrow(/fault command .* store-unavailable' exited 1: no rights on the database/);
  });

  it('a command that does not exit in time is stopped and fails', async () => {
    const slow = commandFaultHook(`node -e "setTimeout(() => {}, 60000)"`, { timeoutMs: 500 });
    await expect(slow.cause('server-restarted')).rejects.toThrow(/did not exit within 0.5 s/);
  });
});

describe('the fault scenarios of every profile', () => {
  let server: FaultyReference | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each(Profiles)('%s: without a hook each is skipped, named, with the option to give', async (profile) => {
    const cases = faultCases(profile);
    expect(cases.length).toBeGreaterThan(0);
    const results = await runScenarios(
      cases,
      { baseUrl: 'http://127.0.0.1:9', token: 't', school: SCHOOL, template },
      schemas,
      `scenario:${profile}`,
    );
    expect(new Set(results.map((r) => `${r.status}: ${r.message}`))).toEqual(
      new Set(['skipped: optional feature not claimed: run with --fault-command if the service has it']),
    );
    expect(results.map((r) => r.id)).toEqual(cases.flatMap((c) => c.tests.map((t) => `${c.id}/${t.id}`)));
  });

  // Each test gets its own servers: a rewritten log leaves a distributor refusing.
  const tests = Profiles.flatMap((profile) =>
    faultCases(profile).flatMap((c) => c.tests.map((t) => [profile, c, t] as const)),
  );
  it.each(tests.map(([p, c, t]) => [`${c.id}/${t.id}`, p, c, t] as const))(
    '%s passes against the reference with its fault hook',
    async (_id, profile, c, t) => {
      server = await startFaultyReference(profile as Role, 'sqlite');
      const results = await runWithFaults(server, profile, [{ ...c, tests: [t] }], schemas, template);
      expect(results.map((r) => ({ id: r.id, status: r.status, message: r.message }))).toEqual([
        { id: `${c.id}/${t.id}`, status: 'pass', message: undefined },
      ]);
    },
    120_000,
  );
});
