import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/index.js';
import { packageDir, referenceHarnessCommand } from './harness-command.js';

const dir = mkdtempSync(join(tmpdir(), 'rp-conformance-harness-'));

async function cli(args: string[]) {
  let out = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (out += t), env: {} });
  return { code, out };
}

// The CLI spawns the harness with a shell in the current directory, as a vendor's CI would.
const command = `cd ${JSON.stringify(packageDir)} && ${referenceHarnessCommand}`;

describe('run --harness', () => {
  it('passes every vector against the reference harness, and a now-passing skip fails the run', async () => {
    const json = join(dir, 'report.json');
    const ok = await cli(['run', '--harness', command, '--json', json]);
    expect(ok.code, ok.out).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.counts.pass).toBe(report.counts.total);
    const skips = join(dir, 'skips.json');
    writeFileSync(skips, JSON.stringify({ [report.results[0].id]: 'was broken', 'no-such-case/x': 'typo' }));
    const stale = await cli(['run', '--harness', command, '--skips', skips]);
    expect(stale.code).toBe(1);
    expect(stale.out).toContain('now passes');
    expect(stale.out).toContain('no-such-case/x');
  }, 120_000);

  it('a harness that is not there fails clearly, as could not run', async () => {
    const { code, out } = await cli(['run', '--harness', 'exit 3']);
    expect(code).toBe(3);
    expect(out).toMatch(/harness (exited|failed|stdin)/);
  });
});
