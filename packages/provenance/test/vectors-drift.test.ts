import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderVectors } from '../scripts/vectors/render-vectors.js';
import { vectorsRoot } from './load-signature-vectors.js';

describe('checked-in signature vectors', () => {
  it('match their builder byte for byte (run `pnpm --filter @reuse-pref/provenance generate`)', async () => {
    const rendered = await renderVectors();
    for (const [path, text] of rendered) expect(readFileSync(new URL(path, vectorsRoot), 'utf8')).toBe(text);
    const checkedIn = readdirSync(vectorsRoot, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('.json'))
      .sort();
    expect(checkedIn).toEqual([...rendered.keys()].sort());
  });
});
