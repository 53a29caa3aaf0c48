import { join } from 'node:path';

export const packageDir = join(import.meta.dirname, '..');

/** Our reference harness as a vendor's would run: a separate process speaking the protocol. */
export const referenceHarnessCommand = 'node --conditions=source --import tsx src/bin.ts harness';
