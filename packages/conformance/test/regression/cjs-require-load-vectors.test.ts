import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageDir } from '../harness-command.js';

// Bug: the CommonJS build had no import.meta shim (esbuild warned "import.meta is not available with the
// cjs output format" in every build), so suiteRoot() threw and require('@reuse-pref/conformance')
// .loadVectors() could not find the suite files.
const repoRoot = join(packageDir, '..', '..');

beforeAll(() => {
  execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs'), '--js', '@reuse-pref/conformance']);
}, 180_000);

describe('require("@reuse-pref/conformance") from CommonJS', () => {
  it('finds the suite and loads every vector file, as the ESM build does', () => {
    const script = `
      const suite = require(${JSON.stringify(packageDir)});
      const files = suite.loadVectors(suite.suiteRoot());
      const cases = files.reduce((n, f) => n + f.cases.length, 0);
      process.stdout.write(JSON.stringify({ files: files.length, cases }));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: packageDir });
    expect(run.stderr).toBe('');
    const loaded = JSON.parse(run.stdout) as { files: number; cases: number };
    expect(loaded.files).toBeGreaterThan(1);
    expect(loaded.cases).toBeGreaterThan(10);
  });

  it('the CommonJS build carries no bare import.meta (what esbuild empties and warns about)', () => {
    const cjs = readFileSync(join(packageDir, 'dist/index.cjs'), 'utf8');
    expect(cjs).not.toMatch(/\bimport\.meta\b/);
  });
});
