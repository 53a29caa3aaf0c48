export { ageOn } from './age.js';
export { type CompetenceContext, DEFAULT_COMPETENCE_AGE, isCompetentPupilStatement } from './competence.js';
export { parseInstant } from './instant.js';
export { compareStatements } from './order.js';
export { type ResolveInput, resolve } from './resolve.js';
