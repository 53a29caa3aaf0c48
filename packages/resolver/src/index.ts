export { parseInstant } from '@reuse-pref/schema';
export { ageOn } from './age.js';
export { type CompetenceContext, DEFAULT_COMPETENCE_AGE, isCompetentPupilStatement } from './competence.js';
export { conflictDigest, conflictKey } from './identity.js';
export { ResolverInputError } from './input-error.js';
export { compareStatements } from './order.js';
export { type ResolveInput, resolve } from './resolve.js';
