import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSpecFiles } from '../src/index.js';

const specDir = join(import.meta.dirname, '../../../spec/v1');
const generatedDirs = ['schemas', 'codelists', 'catalogue'];

describe('generated spec files', () => {
  const files = renderSpecFiles();

  it.each([...files.keys()])('spec/v1/%s matches its TypeBox source (run `pnpm generate`)', (path) => {
    expect(readFileSync(join(specDir, path), 'utf8')).toBe(files.get(path));
  });

  it('has no stale generated files left behind', () => {
    const onDisk = generatedDirs.flatMap((dir) => readdirSync(join(specDir, dir)).map((f) => `${dir}/${f}`));
    expect(onDisk.sort()).toEqual([...files.keys()].sort());
  });
});
