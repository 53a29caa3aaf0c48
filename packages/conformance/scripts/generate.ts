// Writes conformance/protocol/harness-protocol.schema.json from src/protocol/messages.ts, and the field ×
// rule table and the HTTP operation × concern matrix of conformance/README.md.
// Run: pnpm --filter @reuse-pref/conformance generate (a test fails when a checked-in file drifts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderFaultHookSchema } from '../src/faults/document.js';
import { renderHarnessProtocolSchema } from '../src/protocol/document.js';
import { readmeWithGeneratedTables } from '../src/strength/readme-block.js';

const path = fileURLToPath(
  new URL('../../../conformance/protocol/harness-protocol.schema.json', import.meta.url),
);
writeFileSync(path, renderHarnessProtocolSchema());
console.log('wrote conformance/protocol/harness-protocol.schema.json');
writeFileSync(
  fileURLToPath(new URL('../../../conformance/protocol/fault-hook.schema.json', import.meta.url)),
  renderFaultHookSchema(),
);
console.log('wrote conformance/protocol/fault-hook.schema.json');

const readme = readmeWithGeneratedTables(fileURLToPath(new URL('../../../', import.meta.url)));
writeFileSync(readme.path, readme.text);
console.log('wrote the field × rule table and the HTTP matrix of conformance/README.md');
