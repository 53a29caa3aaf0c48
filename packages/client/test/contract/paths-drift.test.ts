import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedPath, renderPaths } from '../../scripts/render-paths.js';

describe('src/generated/paths.generated.ts', () => {
  it('matches what openapi-typescript generates from spec/v1/openapi.yaml (run `pnpm --filter @reuse-pref/client generate`)', async () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(await renderPaths());
  });
});
