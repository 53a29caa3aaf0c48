import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The client's one dependency is the contract package, which is types and plain data: both must stay
// free of Node so the client keeps running in browsers and workers.
const PORTABLE_DEPENDENCIES = ['@reuse-pref/contract'];

const packageDir = (name: string) => new URL(`../../${name}/`, import.meta.url);
const manifestOf = (name: string) =>
  JSON.parse(readFileSync(new URL('package.json', packageDir(name)), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
const sources = ['client', 'contract'].flatMap((name) => {
  const src = fileURLToPath(new URL('src/', packageDir(name)));
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${name}/src/${f}`);
});
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('runs in browsers and workers as well as Node', () => {
  it.each(sources)('%s imports only its own modules and the contract', (file) => {
    const imports = [...read(file).matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
    const foreign = imports.filter((s) => !s?.startsWith('./') && !PORTABLE_DEPENDENCIES.includes(s!));
    expect(foreign).toEqual([]);
  });

  it('has no runtime dependencies to pull Node in', () => {
    expect(Object.keys(manifestOf('client').dependencies ?? {})).toEqual(PORTABLE_DEPENDENCIES);
    expect(manifestOf('contract').dependencies ?? {}).toEqual({});
  });

  it.each(sources)('%s uses no Node globals', (file) => {
    expect(read(file).match(/\b(process|Buffer|require|__dirname|setImmediate)\b[.(]/g) ?? []).toEqual([]);
  });
});
