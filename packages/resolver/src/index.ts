export { parseInstant } from '@reuse-pref/schema';
export { ageOn } from './age.js';
export { DEFAULT_COMPETENCE_AGE } from './competence.js';
export { type ConflictChoice, conflictKey, readConflictContent } from './identity.js';
export { ResolverInputError } from './input-error.js';
export { compareStatements } from './order.js';
export { type ResolveInput, resolve } from './resolve.js';
