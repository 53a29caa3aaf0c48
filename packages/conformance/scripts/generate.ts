// Writes conformance/protocol/harness-protocol.schema.json from src/protocol/messages.ts.
// Run: pnpm --filter @reuse-pref/conformance generate (a test fails when the checked-in file drifts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderHarnessProtocolSchema } from '../src/protocol/document.js';

const path = fileURLToPath(
  new URL('../../../conformance/protocol/harness-protocol.schema.json', import.meta.url),
);
writeFileSync(path, renderHarnessProtocolSchema());
console.log('wrote conformance/protocol/harness-protocol.schema.json');
