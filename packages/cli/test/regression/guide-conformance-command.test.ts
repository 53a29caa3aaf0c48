import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt, repoRoot, runBin } from '../support/bin.js';

// Bug: the MIS guide said `reuse-pref conformance --profile producer`, a command that does not exist.
// Every `reuse-pref <command>` a guide names must be one the CLI has; someone who still types
// `reuse-pref conformance` is pointed at the suite's own package.
beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);

function commandsNamedInDocs(): Set<string> {
  const named = new Set<string>();
  const dirs = [join(repoRoot, 'docs/guides'), repoRoot];
  for (const dir of dirs)
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/\breuse-pref ([a-z][a-z-]*)/g))
        named.add(m[1]!);
    }
  return named;
}

describe('commands the guides name', () => {
  it('each is a reuse-pref command', () => {
    const help = runBin(['help']).stdout;
    const known = [...help.matchAll(/^ {2}([a-z-]+) {2}/gm)].map((m) => m[1]);
    expect(known.length).toBeGreaterThan(5);
    const named = [...commandsNamedInDocs()];
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((c) => !known.includes(c))).toEqual([]);
  });

  it('reuse-pref conformance points at the suite package and exits 2', () => {
    const run = runBin(['conformance', '--profile', 'producer']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('npx @reuse-pref/conformance run');
  });
});
