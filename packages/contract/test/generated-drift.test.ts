import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderContract } from '../scripts/render.js';

describe('src/generated/ and spec/v1/openapi.bundled.yaml match spec/v1/openapi.yaml', async () => {
  const files = await renderContract();
  it.each([...files.keys()])('%s (run `pnpm generate`)', (path) => {
    expect(readFileSync(path, 'utf8')).toBe(files.get(path));
  });
});
