import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderVectors } from '../scripts/render-vectors.js';

const root = new URL('../../../conformance/vectors/v1/resolver/', import.meta.url);

describe('checked-in resolver vectors', () => {
  it.each([...renderVectors()])(
    '%s matches its builder (run `pnpm --filter @reuse-pref/resolver vectors`)',
    (path, text) => {
      expect(readFileSync(new URL(path, root), 'utf8')).toBe(text);
    },
  );

  it('has no file that no builder writes', () => {
    const checkedIn = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('.json'))
      .sort();
    expect(checkedIn).toEqual([...renderVectors().keys()].sort());
  });
});
