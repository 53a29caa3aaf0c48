import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('runs in browsers and workers as well as Node', () => {
  it.each(files)('src/%s imports only its own modules', (file) => {
    const imports = [...readFileSync(`${src}${file}`, 'utf8').matchAll(/\bfrom\s+'([^']+)'/g)].map(
      (m) => m[1],
    );
    expect(imports.filter((specifier) => !specifier?.startsWith('./'))).toEqual([]);
  });

  it('has no runtime dependencies to pull Node in', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it.each(files)('src/%s uses no Node globals', (file) => {
    const text = readFileSync(`${src}${file}`, 'utf8');
    expect(text.match(/\b(process|Buffer|require|__dirname|setImmediate)\b[.(]/g) ?? []).toEqual([]);
  });
});
