import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios, main, suiteRoot } from '../../src/index.js';
import { packageDir, referenceHarnessCommand } from '../harness-command.js';

// Bug: examples/vendor-ci passes one skip list to the harness run and the HTTP run, and a skip for an HTTP
// scenario was "an id this suite does not have" in the harness run, so any HTTP skip failed the vectors step.
const dir = mkdtempSync(join(tmpdir(), 'rp-one-skip-list-'));
const command = `cd ${JSON.stringify(packageDir)} && ${referenceHarnessCommand}`;

async function harnessRunWith(skips: Record<string, string>) {
  const path = join(dir, `skips-${Object.keys(skips).length}-${Math.random()}.json`);
  writeFileSync(path, JSON.stringify(skips));
  let out = '';
  const code = await main(['run', '--harness', command, '--skips', path], {
    out: (t) => (out += t),
    err: (t) => (out += t),
    env: {},
  });
  return { code, out };
}

describe('one skip list for every step of a vendor CI', () => {
  const scenario = loadScenarios(suiteRoot(), 'producer')[0]!;
  const httpId = `${scenario.id}/${scenario.tests[0]!.id}`;

  it('an HTTP scenario on the list does not fail the harness run', async () => {
    const run = await harnessRunWith({ [httpId]: 'ACME-1: single-school sandbox' });
    expect(run.code, run.out).toBe(0);
  }, 120_000);

  it('an id no mode of the suite has still fails the run', async () => {
    const run = await harnessRunWith({ [httpId]: 'ACME-1', 'producer-no-such-case/x': 'typo' });
    expect(run.code).toBe(1);
    expect(run.out).toContain('producer-no-such-case/x');
    expect(run.out).not.toContain(`names ${httpId}`);
  }, 120_000);
});
