import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/index.js';
import { packageDir } from '../harness-command.js';

// Bug: reuse-pref-conformance had no --version, so a CI log could not say which suite judged the build.
const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string })
  .version;

describe('reuse-pref-conformance --version', () => {
  it.each([['--version'], ['-v']])('%s prints the package version and exits 0', async (flag) => {
    let out = '';
    const code = await main([flag], { out: (t) => (out += t), err: (t) => (out += t), env: {} });
    expect(code).toBe(0);
    expect(out).toBe(`${version}\n`);
  });
});
