import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderVectors } from '../scripts/render-vectors.js';
import { vectorRoot } from './load-vectors.js';

const rendered = renderVectors();

describe('checked-in validation vectors', () => {
  it.each([...rendered])(
    '%s matches its builder (run `pnpm --filter @reuse-pref/validator vectors`)',
    (path, text) => {
      expect(readFileSync(join(vectorRoot, path), 'utf8')).toBe(text);
    },
  );

  it('has no file that no builder writes', () => {
    const checkedIn = readdirSync(vectorRoot, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('.json'))
      .sort();
    expect(checkedIn).toEqual([...rendered.keys()].sort());
  });
});
