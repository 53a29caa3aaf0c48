// Writes src/generated/ from spec/v1/openapi.yaml. Run: pnpm --filter @reuse-pref/contract generate
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { renderContract } from './render.js';

for (const [path, content] of await renderContract()) {
  writeFileSync(path, content);
  console.log(`wrote ${relative(process.cwd(), path)}`);
}
