// Writes src/generated/paths.generated.ts from the contract. Run: pnpm --filter @reuse-pref/client generate
import { writeFileSync } from 'node:fs';
import { generatedPath, renderPaths } from './render-paths.js';

writeFileSync(generatedPath, await renderPaths());
console.log(`wrote ${generatedPath}`);
