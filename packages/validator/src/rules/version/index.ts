import { specVersionUnsupported } from './spec-version-unsupported.js';

/** The version of the standard a statement says it follows. */
export const versionRules = [specVersionUnsupported] as const;
